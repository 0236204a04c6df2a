using AgenteFilms.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenteFilms.Data;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the provider chosen by <c>Database:Provider</c>, a context factory exposed as
    /// <see cref="IDbContextFactory{AgenteFilmsDbContext}"/> (a context per operation: Blazor circuits and the
    /// background runner must not share one), and the stores.
    /// </summary>
    public static IServiceCollection AddAgenteFilmsData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set ConnectionStrings__Postgres.");
                }
                services.AddDbContextFactory<PostgresAgenteFilmsDbContext>(o => o.UseNpgsql(postgres));
                services.AddSingleton<IDbContextFactory<AgenteFilmsDbContext>, ContextFactory<PostgresAgenteFilmsDbContext>>();
                break;
            default:
                var sqlite = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), options.DataFolder);
                services.AddDbContextFactory<SqliteAgenteFilmsDbContext>(o => o.UseSqlite(sqlite));
                services.AddSingleton<IDbContextFactory<AgenteFilmsDbContext>, ContextFactory<SqliteAgenteFilmsDbContext>>();
                break;
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<MessageStore>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<PitchStore>();
        services.AddSingleton<ShareLinkStore>();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<UserSettingsStore>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<SessionAccessStore>();
        services.AddSingleton<AccountStore>();
        return services;
    }

    /// <summary>The configured SQLite connection string, or a file in the data folder (created if missing).</summary>
    internal static string SqliteConnectionString(string? configured, string? dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var folder = string.IsNullOrWhiteSpace(dataFolder)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "AgenteFilms")
            : dataFolder;
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "agente-films.db"), DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Applies pending migrations. Runs before the app serves requests or the runner claims work.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AgenteFilmsDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AgenteFilms.Data.Migrations");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // WAL lets the UI read while the background runner writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations with {Provider}", pending.Count, db.Database.ProviderName);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AgenteFilmsDbContext>
        where TContext : AgenteFilmsDbContext
    {
        public AgenteFilmsDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
