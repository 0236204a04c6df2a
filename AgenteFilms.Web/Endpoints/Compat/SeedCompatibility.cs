using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>
/// The original Python API's contract beside our own <c>/api</c> (DECISIONS §1): <c>/health</c> always, and when
/// <c>Compat:Enabled</c> the session, message and WebSocket routes, mapped onto the same services and the same
/// durable runner. snake_case JSON, errors as <c>{"detail": ...}</c>, CORS from <c>Cors:Origins</c>.
/// </summary>
public static class SeedCompatibility
{
    public const string HealthPath = "/health";

    public static IServiceCollection AddSeedCompatibility(this IServiceCollection services)
    {
        services.AddOptions<CompatOptions>().BindConfiguration(CompatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SeedTurn>();
        return services;
    }

    /// <summary>True for the paths of the seed surface, which answer JSON only and errors as <c>{"detail": ...}</c>.</summary>
    public static bool Owns(PathString path) =>
        path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/sessions", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/ws/sessions", StringComparison.OrdinalIgnoreCase);

    /// <summary>Bodiless error statuses on the seed paths (unknown route, wrong method, later 401) as <c>{"detail": ...}</c>.</summary>
    public static IApplicationBuilder UseSeedStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context => SeedError.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
            new SeedError(ReasonPhrases.GetReasonPhrase(context.HttpContext.Response.StatusCode)), context.HttpContext.RequestAborted));

    public static IEndpointRouteBuilder MapSeedCompatibility(this IEndpointRouteBuilder app)
    {
        // Always on: it answers nothing secret, and the seed's client checks it before anything else.
        app.MapGet(HealthPath, () => TypedResults.Json(new SeedHealth("healthy", "agente-films-api"), SeedJson.Options))
            .RequireCors(ApiEndpoints.CorsPolicy)
            .AllowAnonymous()
            .ExcludeFromDescription();

        var options = app.ServiceProvider.GetRequiredService<IOptions<CompatOptions>>().Value;
        if (!options.Enabled)
        {
            // Say so, rather than leave a seed client with a bare 404 (or a page fallback's 405).
            var off = SeedError.Result(StatusCodes.Status404NotFound, "The seed-compatible API is not enabled on this server (Compat:Enabled).");
            app.Map("/sessions/{**rest}", () => off).AllowAnonymous().ExcludeFromDescription();
            app.Map("/ws/sessions/{**rest}", () => off).AllowAnonymous().ExcludeFromDescription();
            return app;
        }
        if (options.AllowAnonymous)
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedCompatibility)).LogWarning(
                "Compat:AllowAnonymous is on: calls to the seed-compatible API without a token act as {UserEmail}. Use it only on a local single-user setup.",
                options.UserEmail ?? "the local user");
        }

        // Every seed route is in this one group, so authorization (the API's Bearer token, or the AllowAnonymous user)
        // attaches here. Its OpenAPI schema would show our camelCase names, so README documents it instead.
        var seed = app.MapGroup("")
            .WithTags("Seed-compatible")
            .RequireCors(ApiEndpoints.CorsPolicy)
            .RequireRateLimiting(RateLimiting.WritePolicy)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        if (options.AllowAnonymous)
        {
            seed.AllowAnonymous().AddEndpointFilter<SeedAnonymousUserFilter>();
        }
        else
        {
            seed.RequireAuthorization();
        }
        seed.MapSeedSessions();
        seed.MapSeedWebSocket(app);
        return app;
    }
}
