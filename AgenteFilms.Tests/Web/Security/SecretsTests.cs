using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenteFilms.Tests.Web.Security;

/// <summary>
/// A model profile's API key reaches the provider and nothing else: not the logs (at trace level), not the pages, the
/// API's answers, the exports or error messages, not the prompts. A canary key is searched for everywhere.
/// </summary>
public sealed class SecretsTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private const string Canary = "sk-canary-7f3a9c1e5b2d4f6a8c0e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheApiKeyAppearsInNoLogPageExportOrError_EvenWhenTheProviderEchoesIt()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = OfflineBackedResponder.Create();
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>(database.AppSettings)
        {
            ["Llm:DefaultProfile"] = "canary",
            ["Llm:Profiles:canary:Provider"] = "OpenAICompatible",
            ["Llm:Profiles:canary:Endpoint"] = server.OpenAiEndpoint,
            ["Llm:Profiles:canary:Model"] = "gpt-canary",
            ["Llm:Profiles:canary:ApiKey"] = Canary,
            ["Llm:Profiles:canary:MaxRetries"] = "0",
            ["Llm:Profiles:canary:InputPricePer1M"] = "1",
        };
        await using var factory = new AppFactory(settings);
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));
        using var client = app.CreateClient();
        var seen = new List<(string What, string Text)>();
        async Task<string> GetAsync(string path)
        {
            var text = await (await client.GetAsync(path, Ct)).Content.ReadAsStringAsync(Ct);
            seen.Add((path, text));
            return text;
        }

        // A whole pitch through the provider, then everything a writer or client can read about it.
        var session = await client.CreateSessionAsync("Canary", "A mine rescuer hears a canary singing three days after the collapse", "canary");
        var done = await client.PostMessageAsync(session, "Make it a pitch", wait: true);
        seen.Add(("message", await done.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("\"Completed\"", seen[^1].Text);
        foreach (var path in new[]
        {
            $"/api/sessions/{session}", $"/api/sessions/{session}/runs", $"/api/sessions/{session}/messages?limit=200",
            $"/api/sessions/{session}/state", $"/api/sessions/{session}/pitch", $"/api/sessions/{session}/pitch.md",
            $"/api/sessions/{session}/pitch.fountain", "/api/sessions", "/openapi/v1.json", "/", $"/pitches/{session}", "/pitches/new",
        })
        {
            await GetAsync(path);
        }

        // The provider refuses the key and echoes it back, as some gateways do: a failed run and a failed request.
        server.Responder = _ => FakeResponse.Error(401, $"Incorrect API key provided: {Canary}.", type: "invalid_request_error");
        var second = await client.CreateSessionAsync("Refused", "A lighthouse keeper counts ships that are not there", "canary");
        var failed = await client.PostMessageAsync(second, "Make it a pitch", wait: true);
        seen.Add(("failed message", await failed.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("\"Failed\"", seen[^1].Text);
        await GetAsync($"/api/sessions/{second}/runs");
        await GetAsync($"/pitches/{second}");
        var problem = await client.PostAsJsonAsync("/api/screenplay/generate", new { concept = "A lighthouse keeper counts ships", model = "canary" }, Ct);
        seen.Add(("screenplay problem", await problem.Content.ReadAsStringAsync(Ct)));
        Assert.False(problem.IsSuccessStatusCode);

        // The key did go to the provider (so the searches below mean something), and only in the Authorization header.
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Canary}", r.Header("Authorization")));
        Assert.All(server.Requests, r => Assert.DoesNotContain(Canary, r.Body, StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Canary, StringComparison.Ordinal));
        Assert.All(seen, s => Assert.False(s.Text.Contains(Canary, StringComparison.Ordinal), $"the key is in {s.What}"));
        // The refused run says why, without the key.
        var runs = JsonDocument.Parse(seen.Single(s => s.What == $"/api/sessions/{second}/runs").Text).RootElement;
        Assert.Contains("401", runs[0].GetProperty("error").GetString());
    }
}
