using AgenteFilms.Web.Endpoints;
using AgenteFilms.Web.Features.Accounts;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Screenplay;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Web.Infrastructure;
using MudBlazor.Services;

namespace AgenteFilms.Web;

public static class Extensions
{
    /// <summary>UI, feature services and operations endpoints of the web app.</summary>
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddApi(configuration);

        services.AddAccounts();
        services.AddScoped<PitchAccess>();
        services.AddScoped<ViewerService>();
        services.AddScoped<SessionService>();
        services.AddScoped<ConversationService>();

        services.AddOptions<RunOptions>().BindConfiguration(RunOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunEventHub>();
        services.AddSingleton<RunSignal>();
        services.AddScoped<SessionRunner>();
        services.AddScoped<RunService>();
        services.AddScoped<ScreenplayService>();
        services.AddScoped<PitchService>();
        services.AddPitchExport();
        services.AddScoped<ShareService>();
        services.AddHostedService<RunWorker>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
