using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class PitchMarkdownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PitchDocument> OfflinePitchAsync()
    {
        var context = EngineHarness.NewContext();
        await OfflineHarness.Create().RunAsync(context, Ct);
        return OfflineHarness.Pitch(context)!;
    }

    [Fact]
    public async Task Render_ThenParse_RoundTripsEverySection()
    {
        var pitch = await OfflinePitchAsync() with { Provenance = new Dictionary<string, SectionProvenance>() };
        pitch = pitch with { Comparables = [.. pitch.Comparables, new Comparable("Sourced Film", 2020, "has figures", "$10M worldwide", "Box Office Mojo")] };

        var markdown = PitchMarkdown.Render(pitch);
        var parsed = PitchMarkdownParser.Parse(markdown)!;

        foreach (var section in PitchSections.All)
        {
            Assert.Equal(PitchSectionMap.CopySection(pitch, new PitchDocument(), section).ToJson(), PitchSectionMap.CopySection(parsed, new PitchDocument(), section).ToJson());
        }
        Assert.Contains("(unverified)", PitchMarkdown.Render(pitch with { Comparables = [new Comparable("X", 2001, "why", "$5M")] }));
        Assert.Contains(CastingReport.AspirationalNote, markdown);
    }

    [Fact]
    public void Parse_ReturnsNull_WithoutATitle() => Assert.Null(PitchMarkdownParser.Parse("Just some prose."));

    [Fact]
    public async Task PitchWriter_FallsBackToMarkdown_WhenTheModelGivesNoJson()
    {
        var pitch = await OfflinePitchAsync();
        var markdown = PitchMarkdown.Render(pitch);
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(request => request.Agent == "pitch_writer" ? new ScriptedReply(markdown) : script.Reply(request)));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        var parsed = context.State.Read<PitchDocument>(StateKeys.Pitch)!;
        Assert.Equal(pitch.Title, parsed.Title);
        Assert.Equal(pitch.Acts.SelectMany(a => a.Beats), parsed.Acts.SelectMany(a => a.Beats));
        Assert.Equal("pitch_writer", parsed.Provenance[PitchSections.WritersStatement].Agent);
    }

    [Fact]
    public async Task PitchWriter_WithNoPitchAtAll_FailsTheStep()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(request => request.Agent == "pitch_writer" ? new ScriptedReply("I'd rather not.") : script.Reply(request)));

        var events = await harness.RunAsync(EngineHarness.NewContext(), Ct);

        var failed = events.Terminal<RunFailed>();
        Assert.Equal("pitch_writer", failed.Agent);
        Assert.Contains("no pitch", failed.Message);
    }
}

internal static class PitchJson
{
    public static string ToJson(this PitchDocument pitch) => System.Text.Json.JsonSerializer.Serialize(pitch, AgentJson.Options);
}
