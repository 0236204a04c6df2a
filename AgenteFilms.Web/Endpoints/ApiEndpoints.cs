using System.Text.Json.Serialization;
using AgenteFilms.Web.Infrastructure;
using Scalar.AspNetCore;

namespace AgenteFilms.Web.Endpoints;

public static class ApiEndpoints
{
    public const string CorsPolicy = "api";

    /// <summary>JSON, ProblemDetails, OpenAPI, CORS (<c>Cors:Origins</c>) and rate limits for the <c>/api</c> surface.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("Location", "Retry-After")));
        services.AddApiRateLimiting(configuration);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Wrong JSON types must be a 400, not silently coerced.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Let the exception handler turn unreadable bodies and unbindable route values into ProblemDetails.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        return services;
    }

    /// <summary>Maps <c>/api</c>, <c>/openapi/v1.json</c> and the API reference UI at <c>/scalar</c>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").DisableAntiforgery().RequireRateLimiting(RateLimiting.WritePolicy).RequireCors(CorsPolicy)
            .RequireAuthorization().AddEndpointFilter<SessionAccessFilter>();
        api.MapSessionsApi();
        api.MapRunsApi();
        api.MapScreenplayApi();
        api.MapPitchApi();
        api.MapSharingApi();
        api.MapAccountDataApi();
        api.MapUsageApi();
        app.MapSharedDownloads();
        app.MapOpenApi().RequireAuthorization();
        // Fonts from our own origin: the page's policy allows nothing else (SecurityHeaders).
        app.MapScalarApiReference(o => o.DisableDefaultFonts()).RequireAuthorization();
        return app;
    }
}
