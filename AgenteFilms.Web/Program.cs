using AgenteFilms.Agents;
using Microsoft.AspNetCore.Diagnostics;
using AgenteFilms.Data;
using AgenteFilms.Web;
using AgenteFilms.Web.Infrastructure;
using AgenteFilms.Web.Infrastructure.Operations;
using AgenteFilms.Web.Components;
using AgenteFilms.Web.Endpoints;
using AgenteFilms.Web.Endpoints.Compat;
using AgenteFilms.Web.Features.Accounts;
using AgenteFilms.Web.Features.Accounts.Admin;

// `admin ...` runs an account command on the configured database and exits; its words are not configuration.
var admin = AdminCommands.IsAdmin(args);
var builder = WebApplication.CreateBuilder(admin ? [] : args);
if (admin)
{
    // Standard output carries only the command's result (a password or a token), so scripts can capture it.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

builder.Services.AddAgenteFilmsData(builder.Configuration);
builder.Services.AddAgenteFilmsAgents();
builder.Services.AddWebServices(builder.Configuration);

var app = builder.Build();

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    // Before serving and before the runner claims work: both need the current schema.
    await app.Services.MigrateDatabaseAsync();
    if (!admin)
    {
        await app.Services.TakeOverLocalDataAsync();
    }
}
if (admin)
{
    return await AdminCommands.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
}
await app.Services.BootstrapAccountsAsync();

// API errors become ProblemDetails (ApiExceptionHandler); pages fall through to the error page.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Error",
    CreateScopeForErrors = true,
    // Bad input answered as ProblemDetails is not a server error: don't log it as one.
    SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService
        && c.HttpContext.Response.StatusCode < StatusCodes.Status500InternalServerError,
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseSecurityHeaders();
// Bodiless error statuses: ProblemDetails for the API, {"detail"} on the seed surface, the not-found page for people.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(c => SeedCompatibility.Owns(c.Request.Path), seed => seed.UseSeedStatusCodePages());
app.UseWhen(c => !AccountsExtensions.IsNonPage(c.Request.Path),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapSeedCompatibility();
app.MapApi();
app.MapAccountEndpoints();
app.MapRazorComponents<App>()
    // Our policy already says frame-ancestors 'none' (SecurityHeaders); Blazor's default would add a looser 'self'.
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
