using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace AgenteFilms.Tests.Web.Pitch;

public sealed class WorkspacePanelsTests(SqliteTestDatabase database) : PitchComponentTestBase(database)
{
    [Fact]
    public async Task ShowsThePitchFirst_AndRendersTheHistoryOnlyWhenItsTabIsOpened()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);

        var cut = Render<WorkspacePanels>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => Assert.Equal(11, cut.FindAll("[data-testid=section-card]").Count), Wait);
        Assert.Equal("true", cut.Find("#pitch-tab-pitch").GetAttribute("aria-selected"));
        Assert.Equal(["pitch-tab-pitch"], cut.FindAll("[role=tab].af-tab-active").Select(t => t.Id));
        Assert.Empty(cut.FindAll("[data-testid=version-row]"));

        cut.Find("#pitch-tab-history").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=version-row]")), Wait);
        Assert.Empty(cut.FindAll("[data-testid=section-card]"));
        Assert.Equal("true", cut.Find("#pitch-tab-history").GetAttribute("aria-selected"));
        Assert.Equal(["pitch-tab-history"], cut.FindAll("[role=tab].af-tab-active").Select(t => t.Id));
        Assert.Equal("pitch-tab-history", cut.Find("[role=tabpanel]").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public async Task ArrowKeysMoveBetweenTheTabs()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        var cut = Render<WorkspacePanels>(p => p.Add(x => x.SessionId, sessionId));

        cut.Find("[role=tablist]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });

        Assert.Equal("0", cut.Find("#pitch-tab-history").GetAttribute("tabindex"));
        Assert.Equal("-1", cut.Find("#pitch-tab-pitch").GetAttribute("tabindex"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=version-row]")), Wait);

        cut.Find("[role=tablist]").KeyDown(new KeyboardEventArgs { Key = "Home" });

        Assert.Equal("true", cut.Find("#pitch-tab-pitch").GetAttribute("aria-selected"));
        cut.WaitForAssertion(() => Assert.Equal(11, cut.FindAll("[data-testid=section-card]").Count), Wait);
    }
}
