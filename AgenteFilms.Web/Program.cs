using AgenteFilms.Agents;
using AgenteFilms.Data;
using AgenteFilms.Web;
using AgenteFilms.Web.Infrastructure;
using AgenteFilms.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAgenteFilmsData(builder.Configuration);
builder.Services.AddAgenteFilmsAgents();
builder.Services.AddWebServices();

var app = builder.Build();

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    // Before serving and before the runner claims work: both need the current schema.
    await app.Services.MigrateDatabaseAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
