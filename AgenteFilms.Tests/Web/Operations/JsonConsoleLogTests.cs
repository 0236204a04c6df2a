using System.Text.Json;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Operations;

/// <summary>The documented switch for JSON console logs: <c>Logging__Console__FormatterName=json</c>.</summary>
public sealed class JsonConsoleLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithTheJsonFormatter_EveryConsoleLineIsAJsonLogEntry()
    {
        using var folder = new TempFolder();
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder.Path, "app.db")}",
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        }, Ct);
        using var client = new HttpClient { BaseAddress = app.Address };
        // A request that logs: the metrics guard refuses a proxied client (at Information).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.SendAsync(request, Ct)).StatusCode);

        List<JsonElement> entries = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            entries = [.. lines.Select(line => ParseEntry(line))];
            if (entries.Any(e => e.GetProperty("Category").GetString()!.EndsWith("MetricsAccessMiddleware", StringComparison.Ordinal)))
            {
                break;
            }
            await Task.Delay(50, Ct);
        }

        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && e.GetProperty("Message").GetString()!.Contains("Now listening on", StringComparison.Ordinal));
        var refused = Assert.Single(entries, e => e.GetProperty("Category").GetString()!.EndsWith("MetricsAccessMiddleware", StringComparison.Ordinal));
        Assert.Equal("Information", refused.GetProperty("LogLevel").GetString());
        Assert.Equal("LoopbackOnly", refused.GetProperty("State").GetProperty("Access").GetString());
        // Scopes carry the request's trace id, to find its spans.
        Assert.Contains(refused.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("TraceId", out _));
    }

    private static JsonElement ParseEntry(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException)
        {
            Assert.Fail($"Not a JSON log line: {line}");
            throw;
        }
    }
}
