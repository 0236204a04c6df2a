using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Entities;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace;
using AgenteFilms.Web.Features.Runs;
using Bunit;

namespace AgenteFilms.Tests.Web.Components;

public sealed class AgentTimelineTests : MudTestContext
{
    private static readonly Guid Run = Guid.NewGuid();

    [Fact]
    public void ShowsSteps_Tools_IterationScores_StopReason_AndTotals()
    {
        var timeline = new RunTimeline();
        foreach (var e in WritersRoomThenPitchWriterRunning())
        {
            timeline.Apply(e);
        }

        var cut = Render<AgentTimeline>(p => p.Add(t => t.Timeline, timeline));

        var steps = cut.FindAll("[data-testid=agent-step]");
        Assert.Equal(["Researcher", "Critic", "Critic", "Pitch writer"], steps.Select(s => s.QuerySelector("[data-testid=step-name]")!.TextContent.Trim()));
        Assert.Equal(["completed", "completed", "completed", "running"], steps.Select(s => s.GetAttribute("data-status")));
        // Iteration 1 is judged and followed by another: it folds to one line per agent until the writer opens it.
        Assert.Empty(cut.FindAll("[data-testid=tool-chip]"));
        cut.Find("[data-testid=fold-iteration]").Click();
        steps = cut.FindAll("[data-testid=agent-step]");
        Assert.Equal("save note ×2", Assert.Single(cut.FindAll("[data-testid=tool-chip]")).TextContent.Trim());
        Assert.Contains("Lighthouse notes", steps[0].TextContent);
        Assert.Contains("Drafting the pitch", steps[3].TextContent);

        var iterations = cut.FindAll("[data-testid=loop-iteration]");
        Assert.Equal(2, iterations.Count);
        Assert.Contains("iteration 1 of 3", iterations[0].TextContent);
        Assert.Contains("revise", iterations[0].QuerySelector("[data-testid=verdict]")!.TextContent);
        Assert.Contains("structure 5", iterations[0].QuerySelector("[data-testid=scores]")!.TextContent);
        Assert.Contains("approve", iterations[1].QuerySelector("[data-testid=verdict]")!.TextContent);
        Assert.Contains("structure 8", iterations[1].QuerySelector("[data-testid=scores]")!.TextContent);
        Assert.Contains("critic approved after 2 iterations", cut.Find("[data-testid=loop-stop]").TextContent);

        var totals = cut.Find("[data-testid=run-totals]").TextContent;
        Assert.Contains("3,300", totals);  // input tokens: 1,000 + 1,100 + 1,200
        Assert.Contains("600", totals);    // output tokens
        Assert.Contains("$0.0039", totals);
        Assert.Contains("3 of 4 steps done", cut.Find("[data-testid=timeline-progress]").TextContent);
    }

    [Fact]
    public void ShowsTheFailure_AndEndsTheStepInFlight_WhenTheRunFails()
    {
        var timeline = new RunTimeline();
        timeline.Apply(new RunStarted(Run, Guid.NewGuid(), WorkflowKind.Pitch, "pitch"));
        timeline.Apply(new AgentStarted("pitch_writer", AgentNames.PitchWriter, "Pitch writer", "offline", "Offline model", null));
        timeline.Apply(new RunFailed(Run, AgentNames.PitchWriter, "pitch_writer", "The model timed out."));

        var cut = Render<AgentTimeline>(p => p.Add(t => t.Timeline, timeline));

        Assert.Equal("failed", cut.Find("[data-testid=agent-step]").GetAttribute("data-status"));
        Assert.Contains("The model timed out.", cut.Find("[data-testid=run-error]").TextContent);
    }

    [Fact]
    public void ShowsAnEmptyState_BeforeAnyRun()
    {
        var cut = Render<AgentTimeline>();

        Assert.Contains("No run yet", cut.Find("[data-testid=timeline-empty]").TextContent);
    }

    [Fact]
    public void OnlyTheFirstTextOfAStep_AsksForAnImmediateRender()
    {
        var timeline = new RunTimeline();
        timeline.Apply(new AgentStarted("pitch_writer", AgentNames.PitchWriter, "Pitch writer", "offline", "Offline model", null));

        Assert.True(timeline.Apply(new TextDelta("pitch_writer", AgentNames.PitchWriter, "Once")));
        Assert.False(timeline.Apply(new TextDelta("pitch_writer", AgentNames.PitchWriter, " upon")));
        Assert.True(timeline.Apply(Completed("pitch_writer", AgentNames.PitchWriter, "Pitch writer", null, "Once upon", 10, 5)));
    }

