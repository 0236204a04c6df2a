using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>The character developer: the principal characters with want, need and arc, grounded in the outline.</summary>
public sealed class CharacterDeveloperAgent : FilmAgent
{
    public override string Name => AgentNames.CharacterDeveloper;
    public override string DisplayName => "Character developer";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Brief, StateKeys.Outline];
    public override string Writes => StateKeys.Characters;
    public override IReadOnlyList<string> Tools { get; } = [StateTools.SaveToState];
    public override string Task => "Develop the principal characters and save them with save_to_state under 'characters'.";

    internal override object? CreateTools(ToolContext context) => new StateTools(context);
}
