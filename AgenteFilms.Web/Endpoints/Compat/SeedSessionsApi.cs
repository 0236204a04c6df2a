using System.Text.Json;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>The seed's session routes: create, get, and send a message that runs to completion.</summary>
internal static class SeedSessionsApi
{
    /// <summary>Bytes a create body may have: room for <see cref="PitchLimits.MaxMetadata"/> characters of metadata.</summary>
    private const long MaxCreateBody = 64 * 1024;

    public static RouteGroupBuilder MapSeedSessions(this RouteGroupBuilder seed)
    {
        seed.MapPost("/sessions", CreateAsync).WithMetadata(new RequestSizeLimitAttribute(MaxCreateBody));
        seed.MapGet("/sessions/{id}", GetAsync);
        seed.MapPost("/sessions/{id}/messages", SendMessageAsync);
        return seed;
    }

    private static async Task<JsonHttpResult<SeedSession>> CreateAsync(HttpRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        var metadata = await ReadMetadataAsync(request, cancellationToken);
        var session = await sessions.CreateUntitledAsync(metadata, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"/sessions/{session.Id}";
        return TypedResults.Json(SeedSession.From(session), SeedJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<SeedSession>, JsonHttpResult<SeedError>>> GetAsync(
        string id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.GetAsync(SeedTurn.ParseSessionId(id), cancellationToken) is { } session
            ? TypedResults.Json(SeedSession.From(session), SeedJson.Options)
            : SeedError.Result(StatusCodes.Status404NotFound, SeedError.SessionNotFound);

    private static async Task<Results<JsonHttpResult<SeedMessageResponse>, JsonHttpResult<SeedError>>> SendMessageAsync(
        string id, SeedMessageRequest request, SeedTurn turn, CancellationToken cancellationToken)
    {
        var result = await turn.RunAsync(SeedTurn.ParseSessionId(id), request.Message, onEvent: null, cancellationToken);
        return result switch
        {
            null => SeedError.Result(StatusCodes.Status404NotFound, SeedError.SessionNotFound),
            { Response: { } response } => TypedResults.Json(response, SeedJson.Options),
            _ => SeedError.Result(StatusCodes.Status500InternalServerError, $"Error processing message: {result.Error}"),
        };
    }

    /// <summary>
    /// The seed's create took no body, so its clients send none (axios posts an empty one), <c>{}</c>, or
    /// <c>{"session_metadata": {...}}</c>. Anything else that is not a JSON object is an input error.
    /// </summary>
    private static async Task<JsonElement?> ReadMetadataAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InputValidationException("body", $"The body is not valid JSON: {ex.Message}");
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputValidationException("body", """The body must be a JSON object, e.g. {"session_metadata": {"source": "web"}}.""");
            }
            return body.RootElement.TryGetProperty("session_metadata", out var metadata) ? metadata.Clone() : null;
        }
    }
}
