using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace AgenteFilms.Agents.Providers.Http;

/// <summary>
/// The outermost HTTP handler of one profile's provider client. It tags the request with its profile (which picks the
/// profile's resilience pipeline), hands it to a handler from <see cref="IHttpMessageHandlerFactory"/>, and turns the
/// final outcome into a <see cref="ModelRequestException"/> that says what happened in plain words.
/// </summary>
/// <remarks>
/// A handler is fetched from the factory per request rather than held: the provider clients are cached for the app's
/// lifetime, and holding one handler chain forever would defeat the factory's handler rotation (DNS changes).
/// </remarks>
internal sealed class ModelHttpHandler(ResolvedModelProfile profile, IHttpMessageHandlerFactory handlers) : HttpMessageHandler
{
    private const int MaxServerMessageLength = 300;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tracker = new AttemptTracker();
        request.Options.Set(ModelHttp.ProfileKey, profile.Name);
        request.Options.Set(ModelHttp.AttemptsKey, tracker);
        if (profile.Options.UseLegacyMaxTokens)
        {
            await UseLegacyMaxTokensAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var invoker = new HttpMessageInvoker(handlers.CreateHandler(ModelHttp.ClientName), disposeHandler: false);
        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw TimedOut(tracker.Attempts, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(tracker.Attempts, ex);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var host = request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "the endpoint";
            throw new ModelRequestException(
                profile.Name,
                ModelFailureKind.Unreachable,
                $"Model request to profile '{profile.Name}' failed after {Plural(tracker.Attempts)}: could not reach {host} ({ex.Message}).",
                attempts: tracker.Attempts,
                innerException: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = response.StatusCode;
            // 401/403 bodies may echo part of the key: never carry them along.
            var serverMessage = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? null
                : await ReadServerMessageAsync(response, cancellationToken).ConfigureAwait(false);
            var message = $"Model request to profile '{profile.Name}' failed after {Plural(tracker.Attempts)}: "
                + HttpStatusText.Describe(status, response.ReasonPhrase)
                + (serverMessage is null ? "." : $" ({serverMessage})");
            throw new ModelRequestException(
                profile.Name, ModelFailureKind.HttpError, message, status, tracker.Attempts, serverMessage);
        }
    }

    private ModelRequestException TimedOut(int attempts, Exception inner) => new(
        profile.Name,
        ModelFailureKind.Timeout,
        $"Model request to profile '{profile.Name}' timed out after {Plural(attempts)} "
            + $"(attempt timeout {profile.Options.AttemptTimeoutSeconds} s, total timeout {profile.Options.TotalTimeoutSeconds} s).",
        attempts: attempts,
        innerException: inner);

    private static string Plural(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    /// <summary>The provider's <c>error.message</c> (OpenAI's error shape), or the start of a plain-text body.</summary>
    private static async Task<string?> ReadServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        string? text;
        try
        {
            var json = JsonNode.Parse(body);
            text = json?["error"] switch
            {
                JsonObject error => error["message"]?.GetValue<string>(),
                JsonValue value => value.ToString(),
                _ => json?["detail"]?.ToString() ?? json?["message"]?.ToString(),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            text = response.Content.Headers.ContentType?.MediaType == "text/html" ? null : body;
        }
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null
            : text.Length <= MaxServerMessageLength ? text
            : string.Concat(text.AsSpan(0, MaxServerMessageLength), "…");
    }

    /// <summary>Renames <c>max_completion_tokens</c> to <c>max_tokens</c> for servers that only know the older name.</summary>
    private static async Task UseLegacyMaxTokensAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return;
        }
        var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentType = request.Content.Headers.ContentType ?? new MediaTypeHeaderValue("application/json");
        if (JsonNode.Parse(bytes) is JsonObject body && body.Remove("max_completion_tokens", out var value))
        {
            body["max_tokens"] = value;
            bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        }
        request.Content = new ByteArrayContent(bytes) { Headers = { ContentType = contentType } };
    }
}
