using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class ResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What a runner would have stored: every committed state version and the completed step keys.</summary>
    private static RunContext Stored(IReadOnlyList<AgentEvent> events, RunContext original) => original with
    {
        RunId = Guid.NewGuid(),
        State = new RunState(original.State.Snapshot().Values.Select(e => StateEntry.FromJson(e.Key, e.Json, e.Version, e.Agent, e.Model))),
        CompletedSteps = events.CompletedSteps().ToHashSet(),
    };

    [Fact]
    public async Task Resume_SkipsCompletedSteps_AndMakesTheSameLoopDecision()
    {
        var script = new RoomScript { CriticPassesAt = 2 };
        var crashing = new ScriptedChatClient(request => request.Agent == "casting_director" ? throw new IOException("process died") : script.Reply(request));
        var first = EngineHarness.NewContext();
        var firstEvents = await new EngineHarness(crashing).RunAsync(first, Ct);
        firstEvents.Terminal<RunFailed>();

        var model = new ScriptedChatClient(script.Reply);
        var resumed = Stored(firstEvents, first);
        var events = await new EngineHarness(model).RunAsync(resumed, Ct);

        events.Terminal<RunCompleted>();
        Assert.Equal(["preproduction/casting_director", "pitch_writer"], events.StartedSteps());
        Assert.Equal(["casting_director", "pitch_writer"], model.Calls.Select(c => c.Agent).Distinct());
        Assert.Equal(9, events.OfType<StepSkipped>().Count()); // two loop iterations (8) + box office
        // The loop decided from the stored critique, as the original run did: approved at iteration 2, no third pass.
        var loop = Assert.Single(events.OfType<LoopCompleted>());
        Assert.Equal((2, LoopStopReasons.CriticApproved), (loop.Iterations, loop.StopReason));
        Assert.Equal([false, true], events.OfType<LoopIterationCompleted>().Select(i => i.Escalated));
        // Only the latest critique is stored, so an earlier, skipped iteration reports no verdict of its own.
        Assert.Equal([null, "pass"], events.OfType<LoopIterationCompleted>().Select(i => i.Verdict));
    }

    [Fact]
    public async Task Resume_InsideTheLoop_ContinuesTheInterruptedIteration()
    {
        var script = new RoomScript { CriticPassesAt = 2 };
        var crashing = new ScriptedChatClient(request => request.Agent == "screenwriter" && request.Iteration == 2 ? throw new IOException("process died") : script.Reply(request));
        var first = EngineHarness.NewContext();
        var firstEvents = await new EngineHarness(crashing).RunAsync(first, Ct);
        Assert.Equal("writers_room/2/screenwriter", firstEvents.Terminal<RunFailed>().FailedStep);

        var model = new ScriptedChatClient(script.Reply);
        var events = await new EngineHarness(model).RunAsync(Stored(firstEvents, first), Ct);

        events.Terminal<RunCompleted>();
        Assert.Equal("writers_room/2/screenwriter", events.StartedSteps()[0]);
        Assert.DoesNotContain(model.Calls, c => c.Agent == "researcher");
        Assert.Equal(LoopStopReasons.CriticApproved, Assert.Single(events.OfType<LoopCompleted>()).StopReason);
    }

    [Fact]
    public async Task Resume_AfterALoopThatHitItsMax_DoesNotLoopAgain()
    {
        var options = new AgentsOptions { LoopMaxIterations = 2 };
        var script = new RoomScript { CriticPassesAt = 0 };
        var first = EngineHarness.NewContext();
        var firstEvents = await new EngineHarness(new ScriptedChatClient(r => r.Agent == "pitch_writer" ? throw new IOException("died") : script.Reply(r)), options).RunAsync(first, Ct);
        firstEvents.Terminal<RunFailed>();

        var model = new ScriptedChatClient(script.Reply);
        var events = await new EngineHarness(model, options).RunAsync(Stored(firstEvents, first), Ct);

        Assert.Equal(["pitch_writer"], events.StartedSteps());
        Assert.Equal(LoopStopReasons.MaxIterations, Assert.Single(events.OfType<LoopCompleted>()).StopReason);
    }
}
