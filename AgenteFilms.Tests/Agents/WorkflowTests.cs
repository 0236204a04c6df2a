using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class WorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PitchWorkflow_RunsAgentsInOrder_WithStableStepKeys()
    {
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript { CriticPassesAt = 2 }.Reply));

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        events.Terminal<RunCompleted>();
        var steps = events.CompletedSteps();
        Assert.Equal(
            [
                "writers_room/1/researcher", "writers_room/1/screenwriter", "writers_room/1/character_developer", "writers_room/1/critic",
                "writers_room/2/researcher", "writers_room/2/screenwriter", "writers_room/2/character_developer", "writers_room/2/critic",
            ],
            steps.Take(8));
        Assert.Equal(["preproduction/box_office", "preproduction/casting_director"], steps.Skip(8).Take(2).Order());
        Assert.Equal("pitch_writer", steps[^1]);
        Assert.Equal(11, steps.Count);
    }

    [Fact]
    public async Task AgentCompleted_CarriesWritesReadsUsageAndModel()
    {
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript().Reply));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        var screenwriter = events.Completed("writers_room/2/screenwriter");
        Assert.Equal("Scripted model", screenwriter.ModelLabel);
        Assert.Equal(2, screenwriter.Usage.Requests); // tool call round trip + final answer
        Assert.Equal(40, screenwriter.Usage.OutputTokens);
        Assert.Equal(0.002m, screenwriter.CostUsd);
        var write = Assert.Single(screenwriter.Writes);
        Assert.Equal((StateKeys.Outline, 2), (write.Key, write.Version));
        Assert.Equal("Draft 2", write.Value.GetProperty("logline").GetString());
        // It read the brief (v1), the research of its own iteration (v2) and the first critique (v1).
        Assert.Equal(new Dictionary<string, int> { ["brief"] = 1, ["research"] = 2, ["critique"] = 1 }, screenwriter.Reads);
        Assert.Equal(2, context.State.Get(StateKeys.Outline)!.Version);
        var changed = events.OfType<StateChanged>().Single(e => e.StepKey == "writers_room/2/screenwriter");
        Assert.True(events.IndexOf(changed) < events.IndexOf(screenwriter));
    }

    [Fact]
    public async Task Usage_FallsBackToReportedUsageDetails_WhenNoMeterRecorded()
    {
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript().Reply) { RecordUsage = false });

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        var researcher = events.Completed("writers_room/1/researcher");
        Assert.Equal((20, 40, 2), (researcher.Usage.InputTokens, researcher.Usage.OutputTokens, researcher.Usage.Requests));
        // Priced with the profile: $1 per 1M input, $2 per 1M output.
        Assert.Equal((20 * 1m + 40 * 2m) / 1_000_000m, researcher.CostUsd);
    }

    [Fact]
    public async Task Loop_ExitsWhenCriticCallsExitLoop_AndRecordsTheStopReason()
    {
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript { CriticPassesAt = 1 }.Reply));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        Assert.DoesNotContain(events.CompletedSteps(), s => s.StartsWith("writers_room/2/", StringComparison.Ordinal));
        var iteration = Assert.Single(events.OfType<LoopIterationCompleted>());
        Assert.Equal((1, "pass", true), (iteration.Iteration, iteration.Verdict, iteration.Escalated));
        Assert.Equal(8, iteration.Scores["market_fit"]);
        var loop = Assert.Single(events.OfType<LoopCompleted>());
        Assert.Equal((1, LoopStopReasons.CriticApproved), (loop.Iterations, loop.StopReason));
        Assert.True(events.Completed("writers_room/1/critic").Escalated);
        Assert.Equal(Critique.Pass, context.State.Read<Critique>(StateKeys.Critique)!.Verdict);
    }

    [Fact]
    public async Task Loop_StopsAtMaxIterations_WhenCriticNeverApproves()
    {
        var options = new AgentsOptions { LoopMaxIterations = 2 };
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript { CriticPassesAt = 0 }.Reply), options);

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        events.Terminal<RunCompleted>();
        Assert.Equal([1, 2], events.OfType<LoopIterationCompleted>().Select(i => i.Iteration));
        Assert.All(events.OfType<LoopIterationCompleted>(), i => Assert.Equal("revise", i.Verdict));
        var loop = Assert.Single(events.OfType<LoopCompleted>());
        Assert.Equal((2, LoopStopReasons.MaxIterations), (loop.Iterations, loop.StopReason));
        Assert.Contains("pitch_writer", events.CompletedSteps());
    }

    [Fact]
    public async Task AgentFailure_FailsTheRunNamingTheAgent_AndKeepsEarlierState()
    {
        var script = new RoomScript();
        var harness = new EngineHarness(new ScriptedChatClient(request => request.Agent == "character_developer"
            ? throw new InvalidOperationException("the model returned garbage")
            : script.Reply(request)));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        var failed = events.Terminal<RunFailed>();
        Assert.Equal(("character_developer", "writers_room/1/character_developer"), (failed.Agent, failed.FailedStep));
        Assert.Contains("Character developer", failed.Message);
        Assert.Contains("the model returned garbage", failed.Message);
        Assert.Equal(["writers_room/1/researcher", "writers_room/1/screenwriter"], events.CompletedSteps());
        Assert.NotNull(context.State.Get(StateKeys.Research));
        Assert.NotNull(context.State.Get(StateKeys.Outline));
        Assert.Null(context.State.Get(StateKeys.Characters));
    }

    [Fact]
    public async Task UnknownModelProfile_FailsTheRunWithAClearMessage()
    {
        var options = new AgentsOptions { ModelOverrides = { ["researcher"] = "missing" } };
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript().Reply), options);

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        var failed = events.Terminal<RunFailed>();
        Assert.Equal("researcher", failed.Agent);
        Assert.Contains("unknown model profile 'missing'", failed.Message);
    }

    [Fact]
    public async Task ModelOverride_AppliesToThatAgentOnly()
    {
        var options = new AgentsOptions { ModelOverrides = { ["critic"] = "cheap" } };
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript { CriticPassesAt = 1 }.Reply), options);
        var context = EngineHarness.NewContext() with { ModelProfile = "session-profile" };

        var events = await harness.RunAsync(context, Ct);

        var started = events.OfType<AgentStarted>().ToList();
        Assert.Equal("cheap", started.Single(s => s.Agent == "critic").ModelProfile);
        Assert.All(started.Where(s => s.Agent != "critic"), s => Assert.Equal("session-profile", s.ModelProfile));
        Assert.Contains("cheap", harness.Factory.RequestedProfiles);
    }

    [Fact]
    public async Task PipelineWithoutFunctionInvocation_FailsWithAClearMessage()
    {
        var factory = new BarePipelineFactory(new ScriptedChatClient(new RoomScript().Reply));
        var runtime = new AgentRuntime(factory, new AgentsOptions(), TimeProvider.System);
        var engine = new AgentEngine(new WorkflowFactory(new AgenteFilms.Agents.Agents.AgentCatalog(), runtime), TimeProvider.System);

        var events = new List<AgentEvent>();
        await foreach (var e in engine.RunAsync(EngineHarness.NewContext(), Ct))
        {
            events.Add(e);
        }

        var failed = events.Terminal<RunFailed>();
        Assert.Equal("researcher", failed.Agent);
        Assert.Contains("UseKernelFunctionInvocation", failed.Message);
    }

    private sealed class BarePipelineFactory(Microsoft.Extensions.AI.IChatClient client) : AgenteFilms.Agents.Providers.IChatClientFactory
    {
        public AgenteFilms.Agents.Providers.ResolvedModelProfile Resolve(string? profileName) => new("bare", new());

        public Microsoft.Extensions.AI.IChatClient Create(string? profileName) => client;
    }

    [Fact]
    public async Task AgentTimeout_FailsTheStepWithATimeoutMessage()
    {
        var options = new AgentsOptions { AgentTimeouts = { ["researcher"] = 1 } };
        var harness = new EngineHarness(new ScriptedChatClient(async (request, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct); // a model that never answers; only the step timeout ends it
            return new ScriptedReply("never");
        }), options);

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        var failed = events.Terminal<RunFailed>();
        Assert.Equal("researcher", failed.Agent);
        Assert.Contains("timed out after 1 s", failed.Message);
    }
}
