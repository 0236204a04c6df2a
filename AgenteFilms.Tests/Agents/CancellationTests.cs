using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_StopsTheModelCallInFlight_AndEndsWithRunCancelled()
    {
        var script = new RoomScript();
        var harness = new EngineHarness(new ScriptedChatClient(async (request, ct) =>
        {
            if (request.Agent == "screenwriter")
            {
                await Task.Delay(Timeout.Infinite, ct); // only cancellation ends this model call
            }
            return script.Reply(request);
        }));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = EngineHarness.NewContext();

        var events = new List<AgentEvent>();
        await foreach (var e in harness.Engine.RunAsync(context, cts.Token))
        {
            events.Add(e);
            if (e is AgentStarted { Agent: "screenwriter" })
            {
                await cts.CancelAsync();
            }
        }

        var cancelled = events.Terminal<RunCancelled>();
        Assert.Equal("writers_room/1/screenwriter", cancelled.InFlightStep);
        Assert.Equal(["writers_room/1/researcher"], events.CompletedSteps());
        Assert.NotNull(context.State.Get(StateKeys.Research));
        Assert.Null(context.State.Get(StateKeys.Outline));
    }

    [Fact]
    public async Task WorkflowSteps_PropagateOperationCanceledException()
    {
        var harness = new EngineHarness(new ScriptedChatClient(async (request, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new ScriptedReply("never");
        }));
        using var cts = new CancellationTokenSource();
        var workflow = harness.Engine.Workflows.CreatePitch();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in workflow.Root.RunAsync(EngineHarness.NewContext(), cts.Token))
            {
                if (e is AgentStarted)
                {
                    await cts.CancelAsync();
                }
            }
        });
    }
}
