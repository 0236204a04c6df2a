using System.Text.RegularExpressions;
using AgenteFilms.Tests.TestSupport;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

public sealed partial class WorkspaceBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions LongWait = new() { Timeout = 90_000 };

    [Fact]
    public async Task WriterCreatesPitchAndWatchesAgentsWork()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, RunApiClient.SlowModelSettings());
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();

        await FillNewPitchAsync(page, baseAddress, "Salt Line", submitEmptyFirst: true);
        await Screenshot(page, "new-pitch.png");
        await page.GetByTestId("start-pitch").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(GuidRoute());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Salt Line" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("session-model")).ToContainTextAsync("Offline model");
        // Rows appear while the run is in progress, one per agent step, and each one completes.
        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-status=running]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("cancel-run")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chat-input")).ToBeDisabledAsync();
        await Screenshot(page, "workspace-running.png");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", LongWait);
        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-status=running]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-agent=pitch_writer]")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.GetByTestId("loop-stop")).ToContainTextAsync("Writers' room stopped");
        await Assertions.Expect(page.GetByTestId("loop-iteration").First.GetByTestId("verdict")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("run-totals")).ToContainTextAsync("agent time");
        await Screenshot(page, "workspace-light.png");

        // Closing the tab does not stop anything; reopening shows where the pitch stands.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", LongWait);
        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-agent=pitch_writer]")).ToHaveAttributeAsync("data-status", "completed");

        // A chat turn with the showrunner.
        var chat = page.Locator("#chat-input");
        await Assertions.Expect(chat).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await chat.FillAsync("Please revise the casting ideas with younger actors");
        await chat.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=writer]").Last)
            .ToContainTextAsync("Please revise the casting ideas with younger actors");
        await Assertions.Expect(chat).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-agent=greeter]").Last).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", LongWait);
        await Assertions.Expect(page.GetByTestId("turn-agents")).ToContainTextAsync("Showrunner");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-theme-dark, html[data-mud-theme=dark], body")).Not.ToHaveCountAsync(0);
        await Screenshot(page, "workspace-dark.png");
    }

    [Fact]
    public async Task WriterClosesTabAndReturnsToFinishedRun()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, RunApiClient.SlowModelSettings(firstTokenMs: 400));
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();

        Guid session;
        var context = await browser.NewSignedInContextAsync(baseAddress);
        try
        {
            var page = await context.NewPageAsync();
            await FillNewPitchAsync(page, baseAddress, "Tide Clock");
            await page.GetByTestId("start-pitch").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(GuidRoute());
            session = Guid.Parse(new Uri(page.Url).Segments[^1]);
            // The run is visibly under way: a step done, the run still going.
            await Assertions.Expect(page.Locator("[data-testid=agent-step][data-status=completed]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "running");
            await Screenshot(page, "close-tab-mid-run.png");
        }
        finally
        {
            // The writer closes the tab (the whole browser context: its circuit goes away with it).
            await context.CloseAsync();
        }

        var runs = await client.GetJsonAsync($"/api/sessions/{session}/runs");
        var run = runs.EnumerateArray().First();
        Assert.Equal("Running", run.Status());
        var location = new Uri($"/api/sessions/{session}/runs/{run.GetProperty("id").GetGuid()}", UriKind.Relative);
        var finished = await client.PollRunAsync(location, r => r.Status() is not ("Queued" or "Running"), timeoutSeconds: 120);
        Assert.Equal("Completed", finished.Status());

        await using var returning = await browser.NewSignedInContextAsync(baseAddress);
        var back = await returning.NewPageAsync();
        await back.GotoAsync(new Uri(baseAddress, $"/pitches/{session}").ToString());

        await Assertions.Expect(back.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", LongWait);
        await Assertions.Expect(back.Locator("[data-testid=agent-step][data-status=running]")).ToHaveCountAsync(0);
        await Assertions.Expect(back.Locator("[data-testid=agent-step][data-agent=pitch_writer]")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(back.GetByTestId("loop-stop")).ToContainTextAsync("Writers' room stopped");
        await Assertions.Expect(back.GetByTestId("timeline-progress")).ToContainTextAsync($"{finished.CompletedSteps()} of {finished.CompletedSteps()} steps done");
        foreach (var section in AgenteFilms.Web.Features.Pitch.PitchSectionMarkdown.CardOrder)
        {
            var card = back.Locator($"[data-testid=section-card][data-section={section}]");
            await Assertions.Expect(card.GetByTestId("section-body")).ToBeVisibleAsync();
        }
        await Assertions.Expect(back.GetByTestId("section-empty")).ToHaveCountAsync(0);
        await Screenshot(back, "workspace-returned.png");

        // The dashboard's card now carries the pitch's logline; a pitch not yet written shows its concept instead.
        await client.CreateSessionAsync("Quiet Orbit", "Two astronauts who hate each other are the last crew on a station being decommissioned", genre: "comedy");
        await back.GotoAsync(baseAddress.ToString());
        var written = back.GetByTestId("session-card").Filter(new() { HasText = "Tide Clock" });
        await Assertions.Expect(written.GetByTestId("session-logline")).Not.ToBeEmptyAsync();
        await Assertions.Expect(back.GetByTestId("session-card").Filter(new() { HasText = "Quiet Orbit" }).GetByTestId("session-concept")).ToContainTextAsync("Two astronauts");
        await Screenshot(back, "dashboard-cards.png");
    }

    [Fact]
    public async Task WriterCancelsARunAndResumesIt()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, RunApiClient.SlowModelSettings(firstTokenMs: 600));
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();

        await FillNewPitchAsync(page, baseAddress, "Night Ferry");
        await page.Locator("#pitch-title").PressAsync("Control+Enter");
        await Assertions.Expect(page).ToHaveURLAsync(GuidRoute());

        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-status=running]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("cancel-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "cancelled", LongWait);
        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-status=cancelled]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#chat-input")).ToBeEnabledAsync();

        await page.GetByTestId("resume-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-run")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", LongWait);
        await Assertions.Expect(page.Locator("[data-testid=agent-step][data-agent=pitch_writer]")).ToHaveAttributeAsync("data-status", "completed");
    }

    [Fact]
    public async Task WriterOpensAPitchThatDoesNotExist()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{Guid.NewGuid()}").ToString());

        await Assertions.Expect(page.GetByTestId("page-not-found")).ToContainTextAsync("does not exist, or it is not yours to see");
    }

    /// <summary>From the dashboard's button to a filled new-pitch form using the slow offline profile.</summary>
    private static async Task FillNewPitchAsync(IPage page, Uri baseAddress, string title, bool submitEmptyFirst = false)
    {
        await page.GotoAsync(baseAddress.ToString());
        // The dashboard's own inputs are enabled once its circuit is up; navigating on from there keeps one circuit.
        await Assertions.Expect(page.GetByTestId("create-button")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("new-pitch").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pitches/new$"));
        // Typing before the circuit is interactive would be lost: the inputs are enabled only then.
        await Assertions.Expect(page.Locator("#pitch-title")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        if (submitEmptyFirst)
        {
            await page.GetByTestId("start-pitch").ClickAsync();
            await Assertions.Expect(page.GetByText("The concept is required.")).ToBeVisibleAsync();
            await Screenshot(page, "new-pitch-errors.png");
        }
        await page.Locator("#pitch-title").FillAsync(title);
        await page.Locator("#pitch-concept").FillAsync("A lighthouse keeper on a storm-bound island finds a smuggler's ledger that names her missing brother.");
        await page.Locator(".mud-chip").Filter(new() { HasText = "Thriller" }).ClickAsync();
        await page.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Which model" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Offline model (slow)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Which model" })).ToContainTextAsync("Offline model (slow)");
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("AGENTEFILMS_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
    }

    [GeneratedRegex("/pitches/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex GuidRoute();
}
