using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// Starting, cancelling, resuming and awaiting runs for the acting user. Pages and endpoints call this; the work itself
/// happens in <see cref="RunWorker"/>.
/// </summary>
public sealed class RunService(
    RunStore runs,
    SessionStore sessions,
    StateStore state,
    RunSignal signal,
    RunEventHub hub,
    ICurrentUser user,
    Sharing.PitchAccess access)
{
    /// <summary>
    /// A writer's message. In a session without a pitch yet it starts the full pitch workflow (the message becomes the
    /// concept when the brief has none); afterwards it is a chat turn with the showrunner.
    /// Returns null when the session is not the user's.
    /// </summary>
    public async Task<EnqueueResult?> SendMessageAsync(Guid sessionId, string? message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var text = errors.Required("message", message, PitchLimits.MaxMessage, "The message");
        if (idempotencyKey is { Length: > 200 })
        {
            errors.Add("idempotencyKey", "The idempotency key can be at most 200 characters.");
        }
        errors.ThrowIfAny();

        var session = await sessions.GetAsync(user.Id, sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var latest = await state.GetLatestAsync(sessionId, cancellationToken);
        if (latest.ContainsKey(StateKeys.Pitch))
        {
            var chat = new RunArguments(Message: text);
            return await EnqueueAsync(sessionId, new NewRun(RunArguments.Chat, chat.ToJson(), idempotencyKey, text), cancellationToken);
        }
        if (!latest.ContainsKey(StateKeys.Brief) && !BriefHasConcept(session.BriefJson))
        {
            await sessions.SetBriefConceptAsync(user.Id, sessionId, text, cancellationToken);
        }
        return await EnqueueAsync(sessionId, new NewRun(RunArguments.Pitch, null, idempotencyKey, text), cancellationToken);
    }

    /// <summary>Starts the full pitch workflow from the session's brief.</summary>
    public async Task<EnqueueResult?> StartPitchAsync(Guid sessionId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(user.Id, sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var concept = ConceptOf(session.BriefJson);
        return await EnqueueAsync(sessionId, new NewRun(RunArguments.Pitch, null, idempotencyKey, concept ?? session.Title), cancellationToken);
    }

    /// <summary>Regenerates one pitch section with an optional note.</summary>
    public Task<EnqueueResult?> RegenerateAsync(Guid sessionId, string section, string? note, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!Agents.Pitch.PitchSections.All.Contains(section))
        {
            errors.Add("section", $"Unknown section '{section}'.");
        }
        var trimmed = errors.Optional("note", note, PitchLimits.MaxMessage, "The note");
        errors.ThrowIfAny();
        var arguments = new RunArguments(Section: section, Note: trimmed.Length == 0 ? null : trimmed);
        var question = trimmed.Length == 0 ? $"Regenerate {section}" : $"Regenerate {section}: {trimmed}";
        return EnqueueAsync(sessionId, new NewRun(RunArguments.Regenerate, arguments.ToJson(), null, question), cancellationToken);
    }

    private async Task<EnqueueResult?> EnqueueAsync(Guid sessionId, NewRun request, CancellationToken cancellationToken)
    {
        var result = await runs.EnqueueAsync(user.Id, sessionId, request, cancellationToken);
        if (result is { Created: true })
        {
            signal.Wake();
        }
        return result;
    }

    /// <summary>A run of a session the user owns or views, or null.</summary>
    public async Task<AgentRun?> GetAsync(Guid sessionId, Guid runId, CancellationToken cancellationToken) =>
        await access.OwnerForReadAsync(sessionId, cancellationToken) is { } owner
            ? await runs.GetAsync(owner, sessionId, runId, cancellationToken)
            : null;

    /// <summary>The runs of a session the user owns or views, newest first (empty otherwise).</summary>
    public async Task<IReadOnlyList<AgentRun>> ListAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await access.OwnerForReadAsync(sessionId, cancellationToken) is { } owner
            ? await runs.ListAsync(owner, sessionId, 50, cancellationToken)
            : [];

    /// <summary>The answers of a run, in order. Callers have checked the run is the user's.</summary>
    public Task<IReadOnlyList<Answer>> GetAnswersAsync(Guid runId, CancellationToken cancellationToken) =>
        runs.GetAnswersAsync(runId, cancellationToken);

    /// <summary>Cancels a queued or running run; completed steps stay saved. False when it is not active.</summary>
    public async Task<AgentRun?> CancelAsync(Guid sessionId, Guid runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(user.Id, sessionId, runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        if (!await runs.CancelQueuedAsync(runId, cancellationToken))
        {
            signal.Cancel(runId);
        }
        return run;
    }

    /// <summary>Queues an interrupted, failed or cancelled run again; it continues from its first unfinished step.</summary>
    public async Task<AgentRun?> ResumeAsync(Guid sessionId, Guid runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(user.Id, sessionId, runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        if (!await runs.RequeueAsync(runId, sessionId, cancellationToken))
        {
            throw new InputValidationException("runId", $"Only an interrupted, failed or cancelled run can be resumed; this one is {run.Status}.");
        }
        signal.Wake();
        return await runs.GetAsync(user.Id, sessionId, runId, cancellationToken);
    }

    /// <summary>Waits until the run ends (completed, failed, cancelled or interrupted) and returns it with its steps.</summary>
    public async Task<AgentRun> WaitAsync(Guid sessionId, Guid runId, CancellationToken cancellationToken)
    {
        // Only what comes next matters here: skip replaying the run's buffered events (a hot path under load).
        using var subscription = hub.Subscribe(sessionId, afterSequence: hub.LastSequence(sessionId));
        while (true)
        {
            // Check the table after subscribing, so an end published in between is not missed.
            var run = await runs.GetAsync(user.Id, sessionId, runId, cancellationToken)
                ?? throw new InvalidOperationException("The run disappeared.");
            if (run.Status is not (RunStatus.Queued or RunStatus.Running))
            {
                return run;
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            poll.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                while (await subscription.Live.WaitToReadAsync(poll.Token))
                {
                    if (subscription.Live.TryRead(out var evt) && evt.RunId == runId && EventNames.IsTerminal(evt.Type))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Poll the table again (e.g. the run was cancelled while still queued).
            }
        }
    }

    private static bool BriefHasConcept(string briefJson) => !string.IsNullOrWhiteSpace(ConceptOf(briefJson));

    private static string? ConceptOf(string briefJson)
    {
        using var brief = JsonDocument.Parse(briefJson);
        return brief.RootElement.TryGetProperty("concept", out var concept) && concept.ValueKind == JsonValueKind.String
            ? concept.GetString()
            : null;
    }
}
