using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AgenteFilms.Tests.Web.Operations;

/// <summary>/metrics after real runs through the API, on the real runner, the offline model and a real database.</summary>
public abstract class MetricsEndpointTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The offline model with prices, so its cost counter moves. One profile name per database: meters are matched by
    /// name process-wide, so a parallel test class's app would otherwise count into the same series.
    /// </summary>
    private string Priced => $"priced-{database.Provider}".ToLowerInvariant();

    private IReadOnlyDictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(database.AppSettings)
        {
            [$"Llm:Profiles:{Priced}:Provider"] = "Offline",
            [$"Llm:Profiles:{Priced}:Model"] = "offline",
            [$"Llm:Profiles:{Priced}:InputPricePer1M"] = "2.5",
            [$"Llm:Profiles:{Priced}:OutputPricePer1M"] = "10",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AfterAnOfflineRun_MetricsShowRunsByStatus_StepDurationsPerAgent_TokensAndCostPerModel_AndTheQueue()
    {
        database.Require();
        await using var app = new AppFactory(Settings());
        await using var served = app.WithClientAddress();
        using var client = served.CreateClientFrom(IPAddress.Loopback);
        var session = await client.CreateSessionAsync("Counted", "A lighthouse keeper logs ships that sank a century ago", modelProfile: Priced);
        var response = await client.PostMessageAsync(session, "Pitch it", wait: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Completed", result.GetProperty("status").GetString());

        var after = await ScrapeAsync(client);

        // Runs by status: the run was queued, claimed and completed in this process. (Meters are matched by name
        // process-wide, so other tests' apps may add to these series: hence "at least".)
        foreach (var status in new[] { "Queued", "Running", "Completed" })
        {
            Assert.True(after.Sum("agentefilms_runs_total", ("status", status)) >= 1, $"agentefilms_runs_total{{status=\"{status}\"}} is missing");
        }

        // Step duration per agent: a histogram with one series per agent and outcome.
        foreach (var agent in new[] { "researcher", "screenwriter", "critic", "box_office", "casting_director", "pitch_writer" })
        {
            Assert.True(after.Sum("agentefilms_step_duration_seconds_count", ("agent", agent), ("outcome", "completed")) >= 1, $"no step duration for {agent}");
            Assert.Contains(after.Named("agentefilms_step_duration_seconds_bucket", ("agent", agent), ("le", "+Inf")), s => s.Value >= 1);
        }

        // Tokens and cost per model: tagged with the profile and the model, tokens split by type.
        var input = after.Sum("agentefilms_llm_tokens_total", ("profile", Priced), ("model", "Offline model"), ("token_type", "input"));
        var output = after.Sum("agentefilms_llm_tokens_total", ("profile", Priced), ("model", "Offline model"), ("token_type", "output"));
        Assert.True(input > 0 && output > 0, $"tokens: input {input}, output {output}");
        var cost = after.Sum("agentefilms_llm_cost_USD_total", ("profile", Priced), ("model", "Offline model"));
        Assert.Equal((input * 2.5 + output * 10) / 1_000_000, cost, 1e-9);

        // The queue, read from the database: nothing is waiting now.
        Assert.Contains(after.Named("agentefilms_runs_queued"), s => s.Value == 0);
    }

    [Fact]
    public async Task OnlyLoopbackClients_OrTheScrapeToken_GetMetrics()
    {
        database.Require();
        await using var app = new AppFactory(Settings(("Metrics:ScrapeToken", "s3cret-scrape")));
        await using var served = app.WithClientAddress();

        using var loopback = served.CreateClientFrom(IPAddress.Loopback);
        Assert.Equal(HttpStatusCode.OK, (await loopback.GetAsync("/metrics", Ct)).StatusCode);

        using var remote = served.CreateClientFrom(ClientAddress.Remote);
        var refused = await remote.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        var refusal = await refused.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("agentefilms_", refusal);
        Assert.Contains("scrape token", refusal);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-scrapf");
        var wrongResponse = await remote.SendAsync(wrong, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Contains("invalid_token", wrongResponse.Headers.WwwAuthenticate.ToString());

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-scrape");
        var accepted = await remote.SendAsync(right, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("agentefilms_runs_queued", await accepted.Content.ReadAsStringAsync(Ct));

        // A loopback connection that a proxy relayed from elsewhere is not a local client.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        proxied.Headers.Add("X-Forwarded-For", ClientAddress.Remote.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await loopback.SendAsync(proxied, Ct)).StatusCode);
    }

    [Fact]
    public async Task WithoutAScrapeToken_RemoteClientsAreForbidden_WhateverTheyPresent()
    {
        database.Require();
        await using var app = new AppFactory(Settings());
        await using var served = app.WithClientAddress();
        using var remote = served.CreateClientFrom(ClientAddress.Remote);
        remote.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything");

        var response = await remote.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("loopback", await response.Content.ReadAsStringAsync(Ct));
        // The in-process server gives no address at all: not provably local either.
        using var anonymous = served.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/metrics", Ct)).StatusCode);
    }
}

public sealed class SqliteMetricsEndpointTests(SqliteTestDatabase database) : MetricsEndpointTests<SqliteTestDatabase>(database);

public sealed class PostgresMetricsEndpointTests(PostgresTestDatabase database) : MetricsEndpointTests<PostgresTestDatabase>(database);
