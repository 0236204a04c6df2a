using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>
/// The greeter: takes the brief in and, in chat, acts as the showrunner. It answers the writer and, through its tools,
/// edits the brief or schedules revisions and reruns that run after its reply in the same run.
/// </summary>
public sealed class GreeterAgent : FilmAgent
{
    public override string Name => AgentNames.Greeter;
    public override string DisplayName => "Showrunner";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Brief, StateKeys.Pitch];
    public override string Writes => StateKeys.Brief;
    public override IReadOnlyList<string> Tools { get; } = [ShowrunnerTools.UpdateBrief, ShowrunnerTools.ReviseSection, ShowrunnerTools.Rerun];
    public override string Task => "Answer the writer's message. Use your tools when they ask for a change to the brief, a section or a stage.";

    internal override object? CreateTools(ToolContext context) => new ShowrunnerTools(context);

    // The showrunner's reply is an answer, not state: only update_brief changes the brief.
    internal override JsonElement? BuildOutput(AgentOutput output) => output.Tools.Output;
}
