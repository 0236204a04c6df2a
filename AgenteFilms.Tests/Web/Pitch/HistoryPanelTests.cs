using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgenteFilms.Tests.Web.Pitch;

public sealed class HistoryPanelTests(SqliteTestDatabase database) : PitchComponentTestBase(database)
{
    [Fact]
    public async Task ListsEveryVersion_WithItsAuthorAndNote()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        await Service.EditSectionAsync(sessionId, PitchSections.Logline, "A new logline.", 1, Ct);

        var cut = Render<HistoryPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=version-row]").Count), Wait);
        var rows = cut.FindAll("[data-testid=version-row]");
        Assert.Contains("You", rows[0].TextContent);
        Assert.Contains("Edited logline", rows[0].TextContent);
        Assert.Contains("Pitch writer", rows[1].TextContent);
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=restore]"));
    }

    [Fact]
    public async Task TickingTwoVersions_ShowsTheirDiff()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        await Service.EditSectionAsync(sessionId, PitchSections.Logline, "A new logline.", 1, Ct);
        var cut = Render<HistoryPanel>(p => p.Add(x => x.SessionId, sessionId));
        cut.WaitForElement("[data-version='2'] input[type=checkbox]", Wait).Change(true);

        cut.Find("[data-version='1'] input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=diff-row]"), r => r.TextContent.Contains("> A new logline.")), Wait);
    }

    [Fact]
    public async Task Restore_AfterConfirming_MakesANewVersion()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        await Service.EditSectionAsync(sessionId, PitchSections.Logline, "A new logline.", 1, Ct);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<HistoryPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForElement("[data-version='1'] [data-testid=restore]", Wait).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Restore version 1?", dialogs.Markup), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Restore").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=version-row]").Count), Wait);
        Assert.Contains("Restored version 1", cut.FindAll("[data-testid=version-row]")[0].TextContent);
        var latest = await Database.Services.GetRequiredService<PitchStore>().GetAsync(Owner, sessionId, null, Ct);
        Assert.Equal(SamplePitches.TheLastLighthouse().Logline, (await Service.GetAsync(sessionId, Ct))!.Document.Logline);
        Assert.Equal(3, latest!.Number);
    }

    [Fact]
    public async Task TheTwoPanels_FollowEachOther_WithoutThePage()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        var dialogs = Render<MudDialogProvider>();
        var pitch = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));
        var history = Render<HistoryPanel>(p => p.Add(x => x.SessionId, sessionId));

        pitch.WaitForElement("[data-section=logline] [data-testid=edit]", Wait).Click();
        pitch.Find("[data-section=logline] textarea").Input("A new logline.");
        pitch.Find("[data-section=logline] [data-testid=save]").Click();
        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("[data-testid=version-row]").Count), Wait);

        history.Find("[data-version='1'] [data-testid=restore]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Restore").Click(), Wait);

        pitch.WaitForAssertion(() => Assert.Equal(SamplePitches.TheLastLighthouse().Logline, pitch.Find("[data-section=logline] [data-testid=section-body]").TextContent.Trim()), Wait);
        Assert.Equal("Screenwriter · Offline model", pitch.Find("[data-section=logline] [data-testid=provenance]").TextContent);
    }
}
