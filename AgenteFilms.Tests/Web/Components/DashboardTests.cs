using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Dashboard;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgenteFilms.Tests.Web.Components;

public sealed class DashboardTests : MudTestContext, IClassFixture<SqliteTestDatabase>
{
    private readonly SessionStore _store;
    private readonly FixedUser _user = new(Guid.NewGuid());

    public DashboardTests(SqliteTestDatabase database)
    {
        // Owner-or-viewer reads go through the session access store.
        Services.AddSingleton(database.Services.GetRequiredService<SessionAccessStore>());
        _store = database.Services.GetRequiredService<SessionStore>();
        Services.AddSingleton(_store);
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddScoped<SessionService>();
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
}
