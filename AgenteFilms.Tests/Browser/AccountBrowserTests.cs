using AgenteFilms.Tests.TestSupport;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

/// <summary>A newcomer on the embedded default registers in the browser and is in.</summary>
public sealed class AccountBrowserTests(BrowserFixture browser)
{
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
}
