using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenteFilms.Tests.Web.Endpoints.Compat;

/// <summary>The seed surface under settings of its own: switched off, a failing model, every log level on.</summary>
public sealed class SeedSurfaceSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhenDisabled_TheSessionRoutesAre404_ButHealthAnswers()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var address = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address }.SignedIn();
        var existing = await client.CreateSessionAsync("Made through /api", "A heist on the Moon goes wrong in zero gravity");

        var create = await client.PostAsync("/sessions", null, Ct);
        var get = await client.GetAsync($"/sessions/{existing}", Ct);
        var message = await client.PostAsJsonAsync($"/sessions/{existing}/messages", new { message = "Hello" }, Ct);
        var socket = await SeedSocket.RefusedStatusAsync(address, $"/ws/sessions/{existing}");
        var health = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Contains("Compat:Enabled", (await create.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, socket);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"agente-films-api"}""", await health.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, (await client.GetJsonAsync($"/api/sessions/{existing}/runs")).GetArrayLength());
    }

    [Fact]
    public async Task WithoutAllowAnonymous_TheSurfaceWantsTheApiToken_AsAHeaderOrOnTheSocketsQueryString()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?> { ["Compat:Enabled"] = "true" });
        var address = app.StartKestrel();
        using var anonymous = new HttpClient { BaseAddress = address };
        using var signedIn = new HttpClient { BaseAddress = address }.SignedIn();

        var refused = await anonymous.PostAsync("/sessions", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString());
        var session = await signedIn.CreateSeedSessionAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await SeedSocket.RefusedStatusAsync(address, $"/ws/sessions/{session}"));
        await using var socket = await SeedSocket.ConnectAsync(address, $"/ws/sessions/{session}?access_token={Uri.EscapeDataString(TestUser.Default.ApiToken)}");
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task AFailedRun_Is500WithTheCause_OverHttp_AndAnErrorFrameOverTheSocket_KeepingCompletedSteps()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, SeedApp.Settings(SeedApp.FailingAgentSettings("critic")));
        var address = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address }.SignedIn();
        var overHttp = await client.CreateSeedSessionAsync();
        var overSocket = await client.CreateSeedSessionAsync();

        var response = await client.PostAsJsonAsync($"/sessions/{overHttp}/messages", new { message = "A heist on the Moon goes wrong in zero gravity" }, Ct);
        await using var socket = await SeedSocket.ConnectAsync(address, $"/ws/sessions/{overSocket}");
        await socket.SendMessageAsync("A heist on the Moon goes wrong in zero gravity");
        var frames = await socket.ReceiveTurnAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.StartsWith("Error processing message: ", detail);
        Assert.True(detail.Length > "Error processing message: ".Length + 5, detail);
        Assert.Equal("status", frames[0].GetProperty("type").GetString());
        Assert.Contains(frames, f => f.GetProperty("type").GetString() == "event" && f.GetProperty("event").GetString() == "run_failed");
        Assert.Equal("error", frames[^1].GetProperty("type").GetString());
        Assert.StartsWith("Error processing message: ", frames[^1].GetProperty("content").GetString());
        foreach (var session in new[] { overHttp, overSocket })
        {
            var runId = (await client.GetJsonAsync($"/api/sessions/{session}/runs"))[0].GetProperty("id").GetGuid();
            var run = await client.GetJsonAsync($"/api/sessions/{session}/runs/{runId}");
            Assert.Equal("Failed", run.Status());
            var completed = run.GetProperty("steps").EnumerateArray()
                .Where(s => s.GetProperty("status").GetString() == "Completed")
                .Select(s => s.GetProperty("agent").GetString()).ToList();
            Assert.Equal(["researcher", "screenwriter", "character_developer"], completed);
        }
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task AQueryStringAccessToken_NeverReachesALog_EvenWithEveryLevelOn()
    {
        const string token = "af_secret_7f3a9c1e";
        var logs = new CapturedLogs();
        using var folder = new TempFolder();
        await using var app = new LogCapturingAppFactory(logs, folder.Path, SeedApp.Settings(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:Captured:LogLevel:Default"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "None",
        }));
        var address = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        var session = await client.CreateSeedSessionAsync();

        await using (var socket = await SeedSocket.ConnectAsync(address, $"/ws/sessions/{session}?access_token={token}"))
        {
            await socket.SendAsync("""{"message": ""}""");
            await socket.ReceiveAsync();
        }
        await client.GetAsync($"/sessions/{session}?access_token={token}", Ct);
        await client.GetAsync($"/sessions/not-a-uuid?access_token={token}", Ct);

        Assert.Contains(logs.Lines, l => l.Contains("/ws/sessions/", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>Every log line and every structured value the app writes.</summary>
    private sealed class CapturedLogs
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                logs.Lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                logs.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }

    [ProviderAlias("Captured")]
    private sealed class CapturedProvider(CapturedLogs logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logs.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class LogCapturingAppFactory(CapturedLogs logs, string folder, IReadOnlyDictionary<string, string?> settings)
        : AppFactory(SqliteSettings(folder, settings))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturedProvider(logs)));
        }
    }
}
