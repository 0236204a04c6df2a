using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>The seed-compatible surface switched on, with the original client's origins allowed.</summary>
public static class SeedApp
{
    /// <summary>Where the original React client runs (its Vite dev server; 5173 is Vite's default).</summary>
    public const string ClientOrigin = "http://localhost:3000";
    public const string OtherClientOrigin = "http://localhost:5173";

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Compat:Enabled"] = "true",
            ["Cors:Origins:0"] = ClientOrigin,
            ["Cors:Origins:1"] = OtherClientOrigin,
            // The original client sends no token: it acts as the tests' default account.
            ["Compat:AllowAnonymous"] = "true",
            ["Compat:UserEmail"] = TestUser.Default.Email,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>
    /// An offline profile for one agent that always fails (nothing listens on port 1, no retries), so a run fails after
    /// the steps before that agent completed.
    /// </summary>
    public static Dictionary<string, string?> FailingAgentSettings(string agent) => new()
    {
        [$"Agents:ModelOverrides:{agent}"] = "broken",
        ["Llm:Profiles:broken:Provider"] = "OpenAICompatible",
        ["Llm:Profiles:broken:Endpoint"] = "http://127.0.0.1:1/v1",
        ["Llm:Profiles:broken:Model"] = "unreachable",
        ["Llm:Profiles:broken:MaxRetries"] = "0",
        ["Llm:Profiles:broken:AttemptTimeoutSeconds"] = "5",
        ["Llm:Profiles:broken:TotalTimeoutSeconds"] = "5",
    };

    /// <summary>The member names of a JSON object, sorted, to compare a shape exactly.</summary>
    public static string[] Members(this JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    /// <summary>POST /sessions with no body at all, as the original client does.</summary>
    public static async Task<Guid> CreateSeedSessionAsync(this HttpClient client)
    {
        var response = await client.PostAsync("/sessions", content: null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}

/// <summary>A WebSocket client of <c>/ws/sessions/{id}</c> that sends and reads JSON frames.</summary>
public sealed class SeedSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private SeedSocket()
    {
    }

    public WebSocketState State => _socket.State;

    /// <summary>Connects; throws <see cref="WebSocketException"/> when the handshake is refused (see <see cref="RefusedStatusAsync"/>).</summary>
    public static async Task<SeedSocket> ConnectAsync(Uri app, string pathAndQuery, string? origin = null)
    {
        var client = new SeedSocket();
        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);
        }
        await client._socket.ConnectAsync(WebSocketUri(app, pathAndQuery), TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>The HTTP status of a refused handshake.</summary>
    public static async Task<System.Net.HttpStatusCode> RefusedStatusAsync(Uri app, string pathAndQuery, string? origin = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketUri(app, pathAndQuery), TestContext.Current.CancellationToken));
        return socket.HttpStatusCode;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    public Task SendMessageAsync(string message) => SendAsync(JsonSerializer.Serialize(new { message }));

    /// <summary>The next frame as JSON; fails the test when none comes within the timeout.</summary>
    public async Task<JsonElement> ReceiveAsync(int timeoutSeconds = 60)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        using var text = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(text.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Frames up to and including the first <c>response</c> or <c>error</c> frame after a status frame.</summary>
    public async Task<List<JsonElement>> ReceiveTurnAsync()
    {
        var frames = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveAsync();
            frames.Add(frame);
            if (frame.GetProperty("type").GetString() is "response" or "error")
            {
                return frames;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        _socket.Dispose();
    }

    private static Uri WebSocketUri(Uri app, string pathAndQuery) =>
        new(new UriBuilder(app) { Scheme = app.Scheme == "https" ? "wss" : "ws" }.Uri, pathAndQuery);
}

/// <summary>One app per test class with the seed surface on, served by Kestrel on 127.0.0.1 for real HTTP and WebSockets.</summary>
public class SeedAppFixture : AppFixture<SqliteTestDatabase>
{
    private Uri? _address;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SeedApp.Settings();

    public Uri Address => _address ??= Require().App.StartKestrel();

    /// <summary>An HTTP client of the app over the network (not the in-memory test server).</summary>
    public HttpClient Client() => new HttpClient { BaseAddress = Address }.SignedIn();
}
