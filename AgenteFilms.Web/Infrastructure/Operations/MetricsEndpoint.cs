using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AgenteFilms.Web.Infrastructure.Operations;

/// <summary>The <c>Metrics</c> settings.</summary>
public sealed class MetricsEndpointOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// A secret a Prometheus server on another host presents as <c>Authorization: Bearer &lt;token&gt;</c>.
    /// Empty: only loopback clients may scrape.
    /// </summary>
    public string? ScrapeToken { get; set; }
}

/// <summary>
/// <c>/metrics</c>: the Prometheus text exposition of every meter in <see cref="Telemetry"/>. Answers loopback clients
/// and clients presenting <c>Metrics:ScrapeToken</c> as a Bearer token; refuses everything else (see
/// <see cref="MetricsAccessMiddleware"/>). Its own check, independent of the app's authentication.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddOptions<MetricsEndpointOptions>().BindConfiguration(MetricsEndpointOptions.Section);
        return services;
    }

    public static IEndpointConventionBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null,
                configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccessMiddleware>(), optionsName: null)
            // The access check is the middleware above; app-wide authorization (a fallback policy) must not add its own.
            .AllowAnonymous()
            .ExcludeFromDescription();
}

/// <summary>What <see cref="MetricsAccessMiddleware"/> decided.</summary>
public enum MetricsAccess
{
    /// <summary>A loopback client that did not come through a proxy.</summary>
    Loopback,
    /// <summary>The configured scrape token was presented.</summary>
    Token,
    /// <summary>A token is configured but none, or another, was presented: 401.</summary>
    NeedsToken,
    /// <summary>No token is configured, so only loopback clients may scrape: 403.</summary>
    LoopbackOnly,
}

/// <summary>
/// Guards <c>/metrics</c>. Loopback clients pass, unless the request carries a forwarding header (<c>Forwarded</c>,
/// <c>X-Forwarded-For</c>, <c>X-Real-IP</c>): then a proxy on this machine relayed it from elsewhere. Other clients
/// pass with <c>Authorization: Bearer &lt;Metrics:ScrapeToken&gt;</c> (compared in constant time). Refusals: 401 with
/// <c>WWW-Authenticate: Bearer</c> when a token is configured, 403 when none is (nothing would help).
/// </summary>
public sealed partial class MetricsAccessMiddleware(RequestDelegate next, IOptionsMonitor<MetricsEndpointOptions> options, ILogger<MetricsAccessMiddleware> logger)
{
    private static readonly string[] s_forwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Real-IP"];

    public async Task InvokeAsync(HttpContext context)
    {
        var access = Decide(context, options.CurrentValue.ScrapeToken);
        if (access is MetricsAccess.Loopback or MetricsAccess.Token)
        {
            await next(context);
            return;
        }

        LogRefused(context.Connection.RemoteIpAddress, access);
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (access == MetricsAccess.NeedsToken)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            var presented = BearerToken(context.Request) is not null;
            response.Headers.WWWAuthenticate = presented ? "Bearer realm=\"metrics\", error=\"invalid_token\"" : "Bearer realm=\"metrics\"";
            // A body, so the not-found page does not replace it.
            await response.WriteAsync("/metrics needs the scrape token: Authorization: Bearer <Metrics:ScrapeToken>.\n");
        }
        else
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsync("/metrics answers loopback clients only; set Metrics:ScrapeToken to allow a remote scraper.\n");
        }
    }

    public static MetricsAccess Decide(HttpContext context, string? scrapeToken)
    {
        if (IsDirectLoopback(context))
        {
            return MetricsAccess.Loopback;
        }
        if (string.IsNullOrEmpty(scrapeToken))
        {
            return MetricsAccess.LoopbackOnly;
        }
        return BearerToken(context.Request) is { } presented && FixedTimeEquals(presented, scrapeToken)
            ? MetricsAccess.Token
            : MetricsAccess.NeedsToken;
    }

    private static bool IsDirectLoopback(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            // No address (an in-process server, a Unix socket behind a proxy): not provably local.
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address) && !s_forwardingHeaders.Any(context.Request.Headers.ContainsKey);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    /// <summary>Compares hashes, so neither the content nor the length of the token leaks through timing.</summary>
    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused /metrics to {RemoteAddress}: {Access}")]
    private partial void LogRefused(IPAddress? remoteAddress, MetricsAccess access);
}
