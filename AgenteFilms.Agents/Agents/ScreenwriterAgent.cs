using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>The screenwriter: title, logline and a three-act beat sheet, revised against the critic's notes.</summary>
public sealed class ScreenwriterAgent : FilmAgent
{
    public override string Name => AgentNames.Screenwriter;
    public override string DisplayName => "Screenwriter";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Brief, StateKeys.Research, StateKeys.Critique];
    public override string Writes => StateKeys.Outline;
    public override IReadOnlyList<string> Tools { get; } = [StateTools.SaveToState];
    public override string Task => "Write (or revise, if there is a critique) the outline and save it with save_to_state under 'outline'.";

    internal override object? CreateTools(ToolContext context) => new StateTools(context);
}
