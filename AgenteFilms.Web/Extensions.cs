using AgenteFilms.Agents.Providers;
using AgenteFilms.Web.Endpoints;
using AgenteFilms.Web.Features.Account;
using AgenteFilms.Web.Features.Limits;
using AgenteFilms.Web.Endpoints.Compat;
using AgenteFilms.Web.Features.Accounts;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Screenplay;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Web.Infrastructure;
using AgenteFilms.Web.Infrastructure.Operations;
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
        services.AddSeedCompatibility();
        services.KeepQueryStringsOutOfLogs();

        services.AddAccounts();
        services.AddScoped<PitchAccess>();
        services.AddScoped<ViewerService>();
        services.AddSingleton<UserRateLimits>();
        services.AddSingleton<DailyUsageBudget>();
        // The agents consult it before every model call (UsageBudgetChatClient in the provider pipeline).
        services.AddSingleton<IUsageBudget>(sp => sp.GetRequiredService<DailyUsageBudget>());
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
        services.AddScoped<DataExportService>();
        services.AddScoped<Features.Usage.UsageService>();
        services.AddScoped<Features.Usage.CostEstimateService>();
        services.AddScoped<Features.Settings.UserSettingsService>();
        services.AddScoped<Features.Settings.ThemeState>();
        services.AddHostedService<RunWorker>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        services.AddOperations(configuration);
        return services;
    }
}
