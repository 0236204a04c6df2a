using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Entities;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>
/// One seed message, for the POST route and the WebSocket alike: queued on the durable runner exactly like
/// <c>POST /api/sessions/{id}/messages?wait=true</c> (the whole workflow for a new session, a showrunner turn once it has a
/// pitch), awaited, and answered in the seed's shape.
/// </summary>
public sealed class SeedTurn(RunService runs, PitchService pitches)
{
    /// <summary>The answer, or the failure's cause; null when the session is not the user's.</summary>
    public async Task<SeedTurnResult?> RunAsync(
        Guid sessionId, string? message, Func<SessionEvent, CancellationToken, ValueTask>? onEvent, CancellationToken cancellationToken)
    {
        var queued = await runs.SendMessageAsync(sessionId, message, idempotencyKey: null, cancellationToken);
        if (queued is null)
        {
            return null;
        }
        var run = await runs.WaitAsync(sessionId, queued.Run.Id, onEvent, cancellationToken);
        if (run.Status != RunStatus.Completed)
        {
            // Completed steps stay saved (and visible in the workspace); the run can be resumed from /api or the page.
            return new SeedTurnResult(null, run.Error ?? $"The run ended {run.Status.ToString().ToLowerInvariant()}.");
        }
        var answer = await RunsApi.MessageResultAsync(run, runs, cancellationToken);
        var thoughts = answer.Thoughts
            .Select(t => new SeedThought(t.Agent, t.Text, t.Status is "completed" or "starting" ? t.Status : "error"))
            .ToList();
        return new SeedTurnResult(new SeedMessageResponse(await ResponseAsync(run, answer.Response, cancellationToken), sessionId, thoughts), null);
    }

    /// <summary>
    /// The seed answered every message with the whole film concept in Markdown. Ours: the run's final text, followed by
    /// the pitch in Markdown when this turn wrote a pitch version (the first message; a revision asked for in chat).
    /// </summary>
    private async Task<string> ResponseAsync(AgentRun run, string text, CancellationToken cancellationToken)
    {
        var wrotePitch = run.Steps.Any(s => s.Agent == AgentNames.PitchWriter && s.Status == StepStatus.Completed);
        if (!wrotePitch || await pitches.GetVersionAsync(run.SessionId, null, cancellationToken) is not { } pitch)
        {
            return text;
        }
        return $"{text}\n\n---\n\n{PitchMarkdown.Render(pitch.Document)}";
    }

    /// <summary>Reads the session id of a seed route; a malformed one is an input error (422), as the seed answered.</summary>
    public static Guid ParseSessionId(string? id) =>
        Guid.TryParse(id, out var sessionId)
            ? sessionId
            : throw new InputValidationException("session_id", "The session id is not a valid UUID.");
}

/// <summary>Either the answer or why the run did not complete.</summary>
public sealed record SeedTurnResult(SeedMessageResponse? Response, string? Error);
