using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>
/// <c>WS /ws/sessions/{id}</c>, the seed's streaming chat. The client sends <c>{"message": "..."}</c>; the server answers a
/// <c>status</c> frame, the run's agent events as <c>event</c> frames (our extension; old clients ignore them), then a
/// <c>response</c> frame with the same object as the POST route, or an <c>error</c> frame. The socket stays open for the
/// next message. What is wrong with the connection itself (origin, id, session) is refused at the handshake with an
/// HTTP status and a <c>detail</c>, like the other seed routes.
/// </summary>
internal static class SeedWebSocket
{
    public const string Path = "/ws/sessions/{id}";
    public const string ProcessingMessage = "Processing your message...";
    public const string EmptyMessage = "Message cannot be empty";

    /// <summary>Largest client frame accepted: a message of <see cref="PitchLimits.MaxMessage"/> characters fits.</summary>
    private const int MaxReceiveBytes = 4 * PitchLimits.MaxMessage + 1024;

    public static RouteGroupBuilder MapSeedWebSocket(this RouteGroupBuilder seed, IEndpointRouteBuilder app)
    {
        // The WebSocket middleware only for this endpoint (as SignalR maps its hubs), so the Blazor circuit's own
        // WebSocket settings stay untouched.
        var pipeline = app.CreateApplicationBuilder();
        pipeline.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        pipeline.Run(AcceptAsync);
        seed.Map(Path, pipeline.Build());
        return seed;
    }

    private static async Task AcceptAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await SeedError.WriteAsync(http, StatusCodes.Status400BadRequest,
                new SeedError("This endpoint speaks WebSocket: connect with ws:// or wss://."), cancellationToken);
            return;
        }
        // Browsers send Origin on a WebSocket and no preflight protects it: refuse pages of other sites. A client
        // without Origin is not a browser (a script, a service) and is let through.
        if (http.Request.Headers.Origin is [{ } origin] && !await IsAllowedOriginAsync(http, origin))
        {
            await SeedError.WriteAsync(http, StatusCodes.Status403Forbidden, new SeedError($"Origin {origin} is not allowed."), cancellationToken);
            return;
        }
        var compat = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<CompatOptions>>().Value;
        if (compat.AllowAnonymous && !await SeedAnonymousUserFilter.ActAsConfiguredUserAsync(
                http, compat, http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AgenteFilms.Data.Entities.AppUser>>()))
        {
            await SeedError.WriteAsync(http, StatusCodes.Status401Unauthorized, new SeedError(SeedAnonymousUserFilter.NoAccount), cancellationToken);
            return;
        }
        var sessionId = SeedTurn.ParseSessionId(http.GetRouteValue("id") as string);
        if (await http.RequestServices.GetRequiredService<SessionService>().GetAsync(sessionId, cancellationToken) is null)
        {
            await SeedError.WriteAsync(http, StatusCodes.Status404NotFound, new SeedError(SeedError.SessionNotFound), cancellationToken);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedWebSocket));
        try
        {
            await ConverseAsync(socket, sessionId, http.RequestServices.GetRequiredService<SeedTurn>(), cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The client went away. A run it started goes on in the background and is in the workspace.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "WebSocket conversation of session {SessionId} failed", sessionId);
            if (socket.State == WebSocketState.Open)
            {
                await SendAsync(socket, new SeedTextFrame("error", $"Server error: {ex.Message}"), CancellationToken.None);
                await socket.CloseAsync(WebSocketCloseStatus.InternalServerError, "Server error", CancellationToken.None);
            }
        }
    }

    private static async Task ConverseAsync(WebSocket socket, Guid sessionId, SeedTurn turn, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = await ReceiveAsync(socket, cancellationToken);
            if (received is null)
            {
                return;
            }
            if (!TryReadMessage(received, out var message))
            {
                await SendAsync(socket, new SeedTextFrame("error", """Send JSON such as {"message": "A film about..."}."""), cancellationToken);
                continue;
            }
            if (string.IsNullOrWhiteSpace(message))
            {
                await SendAsync(socket, new SeedTextFrame("error", EmptyMessage), cancellationToken);
                continue;
            }

            await SendAsync(socket, new SeedTextFrame("status", ProcessingMessage), cancellationToken);
            SeedTurnResult? result;
            try
            {
                result = await turn.RunAsync(sessionId, message,
                    (evt, ct) => SendAsync(socket, SeedEventFrame.From(evt), ct), cancellationToken);
            }
            catch (Exception ex) when (ex is InputValidationException or RunConflictException)
            {
                await SendAsync(socket, new SeedTextFrame("error", ex is InputValidationException invalid ? invalid.Detail : ex.Message), cancellationToken);
                continue;
            }
            object reply = result switch
            {
                null => new SeedTextFrame("error", SeedError.SessionNotFound),
                { Response: { } response } => new SeedResponseFrame("response", response, sessionId),
                _ => new SeedTextFrame("error", $"Error processing message: {result.Error}"),
            };
            await SendAsync(socket, reply, cancellationToken);
        }
    }

    /// <summary>The next text message, or null when the client closed the socket (which is then closed in turn).</summary>
    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return null;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxReceiveBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {MaxReceiveBytes} bytes.", cancellationToken);
                return null;
            }
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }

    /// <summary>Reads <c>message</c> from <c>{"message": ...}</c>; a missing or null one is empty, a non-string is invalid.</summary>
    private static bool TryReadMessage(string text, out string? message)
    {
        message = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            if (!json.RootElement.TryGetProperty("message", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return true;
            }
            message = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return value.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ValueTask SendAsync(WebSocket socket, object frame, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame, frame.GetType(), SeedJson.Options).AsMemory(), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<bool> IsAllowedOriginAsync(HttpContext http, string origin)
    {
        var policy = await http.RequestServices.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(http, ApiEndpoints.CorsPolicy);
        var self = $"{http.Request.Scheme}://{http.Request.Host}";
        return string.Equals(origin, self, StringComparison.OrdinalIgnoreCase) || policy?.IsOriginAllowed(origin) == true;
    }
}

/// <summary><c>status</c> and <c>error</c> frames.</summary>
internal sealed record SeedTextFrame(string Type, string Content);

/// <summary>The final answer; <c>content</c> is what <c>POST /sessions/{id}/messages</c> answers.</summary>
internal sealed record SeedResponseFrame(string Type, SeedMessageResponse Content, Guid SessionId);

/// <summary>
/// One of our run events (<c>event</c> names it: <c>agent_started</c>, <c>text_delta</c>, <c>agent_completed</c>, ...;
/// <c>sequence</c> is the session's event number, as in our SSE stream).
/// </summary>
internal sealed record SeedEventFrame(string Type, string Event, long Sequence, Guid RunId, object Data)
{
    public static SeedEventFrame From(SessionEvent evt) => new("event", evt.Type, evt.Sequence, evt.RunId, evt.Data);
}
