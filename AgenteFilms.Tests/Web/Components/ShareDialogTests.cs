using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace.Export;
using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Web.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgenteFilms.Tests.Web.Components;

public sealed class ShareDialogTests : MudTestContext, IClassFixture<SqliteTestDatabase>
{
    private readonly SqliteTestDatabase _database;
    private readonly Guid _owner = Guid.NewGuid();

    public ShareDialogTests(SqliteTestDatabase database)
    {
        // Owner-or-viewer reads go through the session access store.
        Services.AddSingleton(database.Services.GetRequiredService<SessionAccessStore>());
        _database = database;
        Services.AddSingleton(database.Services.GetRequiredService<ShareLinkStore>());
        Services.AddSingleton(database.Services.GetRequiredService<PitchStore>());
        Services.AddSingleton<ICurrentUser>(new FixedUser(_owner));
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ShareService>();
        UseInteractiveServer();
    }

    [Fact]
    public async Task CreatingALink_ShowsItOnce_AndTurningItOff_StopsIt()
    {
        var session = await _database.Services.GetRequiredService<SessionStore>()
            .CreateAsync(_owner, new NewSession("Shared pitch"), Xunit.TestContext.Current.CancellationToken);
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<ShareDialog>("Share", new DialogParameters<ShareDialog> { { d => d.SessionId, session.Id } }));

        provider.WaitForElement("[data-testid=create-share-link]").Click();

        string? ShareUrl() => provider.FindAll("input").Select(i => i.GetAttribute("value")).FirstOrDefault(v => v?.Contains("/share/") == true);
        provider.WaitForAssertion(() => Assert.NotNull(ShareUrl()));
        var url = ShareUrl()!;
        var token = url[(url.LastIndexOf('/') + 1)..];
        var sharing = Services.GetRequiredService<ShareService>();
        Assert.Equal(ShareStatus.Valid, (await sharing.OpenAsync(token, Xunit.TestContext.Current.CancellationToken)).Status);

        provider.WaitForElement("button:contains('Turn off')");
        provider.FindAll("button").First(b => b.TextContent.Contains("Turn off")).Click();

        provider.WaitForAssertion(() => Assert.Contains("turned off", provider.Markup));
        Assert.Equal(ShareStatus.Revoked, (await sharing.OpenAsync(token, Xunit.TestContext.Current.CancellationToken)).Status);
    }
}
