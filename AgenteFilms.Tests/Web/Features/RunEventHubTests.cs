using AgenteFilms.Web.Features.Runs;

namespace AgenteFilms.Tests.Web.Features;

public sealed class RunEventHubTests
{
    private readonly RunEventHub _hub = new(TimeProvider.System);
    private readonly Guid _session = Guid.NewGuid();
    private readonly Guid _run = Guid.NewGuid();

    [Fact]
    public void LateSubscriber_ReplaysTheRunSoFar_ThenGetsLiveEvents()
    {
        _hub.Publish(_session, _run, "agent_started", "a");
        _hub.Publish(_session, _run, "text_delta", "b");

        using var subscription = _hub.Subscribe(_session, afterSequence: null);
        _hub.Publish(_session, _run, "agent_completed", "c");

        Assert.Equal(["a", "b"], subscription.Replay.Select(e => (string)e.Data));
        Assert.True(subscription.Live.TryRead(out var live));
        Assert.Equal("c", live.Data);
        Assert.False(subscription.NeedsPersistedReplay);
    }

    [Fact]
    public void ReconnectWithLastEventId_GetsOnlyWhatItMissed()
    {
        var first = _hub.Publish(_session, _run, "x", 1);
        _hub.Publish(_session, _run, "x", 2);
        _hub.Publish(_session, _run, "x", 3);

        using var subscription = _hub.Subscribe(_session, first.Sequence);

        Assert.Equal([2, 3], subscription.Replay.Select(e => (int)e.Data));
    }

    [Fact]
    public void LastEventIdFromAnEarlierProcess_AsksForPersistedReplay()
    {
        _hub.Publish(_session, _run, "x", 1);

        using var subscription = _hub.Subscribe(_session, afterSequence: 42);

        Assert.True(subscription.NeedsPersistedReplay);
    }

    [Fact]
    public async Task ConcurrentPublishing_WhileSubscribing_LosesAndRepeatsNothing()
    {
        const int total = 5_000;
        var publisher = Task.Run(() =>
        {
            for (var i = 0; i < total; i++)
            {
                _hub.Publish(_session, _run, "x", i);
            }
        }, TestContext.Current.CancellationToken);
        // Subscribe somewhere in the middle of publishing.
        while (_hub.LastSequence(_session) < _hub.FirstSequence + total / 3)
        {
            await Task.Yield();
        }
        using var subscription = _hub.Subscribe(_session, afterSequence: null);
        await publisher;

        var received = subscription.Replay.Select(e => (int)e.Data).ToList();
        while (subscription.Live.TryRead(out var evt))
        {
            received.Add((int)evt.Data);
        }

        Assert.Equal(Enumerable.Range(0, total), received);
    }

    [Fact]
    public void ANewRun_StartsANewReplayBuffer()
    {
        _hub.Publish(_session, _run, "x", "old run");
        var next = Guid.NewGuid();
        _hub.Publish(_session, next, "x", "new run");

        using var subscription = _hub.Subscribe(_session, afterSequence: null);

        var only = Assert.Single(subscription.Replay);
        Assert.Equal(next, only.RunId);
    }
}
