using Bunit;
using Microsoft.AspNetCore.Components;
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

    /// <summary>Call after registering services: components that read RendererInfo then see an interactive circuit.</summary>
    protected void UseInteractiveServer() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));
}
