using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Agents;

/// <summary>The eight agents, by name.</summary>
public sealed class AgentCatalog
{
    public AgentCatalog()
    {
        FilmAgent[] all =
        [
            new GreeterAgent(), new ResearcherAgent(), new ScreenwriterAgent(), new CharacterDeveloperAgent(),
            new CriticAgent(), new BoxOfficeAnalystAgent(), new CastingDirectorAgent(), new PitchWriterAgent(),
        ];
        All = all;
        ByName = all.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<FilmAgent> All { get; }

    public IReadOnlyDictionary<string, FilmAgent> ByName { get; }

    public FilmAgent this[string name] => ByName.TryGetValue(name, out var agent)
        ? agent
        : throw new ArgumentException($"Unknown agent '{name}'. Known: {string.Join(", ", AgentNames.All)}.", nameof(name));
}
