using System.Text.Json;
using System.Text.Json.Serialization;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>The seed surface's JSON: snake_case, as the original FastAPI served it (our <c>/api</c> is camelCase).</summary>
internal static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new MicrosecondUtcConverter() },
    };

    /// <summary>
    /// Timestamps as the seed's Pydantic wrote them, <c>2025-01-01T09:30:00.123456Z</c>: microseconds, not .NET's seven
    /// digits, which Python before 3.11 (<c>datetime.fromisoformat</c>) cannot read.
    /// </summary>
    private sealed class MicrosecondUtcConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A session as the seed showed it. <c>status</c> uses the seed's words.</summary>
public sealed record SeedSession(Guid Id, string Status, JsonElement? SessionMetadata, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SeedSession From(Session session)
    {
        JsonElement? metadata = null;
        if (session.MetadataJson is { } json)
        {
            using var document = JsonDocument.Parse(json);
            metadata = document.RootElement.Clone();
        }
        // The seed knew active, completed, failed and cancelled sessions; ours are open until archived.
        var status = session.Status == SessionStatus.Archived ? "completed" : "active";
        return new SeedSession(session.Id, status, metadata, session.CreatedAt, session.UpdatedAt);
    }
}

/// <summary><c>POST /sessions/{id}/messages</c> body, and what a WebSocket client sends.</summary>
public sealed record SeedMessageRequest(string? Message);

/// <summary>One agent step: <c>status</c> is <c>starting</c>, <c>completed</c> or <c>error</c>.</summary>
public sealed record SeedThought(string Agent, string Text, string Status);

/// <summary>The answer to a message: the final Markdown and the agents' steps in order.</summary>
public sealed record SeedMessageResponse(string Response, Guid SessionId, IReadOnlyList<SeedThought> Thoughts);

/// <summary><c>GET /health</c>.</summary>
public sealed record SeedHealth(string Status, string Service);

/// <summary>
/// The seed's error body, <c>{"detail": "..."}</c>, with <c>errors</c> per field for invalid input (DECISIONS §2).
/// Plain application/json, never ProblemDetails: the seed's clients read <c>detail</c>.
/// </summary>
public sealed record SeedError(
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors = null)
{
    public const string SessionNotFound = "Session not found";

    public static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<SeedError> Result(int status, string detail) =>
        TypedResults.Json(new SeedError(detail), SeedJson.Options, statusCode: status);

    public static Task WriteAsync(HttpContext http, int status, SeedError error, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(error, SeedJson.Options, cancellationToken);
    }
}
