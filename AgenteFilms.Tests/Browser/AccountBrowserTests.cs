using System.Net;
using System.Text.RegularExpressions;
using AgenteFilms.Tests.TestSupport;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

/// <summary>
/// A newcomer on the embedded default registers in the browser and is in; a writer deletes their account and every
/// browser of theirs is out; a sign-in outlives an app restart.
/// </summary>
public sealed class AccountBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewcomerRegistersCreatesAPitch_AndFindsItAfterSigningInAgain()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var newcomer = new TestUser("newcomer@agentefilms.test", "Newcomer-pass-1", "");

        // An anonymous visit lands on the login page, which links to registration.
        await page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2F$"));
        await Screenshots.SaveAsync(page, "login.png");
        await page.GetByTestId("register-link").ClickAsync();
        // Enhanced navigation patches the page in: type only once the registration form is the page.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/register"));
        await Assertions.Expect(page.GetByTestId("register-submit")).ToBeVisibleAsync();
        await page.Locator("input[name='Input.Email']").FillAsync(newcomer.Email);
        await page.Locator("input[name='Input.Password']").FillAsync(newcomer.Password);
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync(newcomer.Password);
        await Screenshots.SaveAsync(page, "register.png");
        await page.GetByTestId("register-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(baseAddress, "/").ToString());
        await Assertions.Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync(newcomer.Email);
        await Assertions.Expect(page.GetByTestId("create-button")).ToBeEnabledAsync();
        await page.Locator("#new-title").FillAsync("First Light");
        await page.GetByTestId("create-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-card").Filter(new() { HasText = "First Light" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-signed-in.png");

        // Sign out from the user menu (a form post with its antiforgery token): back on the login page, and signed out for real.
        await page.GetByTestId("user-menu-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "user-menu.png");
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl="));

        await BrowserFixture.SignInAsync(page, baseAddress, newcomer);
        await Assertions.Expect(page.GetByTestId("session-card").Filter(new() { HasText = "First Light" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WriterDeletesTheirAccountFromSettings_LandsOnLogin_AndCannotSignInAgain()
    {
        using var folder = new TempFolder();
        // Open circuits re-check their account every second here (minutes by default).
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?> { ["Auth:CircuitRevalidationSeconds"] = "1" });
        var baseAddress = app.StartKestrel();
        using var api = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        await api.CreateSessionAsync("Glass Orchard", "A glassblower's apprentice finds her mentor's furnace burns memories");
        await api.CreateSessionAsync("Night Ferry", "A ferry pilot keeps a timetable for a harbour that closed decades ago");
        // Another browser of the same writer, left open on the dashboard (a live circuit).
        await using var otherBrowser = await browser.NewSignedInContextAsync(baseAddress);
        var elsewhere = await otherBrowser.NewPageAsync();
        await elsewhere.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(elsewhere.GetByTestId("create-button")).ToBeEnabledAsync();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(baseAddress, "/settings").ToString());
        await Assertions.Expect(page.GetByTestId("delete-account")).ToBeEnabledAsync();
        await Screenshots.SaveAsync(page, "settings-danger-zone.png");
        await page.GetByTestId("delete-account").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/delete$"));
        await Assertions.Expect(page.GetByTestId("delete-account-pitches")).ToHaveTextAsync("2 pitches");
        await page.Locator("input[name='Input.Password']").FillAsync("Not-the-password-1");
        await page.GetByTestId("delete-account-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-account-error")).ToContainTextAsync("Nothing was deleted");
        await Screenshots.SaveAsync(page, "delete-account.png");
        await page.Locator("input[name='Input.Password']").FillAsync(TestUser.Default.Password);
        await page.GetByTestId("delete-account-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?deleted=1$"));
        await Assertions.Expect(page.GetByTestId("account-deleted")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "account-deleted.png");
        // The other browser's circuit notices at its next revalidation and goes to the login page.
        await Assertions.Expect(elsewhere).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 20_000 });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/sessions", Ct)).StatusCode);

        await page.Locator("input[name='Input.Email']").FillAsync(TestUser.Default.Email);
        await page.Locator("input[name='Input.Password']").FillAsync(TestUser.Default.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The e-mail or the password is wrong.");
    }

    [Fact]
    public async Task ASignedInBrowser_StaysSignedIn_AcrossAnAppRestart()
    {
        using var folder = new TempFolder();
        // Development serves the static web assets from the build output, so the page is the whole interactive app.
        var settings = AppFactory.SqliteSettings(folder.Path, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        var app = await AppProcess.StartAsync(settings, Ct);
        try
        {
            using (var api = app.CreateClient())
            {
                await api.CreateSessionAsync("Before Restart", "A clockmaker repairs the town clock that stopped the night her father vanished");
            }
            await using var context = await browser.NewSignedInContextAsync(app.Address);
            var page = await context.NewPageAsync();
            await page.GotoAsync(app.Address.ToString());
            await Assertions.Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync(TestUser.Default.Email);

            var port = app.Address.Port;
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(settings, Ct, port);
            await page.ReloadAsync();

            await Assertions.Expect(page).ToHaveURLAsync(app.Address.ToString());
            await Assertions.Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync(TestUser.Default.Email);
            await Assertions.Expect(page.GetByTestId("session-card").Filter(new() { HasText = "Before Restart" })).ToBeVisibleAsync();
            // The circuit works too: the quick-create form becomes usable.
            await Assertions.Expect(page.GetByTestId("create-button")).ToBeEnabledAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
