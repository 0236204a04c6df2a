using AgenteFilms.Web.Features.Sharing;
using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Pitch;

public abstract class PitchServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Guid _owner = Guid.NewGuid();

    private PitchSeed Seed => new(database.Require());

    private PitchService Service(Guid? userId = null)
    {
        var user = new FixedUser(userId ?? _owner);
        return new(
            database.Services.GetRequiredService<PitchStore>(),
            database.Services.GetRequiredService<StateStore>(),
            database.Services.GetRequiredService<RunStore>(),
            user,
            new PitchAccess(database.Services.GetRequiredService<SessionAccessStore>(), user),
            database.Services.GetRequiredService<SessionAccessStore>(),
            TimeProvider.System);
    }

    [Fact]
    public async Task Get_ShowsEverySectionWithItsProvenance_AndNothingStale_RightAfterTheRun()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);

        var view = await Service().GetAsync(sessionId, Ct);

        Assert.NotNull(view);
        Assert.Equal(1, view.Number);
        Assert.Equal(PitchSections.All, view.Sections.Select(s => s.Section));
        Assert.Equal("Screenwriter · Offline model", view.Section(PitchSections.Logline).ProvenanceText);
        Assert.Contains("### Mara Okafor — The last keeper", view.Section(PitchSections.Characters).Markdown);
        Assert.All(view.Sections, s => Assert.Null(s.StaleReason));
    }

    [Fact]
    public async Task EditSection_SavesVersionTwo_ByTheWriter_FlagsProvenance_AndWritesANewPitchStateVersion()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);

        var view = await Service().EditSectionAsync(sessionId, PitchSections.Synopsis, "A keeper answers a call.\n\n- and loses everything", 1, Ct);

        Assert.NotNull(view);
        Assert.Equal(2, view.Number);
        var synopsis = view.Section(PitchSections.Synopsis);
        Assert.Equal("A keeper answers a call.\n\n- and loses everything", synopsis.Markdown);
        Assert.Equal("Edited by you", synopsis.ProvenanceText);
        Assert.Equal("screenwriter", synopsis.Provenance!.Agent);
        Assert.False(view.Section(PitchSections.Logline).Provenance!.EditedByWriter);
        var version = Assert.Single(await Service().ListVersionsAsync(sessionId, Ct), v => v.Number == 2);
        Assert.Equal((null, _owner, "Edited synopsis"), (version.AuthorAgent, version.AuthorUserId, version.Note));
        var pitchState = await database.Services.GetRequiredService<StateStore>().GetVersionsAsync(sessionId, StateKeys.Pitch, Ct);
        Assert.Equal(2, pitchState[0].Version);
        Assert.Null(pitchState[0].StepId);
        var stored = JsonSerializer.Deserialize<PitchDocument>(pitchState[0].ValueJson, AgentJson.Options)!;
        Assert.Equal("A keeper answers a call.\n\n- and loses everything", stored.Synopsis);
        Assert.True(stored.Provenance[PitchSections.Synopsis].EditedByWriter);
    }

    [Fact]
    public async Task EditSection_AgainstAnOlderVersion_IsAConflict_AndSavesNothing()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        await Service().EditSectionAsync(sessionId, PitchSections.Logline, "First edit.", 1, Ct);

        var conflict = await Assert.ThrowsAsync<PitchVersionConflictException>(
            () => Service().EditSectionAsync(sessionId, PitchSections.Logline, "Second edit from a stale tab.", 1, Ct));

        Assert.Equal((1, 2), (conflict.Expected, conflict.Actual));
        Assert.Contains("changed while you were editing", conflict.Message);
        Assert.Equal(2, (await Service().GetAsync(sessionId, Ct))!.Number);
    }

    [Fact]
    public async Task EditSection_WhileARunIsQueued_IsRefused()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        await Seed.QueueRunAsync(sessionId);

        await Assert.ThrowsAsync<RunConflictException>(() => Service().EditSectionAsync(sessionId, PitchSections.Logline, "Edit.", 1, Ct));
        Assert.Equal(1, (await Service().GetAsync(sessionId, Ct))!.Number);
    }

    [Theory]
    [InlineData("nonsense", "x", "section")]
    [InlineData(PitchSections.Characters, "Just some prose about people.", "markdown")]
    [InlineData(PitchSections.Synopsis, "## A heading that would start a new section", "markdown")]
    public async Task EditSection_RejectsInvalidInput(string section, string markdown, string field)
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => Service().EditSectionAsync(sessionId, section, markdown, 1, Ct));

        Assert.NotNull(error.For(field));
    }

    [Fact]
    public async Task EditSection_RejectsMoreThanTwentyThousandCharacters()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InputValidationException>(
            () => Service().EditSectionAsync(sessionId, PitchSections.Synopsis, new string('a', 20_001), 1, Ct));

        Assert.Contains("20,000", error.Message);
    }

    [Fact]
    public async Task Restore_MakesANewVersionEqualToTheOldOne()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        await Service().EditSectionAsync(sessionId, PitchSections.Logline, "A different logline.", 1, Ct);

        var restored = await Service().RestoreAsync(sessionId, 1, Ct);

        Assert.Equal((3, "Restored version 1"), (restored!.Number, restored.Note));
        var view = await Service().GetAsync(sessionId, Ct);
        Assert.Equal(SamplePitches.TheLastLighthouse().Logline, view!.Document.Logline);
        Assert.Equal("Screenwriter · Offline model", view.Section(PitchSections.Logline).ProvenanceText);
        Assert.Null(await Service().RestoreAsync(sessionId, 42, Ct));
    }

    [Fact]
    public async Task Diff_ShowsTheChangedLines_SideBySide()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        await Service().EditSectionAsync(sessionId, PitchSections.Themes, "- Grief and letting go\n- Hope", 1, Ct);

        var diff = await Service().DiffAsync(sessionId, 1, 2, Ct);

        Assert.NotNull(diff);
        Assert.True(diff.HasChanges);
        var changed = diff.Rows.Where(r => r.Kind != PitchDiffKind.Unchanged).ToList();
        Assert.Contains(changed, r => r.NewText == "- Hope");
        Assert.Contains(changed, r => r.OldText == "- Obsolescence");
        Assert.Contains(diff.Rows, r => r.Kind == PitchDiffKind.Unchanged && r.OldText == "- Grief and letting go" && r.NewText == r.OldText);
        Assert.False((await Service().DiffAsync(sessionId, 1, 1, Ct))!.HasChanges);
    }

    [Fact]
    public async Task ANewOutline_MakesWhatWasBuiltFromItStale_AndNotTheRest()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);

        await Seed.AgentWritesAsync(sessionId, AgentNames.Screenwriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Outline, """{"title":"Revised"}""");
        var view = (await Service().GetAsync(sessionId, Ct))!;

        foreach (var section in new[] { PitchSections.Title, PitchSections.Logline, PitchSections.Synopsis, PitchSections.Structure })
        {
            Assert.Equal("The outline changed since this was written (v1 → v2).", view.Section(section).StaleReason);
        }
        // Built by agents that read the outline: stale one step removed.
        Assert.Equal("The outline changed since the characters were written (v1 → v2).", view.Section(PitchSections.Characters).StaleReason);
        Assert.Contains("outline", view.Section(PitchSections.Comparables).StaleReason);
        // The pitch writer's own sections read the outline too.
        Assert.Contains("outline", view.Section(PitchSections.WritersStatement).StaleReason);
        // The casting director read only the characters, which have not changed.
        Assert.Null(view.Section(PitchSections.Casting).StaleReason);
    }

    [Fact]
    public async Task TheCriticsVerdictOnTheFinalOutline_DoesNotMakeItStale()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        // The writers' room loop: critique 1 on outline 1, outline 2 from critique 1, critique 2 passes outline 2.
        await Seed.AgentWritesAsync(sessionId, AgentNames.Critic, new() { [StateKeys.Outline] = 1 }, StateKeys.Critique, "{}");
        await Seed.AgentWritesAsync(sessionId, AgentNames.Screenwriter, new() { [StateKeys.Brief] = 1, [StateKeys.Critique] = 1 }, StateKeys.Outline, "{}");
        await Seed.AgentWritesAsync(sessionId, AgentNames.Critic, new() { [StateKeys.Outline] = 2 }, StateKeys.Critique, "{}");
        var pitch = JsonSerializer.Serialize(PitchSeed.WithProvenance(SamplePitches.TheLastLighthouse(), PitchSeed.WrittenAt.AddHours(1)), AgentJson.Options);
        await Seed.AgentWritesAsync(sessionId, AgentNames.PitchWriter,
            new() { [StateKeys.Brief] = 1, [StateKeys.Outline] = 2, [StateKeys.Critique] = 2, [StateKeys.Characters] = 1, [StateKeys.Market] = 1, [StateKeys.Casting] = 1 },
            StateKeys.Pitch, pitch);

        var view = (await Service().GetAsync(sessionId, Ct))!;

        Assert.Equal(2, view.Number);
        Assert.Null(view.Section(PitchSections.Logline).StaleReason);
        Assert.Null(view.Section(PitchSections.WritersStatement).StaleReason);
        // The character developer did read outline 1, though: that is real.
        Assert.Equal("The outline changed since the characters were written (v1 → v2).", view.Section(PitchSections.Characters).StaleReason);
    }

    [Fact]
    public async Task AnEditedSection_IsStaleOnlyWhenItsInputsChangeAfterTheEdit()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        await Seed.AgentWritesAsync(sessionId, AgentNames.Screenwriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Outline, """{"title":"Revised"}""");
        Assert.NotNull((await Service().GetAsync(sessionId, Ct))!.Section(PitchSections.Logline).StaleReason);

        var edited = (await Service().EditSectionAsync(sessionId, PitchSections.Logline, "The writer's logline, from outline v2.", 1, Ct))!;
        Assert.Null(edited.Section(PitchSections.Logline).StaleReason);
        Assert.NotNull(edited.Section(PitchSections.Synopsis).StaleReason);

        await Seed.AgentWritesAsync(sessionId, AgentNames.Screenwriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Outline, """{"title":"Third"}""");
        var after = (await Service().GetAsync(sessionId, Ct))!;
        Assert.Equal("The outline changed since your edit (v2 → v3).", after.Section(PitchSections.Logline).StaleReason);
    }

    [Fact]
    public async Task AnotherUsersSession_IsNotFound()
    {
        var sessionId = await Seed.SessionWithPitchAsync(_owner, cancellationToken: Ct);
        var stranger = Service(Guid.NewGuid());

        Assert.Null(await stranger.GetAsync(sessionId, Ct));
        Assert.Null(await stranger.EditSectionAsync(sessionId, PitchSections.Logline, "Mine now.", 1, Ct));
        Assert.Null(await stranger.RestoreAsync(sessionId, 1, Ct));
        Assert.Null(await stranger.DiffAsync(sessionId, 1, 1, Ct));
        Assert.Empty(await stranger.ListVersionsAsync(sessionId, Ct));
        Assert.Single(await Service().ListVersionsAsync(sessionId, Ct));
    }

}

public sealed class SqlitePitchServiceTests(SqliteTestDatabase database) : PitchServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresPitchServiceTests(PostgresTestDatabase database) : PitchServiceTests<PostgresTestDatabase>(database);
