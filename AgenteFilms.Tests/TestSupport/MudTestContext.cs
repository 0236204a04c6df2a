using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>bUnit context with MudBlazor services, loose JS interop and an interactive server renderer.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>
    /// What the new-pitch form and the regenerate dialog need besides the stores: the agents layer (for the cost
    /// estimator, on default settings), the estimate and user-settings services, on the test database's stores.
    /// </summary>
    protected void AddEstimatesAndUserSettings(IServiceProvider database)
    {
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        AgenteFilms.Agents.DependencyInjection.AddAgenteFilmsAgents(Services);
        Services.AddSingleton(database.GetRequiredService<AgenteFilms.Data.Stores.UserSettingsStore>());
        Services.AddScoped<AgenteFilms.Web.Features.Usage.CostEstimateService>();
        Services.AddScoped<AgenteFilms.Web.Features.Settings.UserSettingsService>();
    }

    /// <summary>Call after registering services: components that read RendererInfo then see an interactive circuit.</summary>
    protected void UseInteractiveServer() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));
}
