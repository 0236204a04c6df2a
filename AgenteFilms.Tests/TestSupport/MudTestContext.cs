using Bunit;
using Microsoft.AspNetCore.Components;
using AgenteFilms.Data.Stores;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
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
        // Read access (owner or viewer) behind the feature services; resolved only when a service needs it.
        Services.AddScoped<PitchAccess>();
        Services.AddScoped<ViewerService>();
        Services.AddSingleton<ILookupNormalizer, UpperInvariantLookupNormalizer>();
    }

    /// <summary>Registers the Data layer's stores of <paramref name="database"/> (what the feature services need).</summary>
    protected void UseStoresOf(TestDatabase database)
    {
        foreach (var store in new[]
        {
            typeof(SessionStore), typeof(MessageStore), typeof(StateStore), typeof(RunStore), typeof(PitchStore),
            typeof(ShareLinkStore), typeof(ApiTokenStore), typeof(SessionAccessStore),
        })
        {
            Services.AddSingleton(store, database.Services.GetRequiredService(store));
        }
    }

    /// <summary>
    /// The stores plus the session and run services (with their limits) acting as <paramref name="user"/>: what the
    /// dashboard and the new-pitch form call.
    /// </summary>
    protected void UseSessionServices(TestDatabase database, ICurrentUser user, AgentsOptions? agents = null)
    {
        UseStoresOf(database);
        Services.AddSingleton<ICurrentUser>(user);
        Services.AddSingleton(Options.Create(new LlmOptions()));
        Services.AddSingleton(Options.Create(agents ?? new AgentsOptions()));
        Services.AddSingleton(new RunSignal());
        Services.AddSingleton(new RunEventHub(TimeProvider.System));
        Services.AddScoped<PitchAccess>();
        Services.AddScoped<RunService>();
        Services.AddScoped<SessionService>();
        Services.AddRunLimits(database);
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
