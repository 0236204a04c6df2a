using AgenteFilms.Data;
using AgenteFilms.Tests.TestSupport;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

/// <summary>The pitch panel in real Chromium, on a pitch seeded as the agents would have written it.</summary>
public sealed class PitchPanelBrowserTests(BrowserFixture browser, SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task AgentMarkdownCannotRunScript()
    {
        var hostile = SamplePitches.TheLastLighthouse() with
        {
            Synopsis = """
                Mara keeps the light. <script>window.__xss = 1</script>
                <img src="x" onerror="window.__xss = 2; alert(2)"> <svg onload="window.__xss = 3"></svg>
                [Open the logbook](javascript:window.__xss=4) and <iframe src="https://example.com"></iframe>
                <a href="javascript:alert(5)">click</a> ![tracker](https://tracker.example/pixel.png)
                """,
        };
        var session = await new PitchSeed(database).SessionWithPitchAsync(LocalUser.Id, hostile, TestContext.Current.CancellationToken);
        await using var app = new AppFactory(database.AppSettings);
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        var foreignRequests = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreignRequests.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{session}").ToString());
        var synopsis = page.Locator("[data-testid=section-card][data-section=synopsis] [data-testid=section-body]");
        await Assertions.Expect(synopsis).ToContainTextAsync("Mara keeps the light.");
        foreach (var link in await synopsis.Locator("a").AllAsync())
        {
            await link.ClickAsync(new LocatorClickOptions { Force = true });
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "agent text ran script");
        Assert.Empty(dialogs);
        Assert.Empty(foreignRequests);
        Assert.Equal(0, await synopsis.Locator("script, iframe, svg, img[onerror], [onload]").CountAsync());
        Assert.DoesNotContain(await synopsis.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href') || '')"),
            href => href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WriterEditsSectionAndRestoresEarlierVersion()
    {
        var session = await new PitchSeed(database).SessionWithPitchAsync(LocalUser.Id, null, TestContext.Current.CancellationToken);
        await using var app = new AppFactory(database.AppSettings);
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{session}").ToString());
        var card = page.Locator("[data-testid=section-card][data-section=synopsis]");
        var original = (await card.GetByTestId("section-body").InnerTextAsync()).Trim();

        await Assertions.Expect(card.GetByTestId("edit")).ToBeEnabledAsync();
        await card.GetByTestId("edit").ClickAsync();
        var editor = card.Locator("[data-testid=section-editor] textarea").First;
        await editor.FillAsync("Mara sells the lighthouse and moves inland. Nobody believes she will stay away.");
        await editor.PressAsync("Control+Enter");

        await Assertions.Expect(card.GetByTestId("section-body")).ToContainTextAsync("Mara sells the lighthouse");
        await Assertions.Expect(card.GetByTestId("provenance")).ToContainTextAsync("Edited by you");

        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2);
        await page.Locator("[data-testid=version-row][data-version='1'] [data-testid=restore]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Restore", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "history-restored.png");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Pitch" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("section-body")).ToContainTextAsync(original[..Math.Min(40, original.Length)]);
        await Assertions.Expect(card.GetByTestId("section-body")).Not.ToContainTextAsync("Mara sells the lighthouse");
    }

    [Fact]
    public async Task WriterRegeneratesSectionWithNote()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        var session = await client.CreateSessionAsync("Night Ferry", "A ferry captain smuggles letters across a frozen strait for families split by a border", genre: "drama");
        (await client.PostMessageAsync(session, "Pitch it", wait: true)).EnsureSuccessStatusCode();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{session}").ToString());
        var characters = page.Locator("[data-testid=section-card][data-section=characters]");
        var casting = page.Locator("[data-testid=section-card][data-section=casting]");
        await Assertions.Expect(casting.GetByTestId("stale-chip")).ToHaveCountAsync(0);

        await Assertions.Expect(characters.GetByTestId("regenerate")).ToBeEnabledAsync();
        await characters.GetByTestId("regenerate").ClickAsync();
        await page.Locator("[data-testid=regenerate-dialog] textarea").First.FillAsync("Give the captain a rival on the other shore");
        await page.GetByTestId("confirm-regenerate").ClickAsync();

        // The regeneration runs as its own run; when it ends, what was built from the old characters is stale.
        await Assertions.Expect(page.GetByTestId("run-status")).ToContainTextAsync("Regeneration", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        await Assertions.Expect(casting.GetByTestId("stale-chip")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(characters.GetByTestId("stale-chip")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "workspace-after-regeneration.png");
    }
}
