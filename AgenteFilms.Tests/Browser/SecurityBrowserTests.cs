using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Entities;
using AgenteFilms.Tests.TestSupport;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

/// <summary>The app under its Content-Security-Policy in real Chromium, and hostile text rendered inert.</summary>
public sealed class SecurityBrowserTests(BrowserFixture browser, SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Collects CSP violations (event and console) and dialogs, requests outside the app and script effects.</summary>
    private sealed class Watch
    {
        public List<string> Violations { get; } = [];
        public List<string> Dialogs { get; } = [];
        public List<string> ForeignRequests { get; } = [];

        public static async Task<(IPage Page, Watch Watch)> OpenAsync(IBrowserContext context, Uri baseAddress)
        {
            var watch = new Watch();
            // Runs before the page's own scripts, in every document (Playwright's init scripts are not subject to CSP).
            await context.AddInitScriptAsync("""
                window.__csp = [];
                document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
                """);
            var page = await context.NewPageAsync();
            var origin = baseAddress.ToString().TrimEnd('/');
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    watch.Violations.Add(message.Text);
                }
            };
            page.Dialog += (_, dialog) => { watch.Dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                    && !request.Url.StartsWith("ws://" + baseAddress.Authority, StringComparison.Ordinal))
                {
                    watch.ForeignRequests.Add(request.Url);
                }
            };
            return (page, watch);
        }

        /// <summary>Adds what this document's listener saw; call before leaving the page.</summary>
        public async Task CollectAsync(IPage page) =>
            Violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp || []"));
    }

    [Fact]
    public async Task WriterUsesEveryPage_WithNoContentSecurityPolicyViolation()
    {
        await using var app = new AppFactory(database.AppSettings);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var (page, watch) = await Watch.OpenAsync(context, baseAddress);

        // Dashboard: the policy is served, Blazor connects (the toggle works), dark mode switches.
        var response = await page.GotoAsync(baseAddress.ToString());
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.True(policy is not null, "no CSP header");
        var nonce = System.Text.RegularExpressions.Regex.Match(policy!, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal($"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'", policy);
        Assert.True(nonce.Length >= 16, "the nonce is too short to be unguessable");
        // Blazor's inline import map carries this request's nonce (browsers hide the attribute; the property keeps it).
        Assert.Equal(nonce, await page.EvaluateAsync<string>("() => document.querySelector('script[type=importmap]')?.nonce ?? ''"));
        var toggle = page.GetByTestId("theme-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Toggle dark mode");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();
        var before = await page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        await toggle.ClickAsync();
        await page.WaitForFunctionAsync("before => getComputedStyle(document.body).backgroundColor !== before", before);
        await watch.CollectAsync(page);

        // New pitch: submit the form; the workspace opens and the run finishes live.
        await page.GotoAsync(new Uri(baseAddress, "/pitches/new").ToString());
        await Assertions.Expect(page.Locator("#pitch-title")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.Locator("#pitch-title").FillAsync("Night Ferry");
        await page.Locator("#pitch-concept").FillAsync("A night-ferry captain smuggles letters between two islands that have stopped speaking to each other");
        await page.GetByTestId("start-pitch").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pitches/[0-9a-f-]{36}$"));
        await watch.CollectAsync(page);

        // The workspace with a finished pitch: timeline, chat and section cards.
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 90_000 });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=section-card]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#chat-input")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-row").First).ToBeVisibleAsync();
        await watch.CollectAsync(page);

        // The producer's share page.
        var session = Guid.Parse(page.Url.Split('/')[^1]);
        var created = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { }, Ct);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!;
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToContainTextAsync("Characters");
        await watch.CollectAsync(page);

        // The API reference renders under its own policy.
        await page.GotoAsync(new Uri(baseAddress, "/scalar").ToString());
        await Assertions.Expect(page.GetByText("/api/sessions").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await watch.CollectAsync(page);

        Assert.True(watch.Violations.Count == 0, string.Join("\n", watch.Violations));
        Assert.Empty(watch.ForeignRequests);
        Assert.Empty(watch.Dialogs);
    }

    [Fact]
    public async Task HostileTextInAConceptAChatMessageAndAgentOutput_RendersInert()
    {
        Assert.True(XssPayloads.All.Count >= 50);
        await using var app = new AppFactory(database.AppSettings);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();

        // The concept (the first chat message, and the offline agents' material), then a chat message, both via the API.
        var session = await client.CreateSessionAsync(XssPayloads.All[0], "A keeper of hostile text. " + XssPayloads.AsParagraphs);
        (await client.PostMessageAsync(session, "Pitch it", wait: true)).EnsureSuccessStatusCode();
        (await client.PostMessageAsync(session, XssPayloads.AsParagraphs, wait: true)).EnsureSuccessStatusCode();
        // Agent output: a pitch version and a showrunner answer written with every payload.
        await SeedAgentOutputAsync(session);
        var share = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { }, Ct);
        var shareUrl = (await share.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!;

        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var (page, watch) = await Watch.OpenAsync(context, baseAddress);

        await page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(page.GetByTestId("session-card").First).ToBeVisibleAsync();
        await AssertInertAsync(page, watch);

        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{session}").ToString());
        var synopsis = page.Locator("[data-testid=section-card][data-section=synopsis] [data-testid=section-body]");
        await Assertions.Expect(synopsis).ToContainTextAsync("hover me");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=writer]").Last).ToContainTextAsync("window.__xss=1");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=agent]").Last).ToContainTextAsync("window.__xss=1");
        // Open every folded agent message, so its whole text is in the page.
        foreach (var more in await page.Locator(".af-more").AllAsync())
        {
            await more.ClickAsync();
        }
        await AssertInertAsync(page, watch);

        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-row").First).ToBeVisibleAsync();
        await AssertInertAsync(page, watch);

        await page.GotoAsync(shareUrl);
        await Assertions.Expect(page.GetByTestId("shared-pitch")).ToContainTextAsync("hover me");
        await AssertInertAsync(page, watch);

        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.ForeignRequests);
    }

    private static async Task AssertInertAsync(IPage page, Watch watch)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"script ran on {page.Url}");
        var executable = await page.EvaluateAsync<string[]>("""
            () => {
                // Untrusted text lives in these: cards, chat, timeline, pitch sections, history, the share page.
                const content = '[data-testid=session-card], [data-testid=chat], [data-testid=agent-step], .af-markdown, '
                    + '[data-testid=shared-pitch], .mud-tabs-panels, h1';
                const tags = ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'META', 'LINK', 'STYLE', 'MATH', 'IMG', 'VIDEO', 'AUDIO', 'INPUT'];
                const dangerousUrl = a => ['href', 'src', 'action', 'xlink:href', 'formaction', 'background', 'srcdoc', 'data'].includes(a.name)
                    && /^\s*(javascript|data|vbscript):/i.test(a.value);
                return [...document.querySelectorAll('body *')]
                    .filter(e => [...e.attributes].some(a => a.name.startsWith('on') || dangerousUrl(a))
                        || (e.closest(content) && (tags.includes(e.tagName.toUpperCase()) || (e.tagName.toLowerCase() === 'svg' && !e.classList.contains('mud-icon-root')))))
                    .filter(e => !e.closest('svg.mud-icon-root') && !(e.tagName === 'INPUT' && e.closest('.mud-input-control')))
                    .map(e => e.outerHTML.slice(0, 160));
            }
            """);
        Assert.True(executable.Length == 0, $"executable markup on {page.Url}:\n{string.Join("\n", executable)}");
        await watch.CollectAsync(page);
        Assert.True(watch.Violations.Count == 0, string.Join("\n", watch.Violations));
    }

    private async Task SeedAgentOutputAsync(Guid session)
    {
        var hostile = XssPayloads.AsParagraphs;
        var pitch = PitchSeed.WithProvenance(SamplePitches.TheLastLighthouse() with
        {
            Logline = string.Join(" ", XssPayloads.All),
            Synopsis = hostile,
            WorldAndTone = hostile,
            WritersStatement = hostile,
        });
        await new PitchSeed(database).AgentWritesAsync(session, AgentNames.PitchWriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Pitch,
            JsonSerializer.Serialize(pitch, AgentJson.Options));
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        db.Answers.Add(new Answer
        {
            Id = Guid.CreateVersion7(), SessionId = session, Agent = AgentNames.Greeter, Content = "Here you are. " + hostile,
            Model = "Offline model", CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
    }
}
