using Bunit;
using Microsoft.AspNetCore.Components;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Sharing;
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

    /// <summary>Call after registering services: components that read RendererInfo then see an interactive circuit.</summary>
    protected void UseInteractiveServer() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));
}
