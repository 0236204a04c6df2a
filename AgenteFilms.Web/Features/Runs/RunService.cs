using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Limits;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// Starting, cancelling, resuming and awaiting runs for the acting user. Pages and endpoints call this; the work itself
/// happens in <see cref="RunWorker"/>. Every start passes the user's limits here, so the API and the UI are limited
/// alike: runs and messages per minute, concurrent runs, and the daily budget (<see cref="LimitExceededException"/>).
/// </summary>
public sealed class RunService(
    RunStore runs,
    SessionStore sessions,
    StateStore state,
    RunSignal signal,
    RunEventHub hub,
    UserRateLimits rates,
    DailyUsageBudget budget,
    IOptions<LimitsOptions> limits,
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
        rates.AcquireMessage(user.Id);
        var latest = await state.GetLatestAsync(sessionId, cancellationToken);
        var iterations = SessionBrief.WritersRoomIterations(session.BriefJson);
        if (latest.ContainsKey(StateKeys.Pitch))
        {
            var chat = new RunArguments(Message: text, Iterations: iterations);
            return await EnqueueAsync(sessionId, new NewRun(RunArguments.Chat, chat.ToJson(), idempotencyKey, text), cancellationToken);
        }
        if (!latest.ContainsKey(StateKeys.Brief) && !BriefHasConcept(session.BriefJson))
        {
            // Asked before the brief changes, so a refused message leaves nothing behind.
            await EnsureCanStartAsync(cancellationToken);
            await sessions.SetBriefConceptAsync(user.Id, sessionId, text, cancellationToken);
        }
        return await EnqueueAsync(sessionId, new NewRun(RunArguments.Pitch, PitchArguments(iterations), idempotencyKey, text), cancellationToken);
    }

    /// <summary>Starts the full pitch workflow from the session's brief.</summary>
    public async Task<EnqueueResult?> StartPitchAsync(Guid sessionId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(user.Id, sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var concept = SessionBrief.Concept(session.BriefJson);
        var arguments = PitchArguments(SessionBrief.WritersRoomIterations(session.BriefJson));
        return await EnqueueAsync(sessionId, new NewRun(RunArguments.Pitch, arguments, idempotencyKey, concept ?? session.Title), cancellationToken);
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

    /// <summary>
    /// Throws <see cref="LimitExceededException"/> when the user could not start a run now (rate or budget), without
    /// counting one: the new-pitch form asks before it saves anything.
    /// </summary>
    public async Task EnsureCanStartAsync(CancellationToken cancellationToken)
    {
        rates.EnsureRunAllowed(user.Id);
        await budget.EnsureAvailableAsync(user.Id, cancellationToken);
    }

    private async Task<EnqueueResult?> EnqueueAsync(Guid sessionId, NewRun request, CancellationToken cancellationToken)
    {
        var result = await StartWithinLimitsAsync(() =>
            runs.EnqueueAsync(user.Id, sessionId, request with { MaxActiveRunsPerOwner = limits.Value.MaxConcurrentRunsPerUser }, cancellationToken),
            cancellationToken);
        if (result is { Created: true })
        {
            signal.Wake();
        }
        return result;
    }

    /// <summary>Rate, budget and concurrent-runs checks around anything that queues a run, one start per user at a time.</summary>
    private async Task<T> StartWithinLimitsAsync<T>(Func<Task<T>> start, CancellationToken cancellationToken)
    {
        rates.AcquireRun(user.Id);
        await budget.EnsureAvailableAsync(user.Id, cancellationToken);
        using var _ = await rates.EnterRunStartAsync(user.Id, cancellationToken);
        try
        {
            return await start();
        }
        catch (ActiveRunLimitException cap)
        {
            // Runs end on their own; a short wait is the honest answer.
            throw new LimitExceededException(cap.Message, TimeSpan.FromSeconds(30));
        }
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

    /// <summary>
    /// Cancels the session's queued or running run, if any, and waits (up to <paramref name="wait"/>, 10 s by
    /// default) until it has ended. Callers have checked the session is the user's. A run executing on another
    /// instance cannot be reached from here: it stops by itself at its next commit once the rows are gone.
    /// </summary>
    public async Task StopActiveRunAsync(Guid sessionId, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        if (await runs.GetActiveAsync(sessionId, cancellationToken) is not { } active)
        {
            return;
        }
        if (await runs.CancelQueuedAsync(active.Id, cancellationToken) || !signal.Cancel(active.Id))
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait ?? TimeSpan.FromSeconds(10));
        try
        {
            await WaitAsync(sessionId, active.Id, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The runner did not confirm in time; the delete goes ahead and the runner stops quietly on missing rows.
        }
    }

    /// <summary>Queues an interrupted, failed or cancelled run again; it continues from its first unfinished step.</summary>
    public async Task<AgentRun?> ResumeAsync(Guid sessionId, Guid runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(user.Id, sessionId, runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        var requeued = await StartWithinLimitsAsync(
            () => runs.RequeueAsync(user.Id, runId, sessionId, limits.Value.MaxConcurrentRunsPerUser, cancellationToken), cancellationToken);
        if (!requeued)
        {
            throw new InputValidationException("runId", $"Only an interrupted, failed or cancelled run can be resumed; this one is {run.Status}.");
        }
        signal.Wake();
        return await runs.GetAsync(user.Id, sessionId, runId, cancellationToken);
    }

    /// <summary>Waits until the run ends (completed, failed, cancelled or interrupted) and returns it with its steps.</summary>
    public Task<AgentRun> WaitAsync(Guid sessionId, Guid runId, CancellationToken cancellationToken) =>
        WaitAsync(sessionId, runId, onEvent: null, cancellationToken);

    /// <summary>
    /// Waits like <see cref="WaitAsync(Guid, Guid, CancellationToken)"/> and hands each event of the run to
    /// <paramref name="onEvent"/> in order: those it already published, then live ones up to its terminal event.
    /// </summary>
    public async Task<AgentRun> WaitAsync(
        Guid sessionId, Guid runId, Func<SessionEvent, CancellationToken, ValueTask>? onEvent, CancellationToken cancellationToken)
    {
        // Without a listener only what comes next matters: skip replaying the run's buffered events (a hot path under
        // load). A listener gets the hub's buffer of the session's latest run, which is this run once it has started.
        using var subscription = hub.Subscribe(sessionId, afterSequence: onEvent is null ? hub.LastSequence(sessionId) : null);
        var ended = false;
        foreach (var evt in subscription.Replay)
        {
            ended |= await DeliverAsync(evt);
        }
        while (true)
        {
            // Check the table after subscribing, so an end published in between is not missed.
            var run = await runs.GetAsync(user.Id, sessionId, runId, cancellationToken)
                ?? throw new InvalidOperationException("The run disappeared.");
            if (run.Status is not (RunStatus.Queued or RunStatus.Running))
            {
                if (onEvent is not null && !ended)
                {
                    // The runner saves the end before publishing it: let the listener have the closing events too.
                    await PumpAsync(TimeSpan.FromMilliseconds(500));
                }
                return run;
            }
            // Poll the table again after a while without the end (e.g. the run was cancelled while still queued).
            ended = await PumpAsync(TimeSpan.FromSeconds(2));
        }

        async Task<bool> PumpAsync(TimeSpan timeout)
        {
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            poll.CancelAfter(timeout);
            try
            {
                while (await subscription.Live.WaitToReadAsync(poll.Token))
                {
                    while (subscription.Live.TryRead(out var evt))
                    {
                        if (await DeliverAsync(evt))
                        {
                            return true;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            return false;
        }

        // True when the event is this run's end.
        async ValueTask<bool> DeliverAsync(SessionEvent evt)
        {
            if (evt.RunId != runId)
            {
                return false;
            }
            if (onEvent is not null)
            {
                await onEvent(evt, cancellationToken);
            }
            return EventNames.IsTerminal(evt.Type);
        }
    }

    private static bool BriefHasConcept(string briefJson) => !string.IsNullOrWhiteSpace(SessionBrief.Concept(briefJson));

    /// <summary>A pitch run's arguments: none, unless the writer chose the writers'-room bound.</summary>
    private static string? PitchArguments(int? iterations) => iterations is null ? null : new RunArguments(Iterations: iterations).ToJson();
}
