using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AgenteFilms.Agents.Providers.Http;

/// <summary>
/// The resilience pipeline of one profile: total timeout → retries (exponential backoff with jitter, honouring
/// <c>Retry-After</c>) → per-attempt timeout. No circuit breaker: a breaker shared by all requests of a profile would
/// turn one slow provider minute into refused requests for everyone, and it needs a sampling window tied to the
/// attempt timeout to be correct; retries with a total budget are enough here.
/// </summary>
internal static class ModelResilience
{
    /// <summary>Statuses worth another attempt: rate limited, and the server errors that are usually transient.</summary>
    private static readonly HashSet<HttpStatusCode> s_transient =
    [
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModelProfileOptions profile, TimeProvider timeProvider)
    {
        var total = TimeSpan.FromSeconds(profile.TotalTimeoutSeconds);
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = total });

        if (profile.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = profile.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(profile.RetryBaseDelayMs),
                MaxDelay = total,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, total, timeProvider)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = TimeSpan.FromSeconds(profile.AttemptTimeoutSeconds) });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan total, TimeProvider timeProvider)
    {
        if (outcome.Exception is not null)
        {
            // Connection failures and attempt timeouts; a cancelled caller is never retried.
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }
        var response = outcome.Result;
        if (response is null || !s_transient.Contains(response.StatusCode))
        {
            return false;
        }
        // A server asking us to come back after the whole budget has run out: waiting would only end in a timeout
        // that hides the real answer (429), so stop now.
        return RetryAfter(response.Headers.RetryAfter, timeProvider) is not { } wait || wait < total;
    }

    /// <summary>The delay a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null when absent.</summary>
    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
