using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace AgenteFilms.Web.Endpoints;

public static class ApiEndpoints
{
    /// <summary>JSON, ProblemDetails, OpenAPI for the <c>/api</c> surface.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
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
        var api = app.MapGroup("/api").DisableAntiforgery();
        api.MapSessionsApi();
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
