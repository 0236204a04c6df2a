using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
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
        var title = (await client.GetJsonAsync($"/api/sessions/{session}/pitch")).GetProperty("document").GetProperty("title").GetString()!;

        await using var context = await browser.NewContextAsync(); // the producer holds a link, not an account
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToContainTextAsync("Characters");
        await Screenshots.SaveAsync(page, "share-page.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Pitch deck (PDF)").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(path, Ct))[..4]);
        await Screenshots.SavePdfPagesAsync(path, "shared-deck");

        await client.DeleteAsync($"/api/sessions/{session}/share-links/{link.GetProperty("id").GetGuid()}", Ct);
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("share-unavailable")).ToContainTextAsync("This link was turned off");
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToHaveCountAsync(0);
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
