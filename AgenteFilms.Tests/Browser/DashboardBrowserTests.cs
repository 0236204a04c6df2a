using AgenteFilms.Tests.TestSupport;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task WriterCreatesASessionAndSeesItListed()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        // Typing before the circuit is interactive would be lost: the button is enabled only then.
        await Assertions.Expect(page.GetByTestId("create-button")).ToBeEnabledAsync();
        await page.Locator("#new-title").FillAsync("Neon Requiem");
        await page.GetByTestId("create-button").ClickAsync();

        var card = page.GetByTestId("session-card").Filter(new LocatorFilterOptions { HasText = "Neon Requiem" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("empty-state")).ToHaveCountAsync(0);

        var screenshots = Environment.GetEnvironmentVariable("AGENTEFILMS_SCREENSHOTS");
        if (!string.IsNullOrEmpty(screenshots))
        {
            Directory.CreateDirectory(screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard.png"), FullPage = true });
        }
    }
}
