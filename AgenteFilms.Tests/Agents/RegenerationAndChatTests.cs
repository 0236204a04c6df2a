using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Tools;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class RegenerationAndChatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RunContext> CompletedPitchAsync(EngineHarness harness)
    {
        var context = EngineHarness.NewContext();
        (await harness.RunAsync(context, Ct)).Terminal<RunCompleted>();
        return context;
    }

    [Fact]
    public async Task RegenerateCasting_RunsOnlyCastingAndPitchWriter_AndKeepsOtherSections()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var model = new ScriptedChatClient(script.Reply);
        var harness = new EngineHarness(model);
        var done = await CompletedPitchAsync(harness);
        // The writer edited the logline by hand since: a new version of the pitch.
        var edited = done.State.Read<PitchDocument>(StateKeys.Pitch)! with { Logline = "My own logline." };
        done.State.Set(StateKeys.Pitch, edited);

        var regeneration = done with { RunId = Guid.NewGuid(), Workflow = WorkflowKind.RegenerateSection, Revision = new SectionRevision("casting", "Younger, less obvious choices") };
        var callsBefore = model.Calls.Count;
        var events = await harness.RunAsync(regeneration, Ct);

        events.Terminal<RunCompleted>();
        Assert.Equal(["regenerate/casting_director", "regenerate/pitch_writer"], events.CompletedSteps());
        Assert.All(model.Calls.Skip(callsBefore), c => Assert.Contains(c.Agent, new[] { "casting_director", "pitch_writer" }));
        Assert.All(model.Calls.Skip(callsBefore), c => Assert.Contains("Younger, less obvious choices", c.Messages[1].Text));
        var pitch = done.State.Read<PitchDocument>(StateKeys.Pitch)!;
        Assert.Equal("My own logline.", pitch.Logline);
        Assert.Equal("casting_director", pitch.Provenance[PitchSections.Casting].Agent);
        Assert.Equal(2, done.State.Get(StateKeys.Casting)!.Version);
    }

    [Fact]
    public async Task ChatTurn_RunsTheShowrunnersRerunAsStepsOfTheSameRun()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(request => request.Agent switch
        {
            "greeter" when request.ToolResults == 0 => new ScriptedReply("", [new ScriptedCall(request.Tool(ShowrunnerTools.Rerun), new Dictionary<string, object?> { ["stage"] = "preproduction" })]),
            "greeter" => new ScriptedReply("Rerunning pre-production now."),
            _ => script.Reply(request),
        }));
        var done = await CompletedPitchAsync(harness);
        var chat = done with { RunId = Guid.NewGuid(), Workflow = WorkflowKind.Chat, UserMessage = "The market section feels thin, redo it.", FollowUps = new FollowUpPlan() };

        var events = await harness.RunAsync(chat, Ct);

        var completed = events.Terminal<RunCompleted>();
        Assert.Equal("Rerunning pre-production now.", completed.Response);
        Assert.Single(events.OfType<RunStarted>());
        Assert.Equal("greeter", events.CompletedSteps()[0]);
        Assert.Equal(["followup/preproduction/box_office", "followup/preproduction/casting_director"], events.CompletedSteps().Skip(1).Take(2).Order());
        Assert.Equal("followup/pitch_writer", events.CompletedSteps()[^1]);
        var request = Assert.Single(events.Completed("greeter").FollowUps);
        Assert.Equal(new FollowUpRequest(FollowUpKind.Rerun, "preproduction", null), request);
    }

    [Fact]
    public async Task ChatTurn_ResumedAfterTheReply_RunsTheRestoredFollowUps()
    {
        var model = new ScriptedChatClient(new RoomScript().Reply);
        var harness = new EngineHarness(model);
        var context = EngineHarness.NewContext(WorkflowKind.Chat) with
        {
            CompletedSteps = new HashSet<string> { "greeter" },
            FollowUps = new FollowUpPlan([new FollowUpRequest(FollowUpKind.ReviseSection, "characters", "Make the antagonist sympathetic")]),
        };

        var events = await harness.RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        Assert.Equal(["followup/character_developer", "followup/pitch_writer"], events.CompletedSteps());
        Assert.DoesNotContain(model.Calls, c => c.Agent == "greeter");
    }

    [Fact]
    public async Task UpdateBrief_WritesANewBriefVersion()
    {
        var harness = new EngineHarness(new ScriptedChatClient(request => request.ToolResults == 0
            ? new ScriptedReply("", [new ScriptedCall(request.Tool(ShowrunnerTools.UpdateBrief), new Dictionary<string, object?> { ["field"] = "genre", ["value"] = "Thriller" })])
            : new ScriptedReply("Genre updated.")));
        var context = EngineHarness.NewContext(WorkflowKind.Chat) with { UserMessage = "Make it a thriller." };

        var events = await harness.RunAsync(context, Ct);

        Assert.Equal("Genre updated.", events.Terminal<RunCompleted>().Response);
        var brief = context.State.Get(StateKeys.Brief)!;
        Assert.Equal(2, brief.Version);
        Assert.Equal("Thriller", context.State.Read<Brief>(StateKeys.Brief)!.Genre);
        Assert.Equal(EngineHarness.DefaultBrief.Concept, context.State.Read<Brief>(StateKeys.Brief)!.Concept);
    }

    [Theory]
    [InlineData("casting", new[] { "regenerate/casting_director", "regenerate/pitch_writer" })]
    [InlineData("comparables", new[] { "regenerate/box_office", "regenerate/pitch_writer" })]
    [InlineData("logline", new[] { "regenerate/screenwriter", "regenerate/pitch_writer" })]
    [InlineData("themes", new[] { "regenerate/pitch_writer" })]
    public void Regeneration_UsesOnlyTheAgentsTheSectionNeeds(string section, string[] expected)
    {
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript().Reply));
        var workflow = harness.Engine.Workflows.CreateRegeneration(new SectionRevision(section, "note"));

        var root = Assert.IsType<SequentialStep>(workflow.Root);
        Assert.Equal(expected, root.Steps.Select(s => $"regenerate/{s.Name}"));
    }

    [Fact]
    public async Task FollowUps_AreMergedIntoOneMinimalPlan()
    {
        var model = new ScriptedChatClient(new RoomScript { CriticPassesAt = 1 }.Reply);
        var harness = new EngineHarness(model);
        var context = EngineHarness.NewContext(WorkflowKind.Chat) with
        {
            CompletedSteps = new HashSet<string> { "greeter" },
            FollowUps = new FollowUpPlan([
                new FollowUpRequest(FollowUpKind.ReviseSection, "casting", "Younger"),
                new FollowUpRequest(FollowUpKind.Rerun, "preproduction", null),
                new FollowUpRequest(FollowUpKind.ReviseSection, "logline", "Punchier"),
            ]),
        };

        var events = await harness.RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        var steps = events.CompletedSteps();
        Assert.Equal("followup/screenwriter", steps[0]);
        Assert.Equal(["followup/preproduction/box_office", "followup/preproduction/casting_director"], steps.Skip(1).Take(2).Order());
        Assert.Equal("followup/pitch_writer", steps[3]);
        Assert.Equal(4, steps.Count); // each agent once
        var casting = model.Calls.First(c => c.Agent == "casting_director").Messages[1].Text;
        Assert.Contains("Younger", casting);
        var pitchWriter = model.Calls.First(c => c.Agent == "pitch_writer").Messages[1].Text;
        Assert.Contains("Sections to revise: casting, comparables, audience_and_market, production_notes, logline", pitchWriter);
    }

    [Fact]
    public async Task RerunningTheWritersRoom_RerunsEverythingDownstream()
    {
        var harness = new EngineHarness(new ScriptedChatClient(new RoomScript { CriticPassesAt = 1 }.Reply));
        var context = EngineHarness.NewContext(WorkflowKind.Chat) with
        {
            CompletedSteps = new HashSet<string> { "greeter" },
            FollowUps = new FollowUpPlan([new FollowUpRequest(FollowUpKind.Rerun, "writers_room", "Darker")]),
        };

        var events = await harness.RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        Assert.Contains("followup/writers_room/1/critic", events.CompletedSteps());
        Assert.Contains("followup/preproduction/casting_director", events.CompletedSteps());
        Assert.Equal("followup/pitch_writer", events.CompletedSteps()[^1]);
        Assert.Equal(LoopStopReasons.CriticApproved, Assert.Single(events.OfType<LoopCompleted>()).StopReason);
    }
}
