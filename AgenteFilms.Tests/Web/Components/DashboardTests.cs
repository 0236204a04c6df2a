using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Dashboard;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AgenteFilms.Tests.Web.Components;

public sealed class DashboardTests : MudTestContext, IClassFixture<SqliteTestDatabase>
{
    private readonly SessionStore _store;
    private readonly PitchSeed _seed;
    private readonly FixedUser _user = new(Guid.NewGuid());

    public DashboardTests(SqliteTestDatabase database)
    {
        _store = database.Services.GetRequiredService<SessionStore>();
        _seed = new PitchSeed(database);
        UseSessionServices(database, _user);
        UseInteractiveServer();
    }

    [Fact]
    public void ShowsTheEmptyState_WhenTheWriterHasNoPitches()
    {
        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains("No pitches yet", cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=session-card]"));
    }

    [Fact]
    public async Task CreatesASession_FromATitle_AndListsIt()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<Dashboard>();
        cut.WaitForElement("[data-testid=empty-state]");

        cut.Find("#new-title").Input("The Moon Heist");
        cut.Find("[data-testid=create-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("The Moon Heist", cut.Find("[data-testid=session-list]").TextContent));
        var saved = await _store.ListAsync(_user.Id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("The Moon Heist", Assert.Single(saved).Title);
    }

    [Fact]
    public async Task RefusesAnEmptyTitle_WithAMessage_AndSavesNothing()
    {
        var cut = Render<Dashboard>();
        cut.WaitForElement("[data-testid=empty-state]");

        cut.Find("#new-title").Input("   ");
        cut.Find("[data-testid=create-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Give your pitch a title.", cut.Markup));
        Assert.Empty(await _store.ListAsync(_user.Id, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchNarrowsTheList_AndCardsOpenTheWorkspace()
    {
        var heist = await _store.CreateAsync(_user.Id, new NewSession("The Moon Heist", """{"genre":"Comedy"}"""), Xunit.TestContext.Current.CancellationToken);
        await _store.CreateAsync(_user.Id, new NewSession("Salt Line", """{"genre":"Thriller"}"""), Xunit.TestContext.Current.CancellationToken);
        Render<MudPopoverProvider>();
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=session-card]").Count));

        cut.Find("#search").Input("comedy");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=session-card]")));
        Assert.Contains("The Moon Heist", cut.Find("[data-testid=session-card]").TextContent);
        Assert.Equal($"/pitches/{heist.Id}", cut.Find("[data-testid=session-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task CardsShowTheLatestPitchsLogline_OrTheConceptBeforeThereIsOne_AndSearchFindsLoglineWords()
    {
        var written = await _seed.SessionWithPitchAsync(_user.Id, cancellationToken: Ct);
        var revised = SamplePitches.TheLastLighthouse() with { Logline = "A keeper in orbit hears a ghost ship call her by name." };
        await _seed.AgentWritesAsync(written, AgentNames.PitchWriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Pitch,
            JsonSerializer.Serialize(revised, AgentJson.Options));
        await _store.CreateAsync(_user.Id, new NewSession("Salt Line", """{"genre":"Thriller","concept":"A smuggler's ledger names her brother."}"""), Ct);
        Render<MudPopoverProvider>();
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=session-card]").Count));

        var lighthouse = cut.FindAll("[data-testid=session-card]").Single(c => c.TextContent.Contains("The Last Lighthouse"));
        Assert.Equal(revised.Logline, lighthouse.QuerySelector("[data-testid=session-logline]")!.TextContent.Trim());
        var salt = cut.FindAll("[data-testid=session-card]").Single(c => c.TextContent.Contains("Salt Line"));
        Assert.Null(salt.QuerySelector("[data-testid=session-logline]"));
        Assert.Contains("smuggler's ledger", salt.QuerySelector("[data-testid=session-concept]")!.TextContent);
        Assert.Contains("Thriller", salt.QuerySelector("[data-testid=session-genre]")!.TextContent);

        cut.Find("#search").Input("ghost ship");

        cut.WaitForAssertion(() => Assert.Contains("The Last Lighthouse", Assert.Single(cut.FindAll("[data-testid=session-card]")).TextContent));
    }

    [Fact]
    public async Task CardsSayWhereEachPitchStands_DraftWritingStoppedOrReady()
    {
        var ready = await _seed.SessionWithPitchAsync(_user.Id, cancellationToken: Ct);
        var writing = await _seed.SessionWithPitchAsync(_user.Id, cancellationToken: Ct);
        await _seed.QueueRunAsync(writing);
        var stopped = (await _store.CreateAsync(_user.Id, new NewSession("Stopped One"), Ct)).Id;
        await _seed.FinishedRunAsync(stopped, AgenteFilms.Data.Entities.RunStatus.Failed);
        var draft = (await _store.CreateAsync(_user.Id, new NewSession("Draft One"), Ct)).Id;
        Render<MudPopoverProvider>();
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=session-card]").Count));

        string StageOf(Guid id) => cut.FindAll("[data-testid=session-card]")
            .Single(c => c.QuerySelector("[data-testid=session-link]")!.GetAttribute("href") == $"/pitches/{id}")
            .QuerySelector("[data-testid=session-status]")!.TextContent.Trim();
        Assert.Equal("Pitch ready", StageOf(ready));
        Assert.Equal("Agents at work", StageOf(writing));
        Assert.Equal("Stopped", StageOf(stopped));
        Assert.Equal("Draft", StageOf(draft));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArchivedFilter_ShowsTheArchivedPitchesOnly_AndTheDefaultListHidesThem()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _store.CreateAsync(_user.Id, new NewSession("Still Going"), ct);
        var shelved = await _store.CreateAsync(_user.Id, new NewSession("Shelved Idea"), ct);
        await _store.UpdateAsync(_user.Id, shelved.Id, new SessionUpdate(null, Archived: true), null, ct);
        Render<MudPopoverProvider>();
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("Still Going", Assert.Single(cut.FindAll("[data-testid=session-card]")).TextContent));

        cut.FindAll("[data-testid=archive-filter] button, [data-testid=archive-filter] [role=button]")
            .Single(b => b.TextContent.Contains("Archived (1)")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Shelved Idea", Assert.Single(cut.FindAll("[data-testid=session-card]")).TextContent));
        Assert.NotNull(cut.Find("[data-testid=archived-chip]"));
    }
}
