using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgenteFilms.Tests.Web.Features;

/// <summary>The workspace's live view: catch-up, then live events with renders throttled as DECISIONS §4 says.</summary>
public sealed class SessionLiveViewTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private int _renders;
    private int _observed;

    [Fact]
    public async Task RendersTheFirstTextOfAStepAtOnce_AndCoalescesLaterText_ToOneRenderPer50Ms()
    {
        var hub = new RunEventHub(_time);
        using var live = new SessionLiveView(hub, Runs(hub), _time);
        var session = Guid.NewGuid();
        var run = Guid.NewGuid();
        await live.StartAsync(session, Dispatch, () => Interlocked.Increment(ref _renders), _ => Interlocked.Increment(ref _observed), Xunit.TestContext.Current.CancellationToken);

        await PublishAsync(hub, session, run, new AgentStarted("pitch_writer", AgentNames.PitchWriter, "Pitch writer", "offline", "Offline model", null), expectedObserved: 1);
        await UntilAsync(() => _renders == 1);
        await PublishAsync(hub, session, run, new TextDelta("pitch_writer", AgentNames.PitchWriter, "Once"), expectedObserved: 2);
        await UntilAsync(() => _renders == 2);

        await PublishAsync(hub, session, run, new TextDelta("pitch_writer", AgentNames.PitchWriter, " upon"), expectedObserved: 3);
        await PublishAsync(hub, session, run, new TextDelta("pitch_writer", AgentNames.PitchWriter, " a time"), expectedObserved: 4);
        Assert.Equal(2, _renders);

        _time.Advance(SessionLiveView.RenderInterval);
        await UntilAsync(() => _renders == 3);
        Assert.Equal("Once upon a time", live.Timeline!.Steps.Single().Text.ToString());
    }

    [Fact]
    public async Task CatchesUpFromTheReplay_WhenItJoinsARunInProgress()
    {
        var hub = new RunEventHub(_time);
        var session = Guid.NewGuid();
        var run = Guid.NewGuid();
        hub.Publish(session, run, "run_started", new RunStarted(run, session, WorkflowKind.Pitch, "pitch"));
        hub.Publish(session, run, "agent_started", new AgentStarted("pitch_writer", AgentNames.PitchWriter, "Pitch writer", "offline", "Offline model", null));
        hub.Publish(session, run, "text_delta", new TextDelta("pitch_writer", AgentNames.PitchWriter, "Half a pitch"));

        using var live = new SessionLiveView(hub, Runs(hub), _time);
        await live.StartAsync(session, Dispatch, () => { }, _ => { }, Xunit.TestContext.Current.CancellationToken);

        var step = Assert.Single(live.Timeline!.Steps);
        Assert.Equal("Half a pitch", step.Text.ToString());
        Assert.True(live.Timeline.IsActive);
    }

    [Fact]
    public async Task ANewRunTakesTheTop_AndTheRunShownSoFarJoinsTheEarlierRuns()
    {
        var hub = new RunEventHub(_time);
        using var live = new SessionLiveView(hub, Runs(hub), _time);
        var session = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await live.StartAsync(session, Dispatch, () => { }, _ => Interlocked.Increment(ref _observed), Xunit.TestContext.Current.CancellationToken);

        await PublishAsync(hub, session, first, new RunStarted(first, session, WorkflowKind.Pitch, "pitch"), expectedObserved: 1);
        await PublishAsync(hub, session, first, new RunCompleted(first, "The pitch is ready."), expectedObserved: 2);
        Assert.Empty(live.EarlierRuns);
        await PublishAsync(hub, session, second, new RunStarted(second, session, WorkflowKind.Chat, "chat"), expectedObserved: 3);

        Assert.Equal(second, live.Timeline!.RunId);
        var earlier = Assert.Single(live.EarlierRuns);
        Assert.Equal((first, AgenteFilms.Data.Entities.RunStatus.Completed, "Full pitch"), (earlier.RunId, earlier.Status, earlier.Title));
    }

    private RunService Runs(RunEventHub hub) => new RunServiceFactory(database, hub: hub).For(Guid.NewGuid());

    private static Task Dispatch(Action action)
    {
        lock (Gate)
        {
            action();
        }
        return Task.CompletedTask;
    }

    private static readonly Lock Gate = new();

    private async Task PublishAsync(RunEventHub hub, Guid session, Guid run, AgentEvent e, int expectedObserved)
    {
        hub.Publish(session, run, EventNames.Of(e), e);
        await UntilAsync(() => Volatile.Read(ref _observed) == expectedObserved);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the live view.");
            await Task.Delay(5, Xunit.TestContext.Current.CancellationToken);
        }
    }
}
