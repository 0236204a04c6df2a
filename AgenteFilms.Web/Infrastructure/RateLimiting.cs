using System.Globalization;
using System.Threading.RateLimiting;
using AgenteFilms.Web.Endpoints.Compat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AgenteFilms.Web.Infrastructure;

public static class RateLimiting
{
    public const string WritePolicy = "api-writes";

    /// <summary>A fixed window per client on API calls that start work; 429 ProblemDetails with Retry-After.</summary>
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(WritePolicy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                // Until accounts exist, the client address is the partition.
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RequestsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limits.WindowSeconds);
                var http = context.HttpContext;
                var detail = $"Slow down: try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.";
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (SeedCompatibility.Owns(http.Request.Path))
                {
                    await SeedError.WriteAsync(http, StatusCodes.Status429TooManyRequests, new SeedError(detail), cancellationToken);
                    return;
                }
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = detail,
                    },
                });
            };
        });
        return services;
    }
}
