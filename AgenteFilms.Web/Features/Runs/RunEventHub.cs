using System.Threading.Channels;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>One numbered event of a session, as circuits and SSE clients receive it.</summary>
/// <param name="Sequence">Increases within a session; SSE sends it as <c>id:</c>.</param>
/// <param name="Type">snake_case event name, e.g. <c>text_delta</c>, <c>agent_completed</c>.</param>
/// <param name="Data">The event's payload (serialised as JSON on the wire).</param>
public sealed record SessionEvent(long Sequence, Guid SessionId, Guid RunId, string Type, object Data, DateTime At);

/// <summary>
/// In-process, per-session broadcaster. Each session keeps the events of its latest run, so a late subscriber first
/// receives what it missed and then live events, with no gap and no duplicate: the replay snapshot and the
/// subscription are taken under the same lock that publishing holds.
/// </summary>
/// <remarks>
/// Sequence numbers start from the process start time in microseconds, so numbers handed out by this process are
/// higher than any a previous process gave: a client whose <c>Last-Event-ID</c> is below <see cref="FirstSequence"/>
/// is told to rebuild from persisted steps (<see cref="Subscription.NeedsPersistedReplay"/>).
/// </remarks>
public sealed class RunEventHub(TimeProvider time)
{
    /// <summary>Events kept per session for replay; a run emits far fewer, text deltas included, in practice.</summary>
    public const int MaxBufferedEvents = 50_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, SessionChannel> _sessions = [];
    private readonly long _firstSequence = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>The lowest sequence number this process hands out.</summary>
    public long FirstSequence => _firstSequence;

    /// <summary>Numbers an event and delivers it to every subscriber of the session.</summary>
    public SessionEvent Publish(Guid sessionId, Guid runId, string type, object data)
    {
        lock (_gate)
        {
            var channel = GetOrAdd(sessionId);
            if (channel.RunId != runId)
            {
                // A new run: what late subscribers replay is this run from its start.
                channel.RunId = runId;
                channel.Buffer.Clear();
            }
            var evt = new SessionEvent(++channel.LastSequence, sessionId, runId, type, data, time.GetUtcNow().UtcDateTime);
            if (channel.Buffer.Count >= MaxBufferedEvents)
            {
                channel.Buffer.RemoveAt(0);
                channel.Truncated = true;
            }
            channel.Buffer.Add(evt);
            foreach (var subscriber in channel.Subscribers)
            {
                subscriber.Writer.TryWrite(evt);
            }
            return evt;
        }
    }

    /// <summary>
    /// Subscribes to a session: buffered events after <paramref name="afterSequence"/> (all of the latest run when null)
    /// are in <see cref="Subscription.Replay"/>, later ones arrive on <see cref="Subscription.Live"/>. Dispose to stop.
    /// </summary>
    public Subscription Subscribe(Guid sessionId, long? afterSequence)
    {
        var live = Channel.CreateUnbounded<SessionEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            var channel = GetOrAdd(sessionId);
            var after = afterSequence ?? 0;
            var stale = afterSequence is { } seq && (seq < _firstSequence || (channel.Truncated && channel.Buffer.Count > 0 && seq < channel.Buffer[0].Sequence - 1));
            var replay = channel.Buffer.Where(e => e.Sequence > after).ToList();
            channel.Subscribers.Add(live);
            return new Subscription(replay, live.Reader, NeedsPersistedReplay: stale || (afterSequence is null && replay.Count == 0), () => Unsubscribe(sessionId, live));
        }
    }

    /// <summary>The sequence number of the session's latest event (0 when none).</summary>
    public long LastSequence(Guid sessionId)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(sessionId, out var channel) ? channel.LastSequence : 0;
        }
    }

    private void Unsubscribe(Guid sessionId, Channel<SessionEvent> live)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(sessionId, out var channel))
            {
                channel.Subscribers.Remove(live);
            }
        }
        live.Writer.TryComplete();
    }

    private SessionChannel GetOrAdd(Guid sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var channel))
        {
            _sessions[sessionId] = channel = new SessionChannel { LastSequence = _firstSequence };
        }
        return channel;
    }

    private sealed class SessionChannel
    {
        public Guid RunId { get; set; }
        public long LastSequence { get; set; }
        public bool Truncated { get; set; }
        public List<SessionEvent> Buffer { get; } = [];
        public List<Channel<SessionEvent>> Subscribers { get; } = [];
    }

    /// <summary>What a subscriber gets: the events it missed, then the live stream.</summary>
    /// <param name="NeedsPersistedReplay">
    /// True when the buffer cannot cover what the subscriber missed (it connected before this process started, or
    /// nothing is buffered): rebuild from persisted steps first.
    /// </param>
    public sealed record Subscription(IReadOnlyList<SessionEvent> Replay, ChannelReader<SessionEvent> Live, bool NeedsPersistedReplay, Action Stop) : IDisposable
    {
        public void Dispose() => Stop();
    }
}
