using System.Net;
using System.Net.Sockets;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

public sealed class ManagementBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriterRenamesArchivesDuplicatesAndDeletesPitches_FromTheCardMenu()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        await client.CreateSessionAsync("Neon Requiem", "A jazz pianist plays the last club in a drowned city");
        var doomed = await client.CreateSessionAsync("Salt Line", "Two smugglers share a border they both patrol");
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        ILocator Card(string title) => page.GetByTestId("session-card").Filter(new() { HasText = title });
        async Task OpenMenuAsync(string title)
        {
            var button = Card(title).GetByTestId("pitch-menu").Locator("button");
            await Assertions.Expect(button).ToBeEnabledAsync();
            await button.ClickAsync();
        }
        ILocator Item(string testId) => page.Locator($"[data-testid={testId}]:visible");

        await OpenMenuAsync("Neon Requiem");
        await Assertions.Expect(Item("menu-delete")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-menu.png");
        await Item("menu-rename").ClickAsync();
        await page.Locator("#rename-title").FillAsync("Neon Requiem II");
        await page.GetByTestId("confirm-rename").ClickAsync();
        await Assertions.Expect(Card("Neon Requiem II")).ToHaveCountAsync(1);

        await OpenMenuAsync("Neon Requiem II");
        await Item("menu-duplicate").ClickAsync();
        await Assertions.Expect(Card("Neon Requiem II (copy)")).ToHaveCountAsync(1);

        await OpenMenuAsync("Neon Requiem II (copy)");
        await Item("menu-archive").ClickAsync();
        await Assertions.Expect(Card("Neon Requiem II (copy)")).ToHaveCountAsync(0);
        await page.GetByTestId("archive-filter").GetByText("Archived (1)").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-card")).ToHaveCountAsync(1);
        await Assertions.Expect(Card("Neon Requiem II (copy)").GetByTestId("archived-chip")).ToBeVisibleAsync();
        await page.GetByTestId("archive-filter").GetByText("Active (2)").ClickAsync();

        await OpenMenuAsync("Salt Line");
        await Item("menu-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-title")).ToHaveTextAsync("“Salt Line”");
        await Screenshots.SaveAsync(page, "delete-dialog.png");
        await page.GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(Card("Salt Line")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sessions/{doomed}", Ct)).StatusCode);
        await Assertions.Expect(page.GetByTestId("session-card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task WriterTestsEachModelProfile_AndReadsWhyItFailedInPlainWords_WithoutSeeingAKey()
    {
        const string key = "sk-test-9f8e7d6c5b4a-do-not-show";
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = request => request.Model switch
        {
            "rejects-key" => FakeResponse.Error(401, "Incorrect API key provided", type: "invalid_request_error"),
            "gpt-9" => FakeResponse.Error(404, "The model `gpt-9` does not exist", type: "invalid_request_error"),
            "hangs" => FakeResponse.Hanging(),
            _ => FakeResponse.Reply("OK"),
        };
        var settings = new Dictionary<string, string?>();
        void Profile(string name, string model, string endpoint)
        {
            var prefix = $"Llm:Profiles:{name}:";
            settings[prefix + "Provider"] = "OpenAICompatible";
            settings[prefix + "Model"] = model;
            settings[prefix + "Endpoint"] = endpoint;
            settings[prefix + "ApiKey"] = key;
            settings[prefix + "MaxRetries"] = "0";
            settings[prefix + "AttemptTimeoutSeconds"] = "2";
            settings[prefix + "TotalTimeoutSeconds"] = "2";
            settings[prefix + "InputPricePer1M"] = "0.15";
            settings[prefix + "OutputPricePer1M"] = "0.6";
        }
        Profile("works", "fake-model", server.OpenAiEndpoint);
        Profile("badkey", "rejects-key", server.OpenAiEndpoint);
        Profile("nomodel", "gpt-9", server.OpenAiEndpoint);
        Profile("closed", "fake-model", $"http://127.0.0.1:{ClosedPort()}/v1");
        Profile("hung", "hangs", server.OpenAiEndpoint);
        using var folder = new TempFolder();
        var logs = new CapturingLoggerProvider();
        await using var app = AppFactory.OnSqlite(folder.Path, settings);
        // Every log line of the app, at every level, including the HTTP client's request logs.
        app.TestServices = services => services
            .AddSingleton<ILoggerProvider>(logs)
            .Configure<LoggerFilterOptions>(o => o.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/settings").ToString());

        foreach (var (profile, headline) in new[]
        {
            ("works", "Connected in"), ("badkey", "Wrong key"), ("nomodel", "Unknown model"), ("closed", "Unreachable host"), ("hung", "Timeout"),
        })
        {
            var logged = logs.Messages.Count;
            var row = page.Locator($"[data-testid=profile-row][data-profile={profile}]");
            await Assertions.Expect(row.GetByTestId("test-connection")).ToBeEnabledAsync();
            await row.GetByTestId("test-connection").ClickAsync();
            var result = page.Locator($"[data-testid=test-result][data-profile={profile}]");
            await Assertions.Expect(result.GetByTestId("test-headline")).ToContainTextAsync(headline, new() { Timeout = 15_000 });
            await Assertions.Expect(result).ToHaveAttributeAsync("data-success", profile == "works" ? "true" : "false");
            // The request was logged (so the logs were searched where the key could have been), and without the key.
            var lines = logs.Messages.Skip(logged).ToList();
            Assert.Contains(lines, l => l.Contains("/v1/chat/completions", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(key, StringComparison.Ordinal) || l.Contains("sk-test", StringComparison.Ordinal));
        }
        await Assertions.Expect(page.Locator("[data-testid=test-result][data-profile=nomodel]")).ToContainTextAsync("gpt-9");
        await Assertions.Expect(page.GetByTestId("api-tokens-slot")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "settings.png");
        Assert.DoesNotContain(key, await page.ContentAsync());
        Assert.DoesNotContain(logs.Messages, m => m.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain("sk-test", await page.InnerTextAsync("body"));
    }

    [Fact]
    public async Task WritersDefaultModelAndTheme_AreRemembered_AndTheNewPitchFormStartsWithThatModel()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?>
        {
            ["Llm:Profiles:cheap:Provider"] = "OpenAI",
            ["Llm:Profiles:cheap:Model"] = "gpt-4o-mini",
            ["Llm:Profiles:cheap:ApiKey"] = "sk-unused",
            ["Llm:Profiles:cheap:InputPricePer1M"] = "0.15",
            ["Llm:Profiles:cheap:OutputPricePer1M"] = "0.60",
        });
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/settings").ToString());

        // The page is interactive once its buttons are enabled.
        await Assertions.Expect(page.GetByTestId("test-connection").First).ToBeEnabledAsync();
        var select = page.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Default model for new pitches" });
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "gpt-4o-mini" }).ClickAsync();
        await Assertions.Expect(select).ToContainTextAsync("gpt-4o-mini");
        await page.Locator(".mud-radio").Filter(new() { HasText = "Dark" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);

        // A fresh page load: both choices come back from the database.
        await page.GotoAsync(new Uri(baseAddress, "/pitches/new").ToString());
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        await Assertions.Expect(page.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Which model" })).ToContainTextAsync("gpt-4o-mini");
        await Assertions.Expect(page.GetByTestId("cost-estimate")).ToContainTextAsync("on gpt-4o-mini");
        var before = long.Parse((await page.GetByTestId("cost-estimate").GetAttributeAsync("data-tokens"))!);
        await Assertions.Expect(page.Locator("#pitch-concept")).ToBeEnabledAsync();
        await page.Locator("#pitch-concept").FillAsync(string.Join(' ', Enumerable.Repeat("A lighthouse keeper bargains with the fog that steals her village's memories.", 30)));
        await Assertions.Expect(page.GetByTestId("cost-estimate")).Not.ToHaveAttributeAsync("data-tokens", before.ToString());
        Assert.True(long.Parse((await page.GetByTestId("cost-estimate").GetAttributeAsync("data-tokens"))!) > before + 300);
        await Screenshots.SaveAsync(page, "new-pitch-estimate.png");
    }

    private const string DarkBackground = "rgb(27, 24, 40)"; // AgenteFilmsTheme's dark Background, #1b1828

    private static int ClosedPort()
    {
        // A port that was free a moment ago and has nothing listening now: connecting is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
