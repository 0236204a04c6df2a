using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class ParallelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Branches_RunConcurrently_AndSeeOnlyTheirOwnConversation()
    {
        // Each branch's first model call waits until the other branch's call has started. Run one after the
        // other, the first would wait forever (the 30 s guard fails the test); run together, both proceed.
        var bothStarted = new CountdownEvent(2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = new RoomScript { CriticPassesAt = 1 };
        var model = new ScriptedChatClient(async (request, ct) =>
        {
            if (request.Agent is "box_office" or "casting_director" && request.ToolResults == 0)
            {
                if (bothStarted.Signal())
                {
                    gate.SetResult();
                }
                await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
            return script.Reply(request);
        });
        var harness = new EngineHarness(model);

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        events.Terminal<RunCompleted>();
        var box = model.Calls.Where(c => c.Agent == "box_office").ToList();
        var casting = model.Calls.Where(c => c.Agent == "casting_director").ToList();
        Assert.True(box.Min(c => c.StartedAt) < casting.Max(c => c.EndedAt) && casting.Min(c => c.StartedAt) < box.Max(c => c.EndedAt),
            "The two branches' model calls should overlap in time.");

        // Isolation: neither branch's conversation contains the other's role, tools or output.
        Assert.All(box.SelectMany(c => c.Messages), m => Assert.DoesNotContain("casting", m.Text, StringComparison.OrdinalIgnoreCase));
        Assert.All(casting.SelectMany(c => c.Messages), m => Assert.DoesNotContain("market", m.Text, StringComparison.OrdinalIgnoreCase));
        var boxCompleted = events.Completed("preproduction/box_office");
        var castingCompleted = events.Completed("preproduction/casting_director");
        Assert.Equal(["market"], boxCompleted.Writes.Select(w => w.Key));
        Assert.Equal(["casting"], castingCompleted.Writes.Select(w => w.Key));
        Assert.DoesNotContain("casting", boxCompleted.Reads.Keys);
        Assert.DoesNotContain("market", castingCompleted.Reads.Keys);
    }

    [Fact]
    public async Task EachBranch_IsReportedAsSoonAsItFinishes()
    {
        // Casting cannot finish until the consumer has seen box office's completion: only a stream that
        // reports each branch the moment it finishes can get through this run.
        var boxOfficeSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(async (request, ct) =>
        {
            if (request.Agent == "casting_director" && request.ToolResults == 0)
            {
                await boxOfficeSeen.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
            return script.Reply(request);
        }));

        var order = new List<string>();
        await foreach (var e in harness.Engine.RunAsync(EngineHarness.NewContext(), Ct))
        {
            if (e is AgentCompleted completed)
            {
                order.Add(completed.StepKey);
                if (completed.StepKey == "preproduction/box_office")
                {
                    boxOfficeSeen.SetResult();
                }
            }
            if (e is RunFailed failed)
            {
                Assert.Fail(failed.Message);
            }
        }

        Assert.True(order.IndexOf("preproduction/box_office") < order.IndexOf("preproduction/casting_director"));
    }

    [Fact]
    public async Task FailedBranch_FailsTheRun_ButTheOtherBranchStillCompletes()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(request => request.Agent == "box_office"
            ? throw new HttpRequestException("502 from the gateway")
            : script.Reply(request)));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        var failed = events.Terminal<RunFailed>();
        Assert.Equal(("box_office", "preproduction/box_office"), (failed.Agent, failed.FailedStep));
        Assert.Contains("502 from the gateway", failed.Message);
        Assert.Contains("preproduction/casting_director", events.CompletedSteps());
        Assert.NotNull(context.State.Get(StateKeys.Casting));
        Assert.DoesNotContain("pitch_writer", events.StartedSteps());
    }
}
