using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Agents.Providers.Offline;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class OfflineModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string[], string> Concepts => new()
    {
        { "Horror", "A retired lighthouse keeper in Nova Scotia discovers that the fog rolling into her village is a living thing that steals memories.", ["Nova Scotia", "fog", "lighthouse keeper", "village"], "The Quiet Before" },
        { "Science fiction", "A lonely radio astronomer at the Atacama Array picks up a signal that repeats her dead brother's voice.", ["Atacama Array", "signal", "radio astronomer"], "Anomaly" },
        { "Thriller", "A night-shift bank auditor in Lisbon uncovers a laundering scheme run through the city's funeral homes.", ["Lisbon", "scheme", "bank auditor"], "The Hook" },
        { "comedy", "Two rival wedding caterers in Brighton are forced to share one kitchen when they book the same royal wedding.", ["Brighton", "kitchen", "wedding caterer"], "The Bright Idea" },
        { "DRAMA", "A grieving fisherman in Galway rebuilds his late wife's boat with the estranged son who blames him for her death.", ["Galway", "boat", "fisherman"], "What Was" },
        { "Romance", "A cynical cartographer in Kyoto falls for the tour guide who keeps redrawing her maps.", ["Kyoto", "cartographer", "guide"], "Meeting" },
    };

    [Theory]
    [MemberData(nameof(Concepts))]
    public async Task FullWorkflow_WritesEveryPitchSection_AboutThisConcept(string genre, string concept, string[] keyNouns, string firstActTitle)
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext(brief: OfflineHarness.Brief(concept, genre));

        var events = await harness.RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        var pitch = OfflineHarness.Pitch(context)!;
        Assert.All(PitchSections.All, section => Assert.False(PitchSectionMap.IsEmpty(pitch, section), $"Section '{section}' is empty."));

        // A real three-act shape with named beats, and characters with want, need and arc.
        Assert.Equal([1, 2, 3], pitch.Acts.Select(a => a.Number));
        Assert.Equal(firstActTitle, pitch.Acts[0].Title);
        Assert.All(pitch.Acts, act => Assert.True(act.Beats.Count >= 3));
        Assert.Contains(pitch.Acts.SelectMany(a => a.Beats), b => b.Name == "Midpoint");
        Assert.True(pitch.Characters.Count >= 4);
        Assert.All(pitch.Characters, c => Assert.All(new[] { c.Name, c.Role, c.Want, c.Need, c.Arc }, v => Assert.False(string.IsNullOrWhiteSpace(v))));

        // Visibly about this concept: its names, places and key nouns carry into title/logline, characters and beats.
        var story = string.Join("\n", [pitch.Title, pitch.Logline, .. pitch.Characters.Select(c => $"{c.Name} {c.Role} {c.Want} {c.Arc}"), .. pitch.Acts.SelectMany(a => a.Beats).Select(b => b.Description)]);
        Assert.All(keyNouns, noun => Assert.Contains(noun, story, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(keyNouns[0], pitch.Logline + pitch.Title);
        var hero = pitch.Characters[0].Name.Split(' ')[0];
        Assert.Contains(hero, pitch.Logline);
        Assert.All(pitch.Acts, act => Assert.Contains(act.Beats, b => b.Description.Contains(hero, StringComparison.Ordinal)));

        // Honest about what it is: unverified comparables, aspirational casting, labelled as the offline model.
        Assert.All(pitch.Comparables, c => Assert.False(c.IsVerified));
        Assert.All(pitch.Comparables, c => Assert.Contains("Illustrative", c.Why));
        Assert.All(pitch.Casting, c => Assert.StartsWith("Aspirational", c.Rationale));
        Assert.DoesNotContain("attached", JsonSerializer.Serialize(pitch.Casting), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CastingReport.AspirationalNote, context.State.Read<CastingReport>(StateKeys.Casting)!.Disclaimer);
        Assert.All(events.OfType<AgentCompleted>(), e => Assert.Equal(OfflineChatClient.Label, e.ModelLabel));
        Assert.Equal(OfflineChatClient.Label, pitch.Provenance[PitchSections.Themes].Model);
    }

    private static string Json(PitchDocument pitch) => JsonSerializer.Serialize(pitch, AgentJson.Options);

    [Theory]
    [InlineData("", "")]
    [InlineData("Robots.", "sci-fi")]
    [InlineData("Detective Rosa Ortiz hunts a killer in Mexico City who leaves origami cranes at every scene.", "neo-noir")]
    [InlineData("Une boulangère à Lyon découvre que son levain exauce les vœux.", "comédie")]
    public async Task UnusualBriefs_StillGiveACompletePitch(string concept, string genre)
    {
        var context = EngineHarness.NewContext(brief: OfflineHarness.Brief(concept, genre));

        var events = await OfflineHarness.Create().RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        var pitch = OfflineHarness.Pitch(context)!;
        Assert.All(PitchSections.All, section => Assert.False(PitchSectionMap.IsEmpty(pitch, section), $"Section '{section}' is empty."));
        Assert.DoesNotContain("{", pitch.Logline + pitch.Synopsis, StringComparison.Ordinal); // no unfilled placeholders
    }

    [Fact]
    public async Task NamedProtagonist_KeepsTheirName()
    {
        var context = EngineHarness.NewContext(brief: OfflineHarness.Brief("Detective Rosa Ortiz hunts a killer in Mexico City who leaves origami cranes at every scene.", "Thriller"));

        await OfflineHarness.Create().RunAsync(context, Ct);

        var pitch = OfflineHarness.Pitch(context)!;
        Assert.Equal("Rosa Ortiz", pitch.Characters[0].Name);
        Assert.Contains("Mexico City", pitch.Logline);
    }

    [Fact]
    public async Task WritersRoom_LoopsOnce_TheCriticFailsTheFirstDraftWithNotesTiedToBeats()
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        var iterations = events.OfType<LoopIterationCompleted>().ToList();
        Assert.Equal(2, iterations.Count);
        Assert.True(iterations[0].Scores.Values.Min() < 7);
        Assert.True(iterations[1].Scores.Values.Min() >= 7);
        Assert.Equal(LoopStopReasons.CriticApproved, Assert.Single(events.OfType<LoopCompleted>()).StopReason);

        var firstCritique = JsonSerializer.Deserialize<Critique>(events.Completed("writers_room/1/critic").Writes[0].Json, AgentJson.Options)!;
        var firstOutline = JsonSerializer.Deserialize<StoryOutline>(events.Completed("writers_room/1/screenwriter").Writes[0].Json, AgentJson.Options)!;
        var beats = firstOutline.Acts.SelectMany(a => a.Beats).Select(b => b.Name).ToHashSet();
        Assert.Equal(Critique.Revise, firstCritique.Verdict);
        Assert.All(firstCritique.Notes, n => Assert.Contains(n.Beat, beats));
        Assert.Contains(firstCritique.Notes, n => n.Note.Contains("fog", StringComparison.Ordinal));

        // The revision answers the notes: the flagged beats changed, and it says which notes it addressed.
        var revised = context.State.Read<StoryOutline>(StateKeys.Outline)!;
        Assert.Equal(2, revised.Revision);
        Assert.Equal(firstCritique.Notes.Count, revised.AddressedNotes.Count);
        var midpoint = (string name, StoryOutline o) => o.Acts.SelectMany(a => a.Beats).Single(b => b.Name == name).Description;
        Assert.NotEqual(midpoint("Midpoint", firstOutline), midpoint("Midpoint", revised));
        Assert.Equal(midpoint("Opening image", firstOutline), midpoint("Opening image", revised));
    }

    [Theory]
    [InlineData(3, 3, 3, LoopStopReasons.CriticApproved)]
    [InlineData(1, 3, 1, LoopStopReasons.CriticApproved)]
    [InlineData(0, 2, 2, LoopStopReasons.MaxIterations)]
    public async Task CriticPassIteration_IsConfigurable(int passAt, int max, int expectedIterations, string expectedReason)
    {
        var harness = OfflineHarness.Create(new OfflineModelBehavior { CriticPassIteration = passAt }, new AgentsOptions { LoopMaxIterations = max });

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        var loop = Assert.Single(events.OfType<LoopCompleted>());
        Assert.Equal((expectedIterations, expectedReason), (loop.Iterations, loop.StopReason));
        events.Terminal<RunCompleted>();
    }

    [Theory]
    [InlineData(null, 3)] // Agents:LoopMaxIterations
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(9, 5)]    // clamped to Agents:LoopIterationsCeiling
    public async Task WritersRoomIterationsChosenForThePitch_BoundTheLoop(int? chosen, int expectedIterations)
    {
        // A critic that never approves: the loop runs until its bound.
        var harness = OfflineHarness.Create(new OfflineModelBehavior { CriticPassIteration = 0 }, new AgentsOptions { LoopMaxIterations = 3, LoopIterationsCeiling = 5 });

        var events = await harness.RunAsync(EngineHarness.NewContext() with { WritersRoomIterations = chosen }, Ct);

        var loop = Assert.Single(events.OfType<LoopCompleted>());
        Assert.Equal((expectedIterations, LoopStopReasons.MaxIterations), (loop.Iterations, loop.StopReason));
        Assert.All(events.OfType<LoopIterationCompleted>(), i => Assert.Equal(expectedIterations, i.MaxIterations));
        Assert.Equal(expectedIterations, events.OfType<AgentStarted>().Count(s => s.Agent == AgentNames.Critic));
        events.Terminal<RunCompleted>();
    }

    [Fact]
    public async Task SameBrief_GivesTheIdenticalPitch()
    {
        var brief = OfflineHarness.Brief("A disgraced chess prodigy in Odessa is recruited to find a mole inside the national team.", "Spy thriller");
        var first = EngineHarness.NewContext(brief: brief);
        var second = EngineHarness.NewContext(brief: brief);

        var firstEvents = await OfflineHarness.Create().RunAsync(first, Ct);
        var secondEvents = await OfflineHarness.Create().RunAsync(second, Ct);

        static string WithoutProvenance(RunContext c) => JsonSerializer.Serialize(OfflineHarness.Pitch(c)! with { Provenance = new Dictionary<string, SectionProvenance>() }, AgentJson.Options);
        Assert.Equal(WithoutProvenance(first), WithoutProvenance(second));
        Assert.Equal(PitchMarkdown.Render(OfflineHarness.Pitch(first)!), PitchMarkdown.Render(OfflineHarness.Pitch(second)!));
        // Parallel branches may finish in either order; per step, the text is the same.
        static IEnumerable<string> Texts(IEnumerable<AgentEvent> events) => events.OfType<AgentCompleted>().OrderBy(e => e.StepKey).Select(e => $"{e.StepKey}: {e.FinalText}");
        Assert.Equal(Texts(firstEvents), Texts(secondEvents));
        Assert.Contains("Odessa", OfflineHarness.Pitch(first)!.Logline);
    }

    [Fact]
    public async Task DifferentBriefs_GiveDifferentPitches()
    {
        var a = EngineHarness.NewContext(brief: OfflineHarness.Brief("A beekeeper in Provence hides a fugitive in her hives.", "Thriller"));
        var b = EngineHarness.NewContext(brief: OfflineHarness.Brief("A beekeeper in Provence hides a fugitive in her hives.", "Comedy"));

        await OfflineHarness.Create().RunAsync(a, Ct);
        await OfflineHarness.Create().RunAsync(b, Ct);

        var (pa, pb) = (OfflineHarness.Pitch(a)!, OfflineHarness.Pitch(b)!);
        Assert.NotEqual(pa.Logline, pb.Logline);
        Assert.NotEqual(pa.Acts.Select(x => x.Title), pb.Acts.Select(x => x.Title));
        Assert.NotEqual(pa.Comparables.Select(c => c.Title), pb.Comparables.Select(c => c.Title));
    }

    [Theory]
    [InlineData("dark SCI-FI thriller", "science_fiction")]
    [InlineData("Romantic comedy", "romance")]
    [InlineData("Crime drama", "thriller")]
    [InlineData("horror-comedy", "horror")]
    [InlineData("  family DRAMA ", "drama")]
    public void Genre_IsMatchedFromFreeText(string text, string expected)
        => Assert.Equal(expected, GenreCatalog.Match(text, "").Key);

    [Fact]
    public void UnknownGenre_FallsBackToDrama_KeepingTheWritersLabel()
    {
        var genre = GenreCatalog.Match("Kitchen-sink realism", "A bus driver in Leeds finds a baby on the night bus.");

        Assert.Equal("drama", genre.Key);
        Assert.Equal("Kitchen-sink realism", genre.DisplayName);
    }

    [Fact]
    public async Task RegeneratingCasting_WithANote_ChangesOnlyCasting()
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext();
        await harness.RunAsync(context, Ct);
        var before = OfflineHarness.Pitch(context)!;

        var events = await harness.RunAsync(context with { RunId = Guid.NewGuid(), Workflow = WorkflowKind.RegenerateSection, Revision = new SectionRevision(PitchSections.Casting, "Younger, less obvious choices") }, Ct);

        events.Terminal<RunCompleted>();
        var after = OfflineHarness.Pitch(context)!;
        Assert.NotEqual(before.Casting.SelectMany(c => c.Suggestions), after.Casting.SelectMany(c => c.Suggestions));
        Assert.Equal(Json(before with { Casting = after.Casting, Provenance = after.Provenance }), Json(after));
    }

    [Fact]
    public async Task RegeneratingTheLogline_WithANote_ChangesTheLogline_AndNothingElse()
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext();
        await harness.RunAsync(context, Ct);
        var before = OfflineHarness.Pitch(context)!;

        await harness.RunAsync(context with { RunId = Guid.NewGuid(), Workflow = WorkflowKind.RegenerateSection, Revision = new SectionRevision(PitchSections.Logline, "Punchier, lead with the fog") }, Ct);

        var after = OfflineHarness.Pitch(context)!;
        Assert.NotEqual(before.Logline, after.Logline);
        Assert.Contains("fog", after.Logline);
        Assert.Equal(Json(before with { Logline = after.Logline, Provenance = after.Provenance }), Json(after));
    }

    [Theory]
    [InlineData("Can you rerun preproduction? The budget feels off.", new[] { "greeter", "followup/preproduction/box_office", "followup/preproduction/casting_director", "followup/pitch_writer" })]
    [InlineData("Please give me a different logline.", new[] { "greeter", "followup/screenwriter", "followup/pitch_writer" })]
    [InlineData("What do you think of it so far?", new[] { "greeter" })]
    public async Task Showrunner_TurnsRequestsIntoStepsOfTheSameRun(string message, string[] expectedSteps)
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext();
        await harness.RunAsync(context, Ct);

        var events = await harness.RunAsync(context with { RunId = Guid.NewGuid(), Workflow = WorkflowKind.Chat, UserMessage = message, FollowUps = new FollowUpPlan() }, Ct);

        var completed = events.Terminal<RunCompleted>();
        Assert.Equal(expectedSteps.Order(), events.CompletedSteps().Order());
        Assert.False(string.IsNullOrWhiteSpace(completed.Response));
    }

    [Fact]
    public async Task Showrunner_ChangesTheGenreThroughUpdateBrief()
    {
        var context = EngineHarness.NewContext(WorkflowKind.Chat) with { UserMessage = "Let's change the genre: make it a thriller." };

        var events = await OfflineHarness.Create().RunAsync(context, Ct);

        Assert.Contains(events.OfType<ToolCalled>(), t => t.ToolName == "greeter_update_brief" && t.Allowed);
        Assert.Equal("Thriller", context.State.Read<Brief>(StateKeys.Brief)!.Genre);
    }
}