    [Fact]
    public void RebuildsStepsScoresAndStopReason_FromPersistedSteps()
    {
        var start = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
        var run = new AgentRun { Id = Run, Workflow = "pitch", Status = RunStatus.Completed };
        var answers = new List<Answer>();
        void Step(string key, string agent, int iteration, int minute, string text)
        {
            var id = Guid.NewGuid();
            run.Steps.Add(new AgenteFilms.Data.Entities.AgentStep { Id = id, StepKey = key, Agent = agent, Iteration = iteration, Status = StepStatus.Completed,
                StartedAt = start.AddMinutes(minute), CompletedAt = start.AddMinutes(minute).AddSeconds(2), InputTokens = 100, OutputTokens = 50, Model = "Offline model" });
            answers.Add(new Answer { StepId = id, Agent = agent, Content = text, CreatedAt = start.AddMinutes(minute).AddSeconds(2) });
        }
        Step("writers_room/1/researcher", AgentNames.Researcher, 1, 0, "First research");
        Step("writers_room/1/critic", AgentNames.Critic, 1, 1, """{"iteration":1,"verdict":"revise","scores":{"structure":5}}""");
        Step("writers_room/2/researcher", AgentNames.Researcher, 2, 2, "Second research");
        Step("writers_room/2/critic", AgentNames.Critic, 2, 3, """{"iteration":2,"verdict":"pass","scores":{"structure":8}}""");
        Step("pitch_writer", AgentNames.PitchWriter, 0, 4, "The pitch");

        var cut = Render<AgentTimeline>(p => p.Add(t => t.Timeline, RunTimeline.FromPersisted(run, answers)));
        cut.Find("[data-testid=fold-iteration]").Click();

        var steps = cut.FindAll("[data-testid=agent-step]");
        Assert.Equal(5, steps.Count);
        Assert.Contains("First research", steps[0].TextContent);
        Assert.Contains("Second research", steps[2].TextContent);
        Assert.Contains("Pitch writer", steps[4].TextContent);
        var iterations = cut.FindAll("[data-testid=loop-iteration]");
        Assert.Contains("structure 5", iterations[0].TextContent);
        Assert.Contains("pass", iterations[1].QuerySelector("[data-testid=verdict]")!.TextContent);
        Assert.Contains("critic approved after 2 iterations", cut.Find("[data-testid=loop-stop]").TextContent);
        Assert.Contains("500 in", cut.Find("[data-testid=run-totals]").TextContent);
    }

