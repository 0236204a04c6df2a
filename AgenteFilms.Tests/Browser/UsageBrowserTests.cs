using System.Globalization;
using AgenteFilms.Data;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Browser;

public sealed class UsageBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriterSeesWhatTwoRunsCost_EqualToTheDatabase_AndDownloadsTheSameRowsAsCsv()
    {
        using var folder = new TempFolder();
        // Test prices on the offline model, so its (estimated) usage is billed and the cost figures mean something.
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?>
        {
            ["Llm:Profiles:offline:InputPricePer1M"] = "2.5",
            ["Llm:Profiles:offline:OutputPricePer1M"] = "10",
        });
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress }.SignedIn();
        var sessions = new List<Guid>();
        foreach (var (title, concept) in new[]
        {
            ("Night Ferry", "A ferry captain smuggles letters across a frozen strait for a town cut off by war"),
            ("Copper Saints", "Two rival bell-founders must cast one bell together before the cathedral reopens"),
        })
        {
            var session = await client.CreateSessionAsync(title, concept);
            (await client.PostMessageAsync(session, "Pitch it", wait: true)).EnsureSuccessStatusCode();
            sessions.Add(session);
        }
        var (tokens, cost, steps) = await DatabaseSumsAsync(app, await app.DefaultUserIdAsync());
        Assert.True(tokens > 0 && cost > 0);

        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/usage").ToString());

        await Assertions.Expect(page.GetByTestId("total-tokens")).ToHaveAttributeAsync("data-value", tokens.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(cost, decimal.Parse((await page.GetByTestId("total-cost").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
        // Both runs ran today, so today's total is the whole total, shown against the default daily budget.
        await Assertions.Expect(page.GetByTestId("today-tokens")).ToHaveAttributeAsync("data-value", tokens.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("usage-today")).ToContainTextAsync("of 2,000,000");
        await Assertions.Expect(page.GetByTestId("total-tokens")).ToContainTextAsync(tokens.ToString("N0", CultureInfo.InvariantCulture));
        var perPitch = page.GetByTestId("per-pitch").GetByTestId("usage-row");
        await Assertions.Expect(perPitch).ToHaveCountAsync(2);
        Assert.Equal(tokens, await SumAttributeAsync(perPitch, "data-tokens"));
        Assert.Equal(tokens, await SumAttributeAsync(page.GetByTestId("per-agent").GetByTestId("usage-row"), "data-tokens"));
        Assert.Equal(cost, await SumCostAsync(page.GetByTestId("per-model").GetByTestId("usage-row")));
        await Assertions.Expect(page.GetByTestId("per-agent")).ToContainTextAsync("Pitch writer");
        await Assertions.Expect(page.GetByTestId("per-model")).ToContainTextAsync("Offline model");
        await Assertions.Expect(page.GetByTestId("usage-chart").Locator("svg").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "usage.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("usage-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path, Ct);
        Assert.Equal("date,pitch_id,pitch_title,agent,model,steps,input_tokens,output_tokens,cost_usd", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(9, r.Length));
        Assert.Equal(tokens, rows.Sum(r => long.Parse(r[6], CultureInfo.InvariantCulture) + long.Parse(r[7], CultureInfo.InvariantCulture)));
        Assert.Equal(cost, rows.Sum(r => decimal.Parse(r[8], CultureInfo.InvariantCulture)));
        Assert.Equal(steps, rows.Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(2, rows.Select(r => r[1]).Distinct().Count());
        Assert.Equal(await client.GetStringAsync("/api/usage.csv", Ct), await File.ReadAllTextAsync(path, Ct));

        // After the run, its workspace shows the estimate beside what it billed.
        await page.GotoAsync(new Uri(baseAddress, $"/pitches/{sessions[0]}").ToString());
        var comparison = page.GetByTestId("estimate-vs-actual");
        var pitchTokens = rows.Where(r => r[1] == sessions[0].ToString()).Sum(r => long.Parse(r[6], CultureInfo.InvariantCulture) + long.Parse(r[7], CultureInfo.InvariantCulture));
        await Assertions.Expect(comparison).ToHaveAttributeAsync("data-actual", pitchTokens.ToString(CultureInfo.InvariantCulture));
        var estimate = long.Parse((await comparison.GetAttributeAsync("data-estimate"))!, CultureInfo.InvariantCulture);
        Assert.InRange(pitchTokens, estimate * 0.8, estimate * 1.2);
        await Screenshots.SaveAsync(page, "workspace-estimate.png");
    }

    private static async Task<(long Tokens, decimal Cost, int Steps)> DatabaseSumsAsync(AppFactory app, Guid owner)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AgenteFilmsDbContext>>().CreateDbContextAsync(Ct);
        var steps = await db.AgentSteps
            .Where(s => db.AgentRuns.Any(r => r.Id == s.RunId && db.Sessions.Any(x => x.Id == r.SessionId && x.OwnerId == owner)))
            .Where(s => s.InputTokens > 0 || s.OutputTokens > 0)
            .Select(s => new { s.InputTokens, s.OutputTokens, s.CostUsd })
            .ToListAsync(Ct);
        return (steps.Sum(s => s.InputTokens + s.OutputTokens), steps.Sum(s => s.CostUsd), steps.Count);
    }

    private static async Task<long> SumAttributeAsync(ILocator rows, string attribute)
    {
        long total = 0;
        foreach (var row in await rows.AllAsync())
        {
            total += long.Parse((await row.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);
        }
        return total;
    }

    private static async Task<decimal> SumCostAsync(ILocator rows)
    {
        decimal total = 0;
        foreach (var row in await rows.AllAsync())
        {
            total += decimal.Parse((await row.GetAttributeAsync("data-cost"))!, CultureInfo.InvariantCulture);
        }
        return total;
    }
}
