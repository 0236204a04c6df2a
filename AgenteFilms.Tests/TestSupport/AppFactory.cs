using System.Net;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// The real app (Program) on a test database and the offline model. Settings are applied with UseSetting so
/// Program sees them while it registers services. <see cref="TestUser.Default"/> is provisioned at start-up
/// (<c>Auth:Bootstrap:*</c>) and <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> sends its token;
/// <see cref="CreateAnonymousClient"/> sends none, <see cref="CreateClientForAsync"/> acts as another account.
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
        // The default user, unless the test sets its own bootstrap or starts without a database schema.
        var migrates = !settings.TryGetValue("Database:MigrateOnStartup", out var migrate) || !string.Equals(migrate, "false", StringComparison.OrdinalIgnoreCase);
        if (migrates)
        {
            foreach (var (key, value) in TestUser.Default.BootstrapSettings)
            {
                builder.UseSetting(key, value);
            }
        }
        // One test user starts many runs in a test class within a minute; the limits' own tests set them explicitly.
        builder.UseSetting("Limits:RunsPerMinutePerUser", "10000");
        builder.UseSetting("Limits:MessagesPerMinutePerUser", "10000");
        builder.UseSetting("Limits:MaxConcurrentRunsPerUser", "100");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>Every client this factory makes acts as <see cref="TestUser.Default"/> (Bearer token).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.SignedIn();
    }

    /// <summary>A client with no credentials (for 401 and anonymous-route tests).</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Registers <paramref name="user"/> (if new) in <paramref name="role"/> with its API token, and returns a client acting as it and its id.</summary>
    public async Task<(HttpClient Client, Guid UserId)> CreateClientForAsync(TestUser user, string role = AppRoles.Writer)
    {
        var id = await EnsureUserAsync(user, role);
        return (CreateClient().SignedIn(user), id);
    }

    /// <summary>The account's id, creating it (with its API token) when it does not exist yet.</summary>
    public async Task<Guid> EnsureUserAsync(TestUser user, string role = AppRoles.Writer)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(user.Email) is { } existing)
        {
            return existing.Id;
        }
        var (result, created) = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .RegisterAsync(user.Email, user.Password, role, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await scope.ServiceProvider.GetRequiredService<ApiTokenStore>()
            .AddAsync(created.Id, "test", ApiTokenService.PrefixOf(user.ApiToken), ApiTokenService.Hash(user.ApiToken), TestContext.Current.CancellationToken);
        return created.Id;
    }

    /// <summary>The id of <see cref="TestUser.Default"/> in this app.</summary>
    public Task<Guid> DefaultUserIdAsync() => EnsureUserAsync(TestUser.Default);

    /// <summary>Starts Kestrel on 127.0.0.1 (random port) and returns the base address, for real browsers and real HTTP.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