    [Fact]
    public void ShowsEveryRun_TheLatestInFull_AndEarlierOnesCollapsedWithStatusAndTotals_UntilOpened()
    {
        var chatRun = Guid.NewGuid();
        var latest = new RunTimeline();
        latest.Apply(new RunStarted(chatRun, Guid.NewGuid(), WorkflowKind.Chat, "chat"));
        latest.Apply(new AgentStarted("greeter", AgentNames.Greeter, "Showrunner", "offline", "Offline model", null));
        latest.Apply(Completed("greeter", AgentNames.Greeter, "Showrunner", null, "Done: she is his sister now.", 300, 80));
        latest.Apply(new RunCompleted(chatRun, "Done: she is his sister now."));
        var pitchRun = Guid.NewGuid();
        var earlier = new[]
        {
            new RunSummary(pitchRun, WorkflowKind.Pitch, "Full pitch", RunStatus.Completed, new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc),
                11, 12_000, 3_000, 0.0150m, TimeSpan.FromSeconds(42), null),
            new RunSummary(Guid.NewGuid(), WorkflowKind.Chat, "Chat: “make the antagonist his sister”", RunStatus.Failed, new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc),
                1, 100, 50, 0m, TimeSpan.FromSeconds(1), "The model timed out."),
        };
        var opened = new List<Guid>();
        Task<RunTimeline?> Load(Guid id)
        {
            opened.Add(id);
            var run = new AgentRun { Id = id, Workflow = "pitch", Status = RunStatus.Completed };
            run.Steps.Add(new AgenteFilms.Data.Entities.AgentStep { Id = Guid.NewGuid(), StepKey = "pitch_writer", Agent = AgentNames.PitchWriter, Status = StepStatus.Completed,
                StartedAt = DateTime.UtcNow, CompletedAt = DateTime.UtcNow.AddSeconds(3), InputTokens = 900, OutputTokens = 400, Model = "Offline model" });
            return Task.FromResult<RunTimeline?>(RunTimeline.FromPersisted(run, []));
        }

        var cut = Render<AgentTimeline>(p => p.Add(t => t.Timeline, latest).Add(t => t.EarlierRuns, earlier).Add(t => t.LoadRun, Load));

        // The latest run, in full, says which run it is.
        Assert.Equal("Showrunner", Assert.Single(cut.FindAll("[data-testid=agent-step]")).QuerySelector("[data-testid=step-name]")!.TextContent.Trim());
        Assert.Contains("Chat with the showrunner", cut.Find("[data-testid=latest-run-title]").TextContent);
        // Earlier runs: one line each, newest first, with status and totals, and no steps until opened.
        var rows = cut.FindAll("[data-testid=earlier-run]");
        Assert.Equal(["completed", "failed"], rows.Select(r => r.GetAttribute("data-status")));
        Assert.Contains("Full pitch", rows[0].TextContent);
        var meta = rows[0].QuerySelector("[data-testid=earlier-run-meta]")!.TextContent;
        Assert.Contains("Completed", meta);
        Assert.Contains("11 steps", meta);
        Assert.Contains("15,000 tok", meta);
        Assert.Contains("$0.02", meta);
        Assert.Contains("42.0 s", meta);
        Assert.Contains("make the antagonist his sister", rows[1].TextContent);
        Assert.Contains("Failed", rows[1].TextContent);
        Assert.Equal("false", rows[0].QuerySelector("[data-testid=earlier-run-toggle]")!.GetAttribute("aria-expanded"));
        Assert.Empty(opened);

        cut.FindAll("[data-testid=earlier-run-toggle]")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal("pitch_writer",
            Assert.Single(cut.FindAll("[data-testid=earlier-run]")[0].QuerySelectorAll("[data-testid=agent-step]")).GetAttribute("data-agent")));
        Assert.Equal([pitchRun], opened);
        Assert.Equal("true", cut.FindAll("[data-testid=earlier-run-toggle]")[0].GetAttribute("aria-expanded"));
        Assert.Equal(2, cut.FindAll("[data-testid=agent-step]").Count);

        cut.FindAll("[data-testid=earlier-run-toggle]")[0].Click();
        Assert.Single(cut.FindAll("[data-testid=agent-step]"));
    }

    private static IEnumerable<AgentEvent> WritersRoomThenPitchWriterRunning()
    {
        yield return new RunStarted(Run, Guid.NewGuid(), WorkflowKind.Pitch, "pitch");
        yield return new AgentStarted("writers_room/1/researcher", AgentNames.Researcher, "Researcher", "offline", "Offline model", 1);
        yield return new TextDelta("writers_room/1/researcher", AgentNames.Researcher, "Lighthouse ");
        yield return new ToolCalled("writers_room/1/researcher", AgentNames.Researcher, "save_note", "call-1", "{}", true);
        yield return new ToolResult("writers_room/1/researcher", AgentNames.Researcher, "save_note", "call-1", "ok", false);
        yield return new ToolCalled("writers_room/1/researcher", AgentNames.Researcher, "researcher_save_note", "call-2", "{}", true);
        yield return new ToolResult("writers_room/1/researcher", AgentNames.Researcher, "researcher_save_note", "call-2", "ok", false);
        yield return Completed("writers_room/1/researcher", AgentNames.Researcher, "Researcher", 1, "Lighthouse notes", 1_000, 200);
        yield return new AgentStarted("writers_room/1/critic", AgentNames.Critic, "Critic", "offline", "Offline model", 1);
        yield return Completed("writers_room/1/critic", AgentNames.Critic, "Critic", 1, "Act two sags.", 1_100, 200);
        yield return new LoopIterationCompleted("writers_room", 1, 3, "revise", new Dictionary<string, int> { ["structure"] = 5 }, false);
        yield return new AgentStarted("writers_room/2/critic", AgentNames.Critic, "Critic", "offline", "Offline model", 2);
        yield return Completed("writers_room/2/critic", AgentNames.Critic, "Critic", 2, "Ready.", 1_200, 200);
        yield return new LoopIterationCompleted("writers_room", 2, 3, "approve", new Dictionary<string, int> { ["structure"] = 8 }, true);
        yield return new LoopCompleted("writers_room", 2, LoopStopReasons.CriticApproved);
        yield return new AgentStarted("pitch_writer", AgentNames.PitchWriter, "Pitch writer", "offline", "Offline model", null);
        yield return new TextDelta("pitch_writer", AgentNames.PitchWriter, "Drafting the pitch");
    }

    private static AgentCompleted Completed(string stepKey, string agent, string displayName, int? iteration, string text, long input, long output) =>
        new(stepKey, agent, displayName, "offline", "Offline model", iteration, text,
            new Usage(input, output, (input + output) * 0.000001m, TimeSpan.FromMilliseconds(800), 1),
            TimeSpan.FromMilliseconds(1_250), [], new Dictionary<string, int>(), false, []);
}
