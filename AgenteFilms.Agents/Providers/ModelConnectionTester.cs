using System.Net;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers;

/// <summary>Why a connection test failed, for the settings page to choose its wording and icon.</summary>
public enum ConnectionFailure
{
    UnknownProfile,
    Configuration,
    WrongKey,
    ModelNotFound,
    RateLimited,
    ServerError,
    BadRequest,
    Unreachable,
    Timeout,
    Other,
}

/// <summary>The outcome of <see cref="ModelConnectionTester.TestConnectionAsync"/>; <see cref="Message"/> is for people.</summary>
public sealed record ConnectionTestResult(
    string Profile,
    bool Success,
    TimeSpan Latency,
    string Message,
    ConnectionFailure? Failure = null,
    HttpStatusCode? StatusCode = null);

/// <summary>Checks a profile by sending one tiny request through the same pipeline the agents use.</summary>
public sealed class ModelConnectionTester(IChatClientFactory factory, TimeProvider timeProvider)
{
    private static readonly ChatMessage[] s_probe = [new(ChatRole.User, "Reply with the single word OK.")];

    public async Task<ConnectionTestResult> TestConnectionAsync(string profile, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        ResolvedModelProfile resolved;
        try
        {
            resolved = factory.Resolve(profile);
        }
        catch (UnknownModelProfileException ex)
        {
            return new(profile, false, TimeSpan.Zero, $"There is no model profile named '{ex.ProfileName}'.", ConnectionFailure.UnknownProfile);
        }

        try
        {
            var client = factory.Create(resolved.Name);
            var response = await client.GetResponseAsync(s_probe, new ChatOptions { MaxOutputTokens = 16 }, cancellationToken).ConfigureAwait(false);
            var latency = timeProvider.GetElapsedTime(started);
            var model = response.ModelId ?? resolved.Options.Model;
            return new(resolved.Name, true, latency, $"Connected to {resolved.Label} ({model}) in {latency.TotalMilliseconds:0} ms.");
        }
        catch (ModelRequestException ex)
        {
            return Failed(resolved, ex, timeProvider.GetElapsedTime(started));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new(resolved.Name, false, timeProvider.GetElapsedTime(started), $"The test request failed: {ex.Message}", ConnectionFailure.Other);
        }
    }

    private static ConnectionTestResult Failed(ResolvedModelProfile profile, ModelRequestException ex, TimeSpan latency)
    {
        var settings = profile.Options;
        var where = string.IsNullOrWhiteSpace(settings.Endpoint) ? "the provider" : settings.Endpoint;
        var (failure, message) = ex.Kind switch
        {
            ModelFailureKind.Configuration => (ConnectionFailure.Configuration, ex.Message),
            ModelFailureKind.Timeout => (ConnectionFailure.Timeout,
                $"{where} did not answer in time (attempt timeout {settings.AttemptTimeoutSeconds} s, total {settings.TotalTimeoutSeconds} s)."),
            ModelFailureKind.Unreachable => (ConnectionFailure.Unreachable,
                $"Could not reach {where}. Check the endpoint address and that the server is running."),
            _ => ex.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (ConnectionFailure.WrongKey,
                    $"{where} rejected the API key ({(int)ex.StatusCode}). Check Llm:Profiles:{profile.Name}:ApiKey."),
                HttpStatusCode.NotFound => (ConnectionFailure.ModelNotFound,
                    $"{where} does not know the model '{ModelName(settings)}' (404), or the endpoint path is wrong (OpenAI-compatible endpoints usually end in /v1)."
                        + Detail(ex)),
                HttpStatusCode.TooManyRequests => (ConnectionFailure.RateLimited,
                    $"{where} is rate limiting this key (429). The key works; try again later." + Detail(ex)),
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => (ConnectionFailure.BadRequest,
                    $"{where} refused the request ({(int)ex.StatusCode!})." + Detail(ex)),
                >= HttpStatusCode.InternalServerError => (ConnectionFailure.ServerError,
                    $"{where} had a server error ({(int)ex.StatusCode!}) after {ex.Attempts} attempts." + Detail(ex)),
                _ => (ConnectionFailure.Other, ex.Message),
            },
        };
        return new(profile.Name, false, latency, message, failure, ex.StatusCode);
    }

    private static string ModelName(ModelProfileOptions settings) =>
        settings.Provider == LlmProvider.AzureOpenAI ? settings.AzureDeployment : settings.Model;

    private static string Detail(ModelRequestException ex) => ex.ServerMessage is { } text ? $" The server said: {text}" : "";
}
