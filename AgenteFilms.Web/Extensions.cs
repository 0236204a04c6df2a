using AgenteFilms.Web.Endpoints;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using MudBlazor.Services;

namespace AgenteFilms.Web;

public static class Extensions
{
    /// <summary>UI, feature services and operations endpoints of the web app.</summary>
    public static IServiceCollection AddWebServices(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddApi();

        services.AddSingleton<ICurrentUser, LocalCurrentUser>();
        services.AddScoped<SessionService>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
