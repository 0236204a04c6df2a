using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.Web.Endpoints;
using AgenteFilms.Tests.Web.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

public sealed class ProducerBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProducerOpensAShareLinkAndDownloadsTheDeck_ThenSeesAClearPageOnceRevoked()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        var session = await client.CreateSessionAsync("Glass Harbour", "A harbour pilot guides ships through fog using her dead mother's voice on the radio", genre: "drama");
        (await client.PostMessageAsync(session, "Pitch it", wait: true)).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { }, Ct);
        var link = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var url = link.GetProperty("url").GetString()!;
        var stored = await client.GetJsonAsync($"/api/sessions/{session}/pitch");
        var title = stored.GetProperty("document").GetProperty("title").GetString()!;
        var notice = ConfidentialityNoticeApiTests.Expected(TestUser.Default.Email, stored.GetProperty("version").GetInt32(), stored.GetProperty("createdAt").GetDateTime());

        await using var context = await browser.NewContextAsync(); // the producer holds a link, not an account
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToContainTextAsync("Characters");
        await Assertions.Expect(page.GetByTestId("share-notice")).ToHaveTextAsync(notice);
        await Screenshots.SaveAsync(page, "share-page.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Pitch deck (PDF)").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var pdf = await File.ReadAllBytesAsync(path, Ct);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.All(ConfidentialityNoticeTests.PageTexts(pdf), p => Assert.Equal(1, ConfidentialityNoticeTests.Occurrences(p, notice)));
        await Screenshots.SavePdfPagesAsync(path, "shared-deck");

        await client.DeleteAsync($"/api/sessions/{session}/share-links/{link.GetProperty("id").GetGuid()}", Ct);
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("share-unavailable")).ToContainTextAsync("This link was turned off");
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ProducerOpensAnExpiredShareLink_AndSeesAClearExpiredPage()
    {
        using var folder = new TempFolder();
        var clock = new ShiftedTimeProvider();
        await using var app = AppFactory.OnSqlite(folder.Path);
        app.TestServices = services => services.AddSingleton<TimeProvider>(clock);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        var session = await client.CreateSessionAsync("Low Tide", "A ferry captain smuggles letters between two islands that have stopped speaking to each other", genre: "drama");
        (await client.PostMessageAsync(session, "Pitch it", wait: true)).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { expiresInDays = 1 }, Ct);
        created.EnsureSuccessStatusCode();
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!;

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("share-downloads")).ToBeVisibleAsync();

        // Two days later the one-day link has expired.
        clock.Advance(TimeSpan.FromDays(2));
        var response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByTestId("share-unavailable")).ToContainTextAsync("This link has expired");
        await Assertions.Expect(page.GetByTestId("share-unavailable")).ToContainTextAsync("Ask the writer for a new link");
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("share-downloads")).ToHaveCountAsync(0);
        // A clear page, not an error trace.
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "share-expired.png");
        // Its downloads are gone too.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(url + "/pitch.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task WriterExportsTheDeckAndSharesALinkFromTheWorkspace()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        var session = await client.CreateSessionAsync("Paper Moons", "A forger of old maps is hired to fake the one map that could prove her grandfather innocent", genre: "thriller");
        (await client.PostMessageAsync(session, "Pitch it", wait: true)).EnsureSuccessStatusCode();

        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{session}").ToString());
        var export = page.GetByTestId("export-menu").Locator("button").First;
        await Assertions.Expect(export).ToBeEnabledAsync();

        await export.ClickAsync();
        await Assertions.Expect(page.GetByText("Pitch deck (PDF)")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Pitch deck (PDF)").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);

        await export.ClickAsync();
        await page.GetByText("Share with a producer…").ClickAsync();
        await page.GetByTestId("create-share-link").ClickAsync();
        var urlField = page.GetByTestId("share-url");
        await Assertions.Expect(urlField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/share/"));
        await Screenshots.SaveAsync(page, "share-dialog.png");
        var url = await urlField.InputValueAsync();

        var producer = await context.NewPageAsync();
        await producer.GotoAsync(url);
        await Assertions.Expect(producer.GetByTestId("share-downloads")).ToBeVisibleAsync();
    }
}
