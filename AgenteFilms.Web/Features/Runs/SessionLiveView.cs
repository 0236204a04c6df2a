using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// A circuit's live view of one session's runs: the latest in full, earlier ones as summaries (<see cref="EarlierRuns"/>).
/// It catches up from persisted steps (or the hub's replay), then
/// applies live events, and asks its component to render — the first text of a step at once, further text at most
/// once per <see cref="RenderInterval"/> (DECISIONS §4). One per workspace page, which disposes it (not from DI: a circuit may open several workspaces in turn).
/// </summary>
public sealed class SessionLiveView(RunEventHub hub, RunService runs, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<RunSummary> _earlier = [];
    private DateTime _timelineCreatedAt;
    private RunEventHub.Subscription? _subscription;
    private Func<Action, Task> _dispatch = action => { action(); return Task.CompletedTask; };
    private Action _render = () => { };
    private Action<SessionEvent> _observed = _ => { };
    private Guid _sessionId;
    private long _lastRender;
    private bool _renderPending;
    private bool _disposed;

    /// <summary>The latest run of the session; null before its first run.</summary>
    public RunTimeline? Timeline { get; private set; }

    /// <summary>The session's other runs, newest first (at most 49: the list the store gives, less the latest).</summary>
    public IReadOnlyList<RunSummary> EarlierRuns => _earlier;

    /// <summary>
    /// Subscribes and catches up. <paramref name="dispatch"/> runs an action on the component's dispatcher
    /// (<c>InvokeAsync</c>); <paramref name="render"/> is <c>StateHasChanged</c>; <paramref name="observed"/> sees every
    /// applied event on the dispatcher (e.g. to refresh panels when an agent completes).
    /// </summary>
    public async Task StartAsync(Guid sessionId, Func<Action, Task> dispatch, Action render, Action<SessionEvent> observed, CancellationToken cancellationToken)
    {
        _sessionId = sessionId;
        _dispatch = dispatch;
        _render = render;
        _observed = observed;
        // Subscribe before reading the database, so nothing published in between is missed.
        _subscription = hub.Subscribe(sessionId, afterSequence: null);
        var list = await runs.ListAsync(sessionId, cancellationToken);
        var latest = list.FirstOrDefault();
        _earlier.AddRange(list.Skip(1).Select(RunSummary.From));
        var replay = _subscription.Replay;
        if (!_subscription.NeedsPersistedReplay && replay.Count > 0 && replay[0].Type == "run_started" && (latest is null || replay[0].RunId == latest.Id))
        {
            var timeline = new RunTimeline();
            foreach (var e in replay)
            {
                if (e.Data is AgentEvent agentEvent)
                {
                    timeline.Apply(agentEvent);
                }
            }
            Timeline = timeline;
            _timelineCreatedAt = latest?.CreatedAt ?? replay[0].At;
        }
        else if (latest is not null)
        {
            Timeline = RunTimeline.FromPersisted(latest, await runs.GetAnswersAsync(latest.Id, cancellationToken));
            _timelineCreatedAt = latest.CreatedAt;
        }
        _ = PumpAsync(_subscription, _stop.Token);
    }

    /// <summary>Shows a run just enqueued by this circuit until its first event arrives.</summary>
    public void Track(AgentRun run)
    {
        if (Timeline?.RunId != run.Id)
        {
            Supersede();
            Timeline = RunTimeline.Queued(run.Id, RunArguments.KindOf(run.Workflow), RunSummary.TitleOf(run));
            _timelineCreatedAt = run.CreatedAt;
        }
        else if (!Timeline.IsActive && run.Status == RunStatus.Queued)
        {
            Timeline.MarkQueued();
        }
    }

    /// <summary>Re-reads the session's runs from the database (e.g. a queued run cancelled before it produced events).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var list = await runs.ListAsync(_sessionId, cancellationToken);
        var latest = list.FirstOrDefault();
        Timeline = latest is null ? null : RunTimeline.FromPersisted(latest, await runs.GetAnswersAsync(latest.Id, cancellationToken));
        _timelineCreatedAt = latest?.CreatedAt ?? default;
        _earlier.Clear();
        _earlier.AddRange(list.Skip(1).Select(RunSummary.From));
    }

    /// <summary>An earlier run in full, rebuilt from the database when the writer opens it; null when it is gone.</summary>
    public async Task<RunTimeline?> LoadRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(_sessionId, runId, cancellationToken);
        return run is null ? null : RunTimeline.FromPersisted(run, await runs.GetAnswersAsync(run.Id, cancellationToken));
    }

    /// <summary>A newer run takes the top: the one shown so far joins the earlier runs, collapsed.</summary>
    private void Supersede()
    {
        if (Timeline is { } previous && _earlier.TrueForAll(r => r.RunId != previous.RunId))
        {
            _earlier.Insert(0, RunSummary.From(previous, _timelineCreatedAt));
        }
    }

    private async Task PumpAsync(RunEventHub.Subscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            while (await subscription.Live.WaitToReadAsync(cancellationToken))
            {
                var urgent = false;
                await _dispatch(() =>
                {
                    while (subscription.Live.TryRead(out var e))
                    {
                        urgent |= Apply(e);
                    }
                });
                if (urgent || time.GetElapsedTime(_lastRender) >= RenderInterval)
                {
                    await RenderAsync();
                }
                else if (!_renderPending)
                {
                    _renderPending = true;
                    _ = RenderLaterAsync(RenderInterval - time.GetElapsedTime(_lastRender), cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The page went away.
        }
    }

    private bool Apply(SessionEvent e)
    {
        if (e.Data is not AgentEvent agentEvent)
        {
            return false;
        }
        if (Timeline is null || Timeline.RunId != e.RunId)
        {
            Supersede();
            Timeline = RunTimeline.Queued(e.RunId, WorkflowKind.Pitch);
            _timelineCreatedAt = e.At;
        }
        var urgent = Timeline.Apply(agentEvent);
        _observed(e);
        return urgent;
    }

    private async Task RenderLaterAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            await RenderAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The page went away before the coalesced render.
        }
    }

    private Task RenderAsync()
    {
        _lastRender = time.GetTimestamp();
        return _dispatch(() =>
        {
            _renderPending = false;
            _render();
        });
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _stop.Cancel();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
