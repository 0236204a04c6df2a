using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>
/// The critic: scores the draft on a fixed rubric with notes tied to beats, and ends the writers' room with
/// <c>exit_loop</c> when it passes. The stored critique's verdict records that call, which is what makes the loop's
/// decision reproducible on resume.
/// </summary>
public sealed class CriticAgent : FilmAgent
{
    public override string Name => AgentNames.Critic;
    public override string DisplayName => "Critic";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Outline, StateKeys.Characters];
    public override string Writes => StateKeys.Critique;
    public override IReadOnlyList<string> Tools { get; } = [CriticTools.ExitLoop];
    public override string Task => "Score the outline and characters on the rubric, tie every note to a beat, and call exit_loop only if the draft passes.";

    internal override object? CreateTools(ToolContext context) => new CriticTools(context);

    internal override JsonElement? BuildOutput(AgentOutput output)
    {
        var parsed = AgentJson.ExtractObject(output.FinalText) is { } json ? AgentJson.TryDeserialize<Critique>(json) : null;
        var critique = (parsed ?? new Critique { Summary = output.FinalText.Trim() }) with
        {
            Iteration = output.Tools.Run.Iteration ?? 1,
            // The tool call is the decision; the text's own "verdict" is only commentary.
            Verdict = output.Tools.Escalated ? Critique.Pass : Critique.Revise,
        };
        if (string.IsNullOrWhiteSpace(critique.Summary) && output.Tools.EscalationReason is { } reason)
        {
            critique = critique with { Summary = reason };
        }
        return AgentJson.ToElement(critique);
    }

    public override bool HasEscalated(RunState state, int iteration) => Critique.ForIteration(state, iteration)?.Passed == true;
}
