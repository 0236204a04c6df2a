using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// The real app (Program) on a test database and the offline model. Settings are applied with UseSetting so
/// Program sees them while it registers services.
/// </summary>
public class AppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>An app on a fresh SQLite file in a temp folder.</summary>
    public static AppFactory OnSqlite(string folder, IReadOnlyDictionary<string, string?>? extra = null) =>
        new(SqliteSettings(folder, extra));

    /// <summary>Settings for an app on a fresh SQLite file in <paramref name="folder"/>, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> SqliteSettings(string folder, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "app.db")};Default Timeout=30",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return all;
    }

    /// <summary>Replaces the app's services after it registered its own (e.g. a clock); set before the app starts.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>Starts Kestrel on 127.0.0.1 (random port) and returns the base address, for real browsers and real HTTP.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
