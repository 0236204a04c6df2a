using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints;

public sealed class RateLimitAndCorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritesOverTheLimit_Get429WithRetryAfter_AndReadsAreNotLimited()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?>
        {
            ["Limits:RequestsPerWindow"] = "2",
            ["Limits:WindowSeconds"] = "60",
        });
        using var client = app.CreateClient();

        var first = await client.PostAsJsonAsync("/api/sessions", new { title = "One", concept = "c" }, Ct);
        var second = await client.PostAsJsonAsync("/api/sessions", new { title = "Two", concept = "c" }, Ct);
        var third = await client.PostAsJsonAsync("/api/sessions", new { title = "Three", concept = "c" }, Ct);
        var read = await client.GetAsync("/api/sessions", Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(2, (await read.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData("https://writers.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task Preflight_AllowsOnlyConfiguredOrigins(string origin, bool allowed)
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?>
        {
            ["Cors:Origins:0"] = "https://writers.example",
        });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/sessions");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await client.SendAsync(request, Ct);

        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, allowOrigin);
    }
}
