using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>The casting director: aspirational casting ideas per character, never presented as attached.</summary>
public sealed class CastingDirectorAgent : FilmAgent
{
    public override string Name => AgentNames.CastingDirector;
    public override string DisplayName => "Casting director";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Characters];
    public override string Writes => StateKeys.Casting;
    public override IReadOnlyList<string> Tools { get; } = [StateTools.SaveToState];
    public override string Task => "Suggest aspirational casting for each principal character; save it with save_to_state under 'casting'.";

    internal override object? CreateTools(ToolContext context) => new StateTools(context);
}
