using System.ComponentModel;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Agents.Tools;

/// <summary>
/// The showrunner's tools in a chat turn. <c>update_brief</c> writes the brief (its own key); <c>revise_section</c>
/// and <c>rerun</c> only ask for work, which the engine runs after the reply as further steps of the same run.
/// </summary>
public sealed class ShowrunnerTools(ToolContext context)
{
    public const string UpdateBrief = "update_brief";
    public const string ReviseSection = "revise_section";
    public const string Rerun = "rerun";

    /// <summary>Stages <c>rerun</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Stages = [StageNames.WritersRoom, StageNames.Preproduction, StageNames.PitchWriter];

    private Brief _brief = context.State.TryGetValue(StateKeys.Brief, out var entry)
        ? AgentJson.TryDeserialize<Brief>(entry.Value) ?? new Brief()
        : new Brief();

    [KernelFunction(UpdateBrief)]
    [Description("Changes one field of the brief: title, concept, genre, tone, format, audience, budgetTier or notes.")]
    public string Update(
        [Description("The field name.")] string field,
        [Description("The new value.")] string value)
    {
        if (_brief.With(field, value) is not { } updated)
        {
            return $"Error: unknown field '{field}'. Fields: {string.Join(", ", Brief.FieldNames)}.";
        }
        _brief = updated;
        return context.Write(StateKeys.Brief, AgentJson.ToElement(updated));
    }

    [KernelFunction(ReviseSection)]
    [Description("Regenerates one pitch section after your reply, following the writer's note. Sections: title, logline, overview, synopsis, characters, world_and_tone, structure, themes, comparables, audience_and_market, casting, production_notes, writers_statement.")]
    public string Revise(
        [Description("The section name.")] string section,
        [Description("What the writer wants changed.")] string note)
    {
        var name = section.Trim().ToLowerInvariant();
        if (!PitchSections.All.Contains(name))
        {
            return $"Error: unknown section '{section}'. Sections: {string.Join(", ", PitchSections.All)}.";
        }
        context.AddFollowUp(new FollowUpRequest(FollowUpKind.ReviseSection, name, note));
        return $"Scheduled: the {name} section will be regenerated after this reply.";
    }

    [KernelFunction(Rerun)]
    [Description("Reruns one stage after your reply: writers_room (story, then everything downstream), preproduction (market and casting) or pitch_writer.")]
    public string RerunStage(
        [Description("The stage name.")] string stage,
        [Description("Optional note for the agents.")] string? note = null)
    {
        var name = stage.Trim().ToLowerInvariant();
        if (!Stages.Contains(name))
        {
            return $"Error: unknown stage '{stage}'. Stages: {string.Join(", ", Stages)}.";
        }
        context.AddFollowUp(new FollowUpRequest(FollowUpKind.Rerun, name, string.IsNullOrWhiteSpace(note) ? null : note));
        return $"Scheduled: {name} will rerun after this reply.";
    }
}
