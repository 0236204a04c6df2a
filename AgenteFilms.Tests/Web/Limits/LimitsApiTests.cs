using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Limits;

/// <summary>Rate limits and the daily budget through the REST API, on the real runner and the offline model.</summary>
public abstract class LimitsApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app acting for <paramref name="user"/>, so each test has its own limits and budget on the shared database.</summary>
    private WebAppForUser App(Guid user, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(database.Require().AppSettings);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return new WebAppForUser(new AppFactory(all), user);
    }

    [Fact]
    public async Task StartingARun_Answers429WithRetryAfterUntilMidnight_WhenTheUserIsAtTheDailyLimit()
    {
        var user = Guid.NewGuid();
        await database.Require().SpentAsync(user, tokens: 5_000);
        await using var app = App(user, ("Limits:DailyTokenBudget", "5000"));
        using var client = app.Client;
        var session = await client.CreateSessionAsync("Over budget", "A cartographer maps a city that rearranges itself every night");

        // Taken before the request: the server rounds its wait up to whole seconds from a later instant.
        var sent = DateTime.UtcNow;
        var response = await client.PostAsJsonAsync($"/api/sessions/{session}/runs", new { }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var untilMidnight = sent.Date.AddDays(1) - sent;
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromSeconds(1));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("budget", problem.GetProperty("detail").GetString());
        var runs = await client.GetJsonAsync($"/api/sessions/{session}/runs");
        Assert.Equal(0, runs.GetArrayLength());
    }

    [Fact]
    public async Task MessagesOverTheRateLimit_Answer429WithRetryAfter()
    {
        await using var app = App(Guid.NewGuid(), ("Limits:MessagesPerMinutePerUser", "1"));
        using var client = app.Client;
        var first = await client.CreateSessionAsync("One", "A night-shift radio host takes a call from her future self");
        var second = await client.CreateSessionAsync("Two", "Two rival beekeepers must share one dying hive");

        var accepted = await client.PostMessageAsync(first, "Make it a pitch");
        var refused = await client.PostMessageAsync(second, "Make it a pitch");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("messages", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARunCrossingTheBudget_StopsAtTheNextModelCall_AndKeepsItsFinishedSteps()
    {
        // Enough for the first agents of the writers' room, far from enough for a whole pitch.
        await using var app = App(Guid.NewGuid(), ("Limits:DailyTokenBudget", "8000"), ("Limits:DailyCostBudgetUsd", "0"));
        using var client = app.Client;
        var session = await client.CreateSessionAsync("Budget", "A lighthouse keeper on a drowned coast trades memories for fuel");

        var response = await client.PostMessageAsync(session, "Make it a pitch", wait: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var run = await client.GetJsonAsync($"/api/sessions/{session}/runs/{result.GetProperty("runId").GetGuid()}");
        Assert.Equal("Failed", run.Status());
        Assert.Contains("daily token budget", run.GetProperty("error").GetString());
        Assert.Contains("Completed steps are saved", run.GetProperty("error").GetString());
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.True(run.CompletedSteps() >= 1, "no step finished before the budget stopped the run");
        var stopped = Assert.Single(steps, s => s.GetProperty("status").GetString() == "Failed");
        Assert.Contains("budget", stopped.GetProperty("error").GetString());
        // The refused call was never sent: what was billed (the stopped step keeps what its earlier round trips cost)
        // stays within the budget.
        var billed = steps.Sum(s => s.GetProperty("inputTokens").GetInt64() + s.GetProperty("outputTokens").GetInt64());
        Assert.InRange(billed, 1, 8_000);
        // The finished steps' work is saved: the researcher's notes are in the session's state.
        var state = await client.GetJsonAsync($"/api/sessions/{session}/state");
        Assert.True(state.TryGetProperty("research", out _), $"research is missing: {state}");
        Assert.False(state.TryGetProperty("pitch", out _));
    }

    [Fact]
    public async Task TheOneShotScreenplay_Answers429WithRetryAfter_WhenTheBudgetRunsOutAtItsModelCall()
    {
        // Nothing spent yet, so the check at the door passes; the screenwriter's first call needs far more than 100 tokens.
        await using var app = App(Guid.NewGuid(), ("Limits:DailyTokenBudget", "100"), ("Limits:DailyCostBudgetUsd", "0"));
        using var client = app.Client;

        var sent = DateTime.UtcNow;
        var response = await client.PostAsJsonAsync("/api/screenplay/generate",
            new { concept = "A lighthouse keeper on a drowned coast trades memories for fuel" }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var untilMidnight = sent.Date.AddDays(1) - sent;
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromSeconds(1));
        Assert.Contains("daily token budget", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    /// <summary>An app whose acting user is <paramref name="user"/>.</summary>
    private sealed class WebAppForUser(AppFactory factory, Guid user) : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app = factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<ICurrentUser>(new FixedUser(user))));

        public HttpClient Client => _app.CreateClient();

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            await factory.DisposeAsync();
        }
    }
}

public sealed class SqliteLimitsApiTests(SqliteTestDatabase database) : LimitsApiTests<SqliteTestDatabase>(database);

public sealed class PostgresLimitsApiTests(PostgresTestDatabase database) : LimitsApiTests<PostgresTestDatabase>(database);
