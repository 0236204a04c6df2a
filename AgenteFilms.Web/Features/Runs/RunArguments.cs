using System.Text.Json;
using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>What a queued run needs besides its session, stored as the run's ArgumentsJson.</summary>
/// <param name="Section">Regenerate: the pitch section.</param>
/// <param name="Note">Regenerate: the writer's note.</param>
/// <param name="Message">Chat: the writer's message.</param>
/// <param name="FollowUps">Chat: what the showrunner's tools asked for, saved so a resumed run does the same work.</param>
/// <param name="Iterations">The writers'-room bound the writer chose for the pitch, fixed when the run is queued (a resume loops the same way).</param>
public sealed record RunArguments(string? Section = null, string? Note = null, string? Message = null, IReadOnlyList<FollowUpRequest>? FollowUps = null, int? Iterations = null)
{
    public const string Pitch = "pitch";
    public const string Chat = "chat";
    public const string Regenerate = "regenerate";

    public string ToJson() => JsonSerializer.Serialize(this, AgentJson.Options);

    public static RunArguments FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new RunArguments() : JsonSerializer.Deserialize<RunArguments>(json, AgentJson.Options) ?? new RunArguments();

    public static WorkflowKind KindOf(string workflow) => workflow switch
    {
        Chat => WorkflowKind.Chat,
        Regenerate => WorkflowKind.RegenerateSection,
        _ => WorkflowKind.Pitch,
    };
}
