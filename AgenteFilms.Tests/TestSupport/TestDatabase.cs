using AgenteFilms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>A fresh, migrated database of one provider, for one test class.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private ServiceProvider? _services;

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public IDbContextFactory<AgenteFilmsDbContext> Contexts =>
        Services.GetRequiredService<IDbContextFactory<AgenteFilmsDbContext>>();

    /// <summary>The Data layer as the app registers it, on this database.</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        [$"ConnectionStrings:{Provider}"] = ConnectionString,
    };

    /// <summary>False when the provider's server is missing (the test then skips, or fails in CI: call <see cref="Require"/>).</summary>
    public bool Available { get; private set; } = true;

    /// <summary>Call at the start of a test: skips it (or fails it in CI) when the database is unavailable.</summary>
    public virtual TestDatabase Require() => this;

    public virtual async ValueTask InitializeAsync()
    {
        if (!await CreateAsync())
        {
            Available = false;
            return;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AppSettings).Build();
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<IConfiguration>(configuration);
        services.AddAgenteFilmsData(configuration);
        _services = services.BuildServiceProvider();
        await _services.MigrateDatabaseAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await DropAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the empty database; false when its server is not available.</summary>
    protected abstract Task<bool> CreateAsync();

    protected abstract Task DropAsync();
}

/// <summary>A SQLite file in a temp folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agentefilms-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "test.db")};Default Timeout=30";

    protected override Task<bool> CreateAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult(true);
    }

    protected override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is only litter in /tmp.
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A database of its own on the PostgreSQL server that scripts/test.sh starts
/// (<c>AGENTEFILMS_TEST_POSTGRES</c> = a connection string to its maintenance database).
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "AGENTEFILMS_TEST_POSTGRES";

    private readonly string _name = "af_" + Guid.NewGuid().ToString("N");
    private string? _server;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = true }.ToString();

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    /// <summary>Skips the calling test (fails it in CI) when no PostgreSQL server is configured.</summary>
    public static string RequireServer()
    {
        if (Server is null)
        {
            RequiredService.Missing("PostgreSQL",
                $"Run scripts/test.sh (it starts a throwaway server), or set {ServerVariable} to e.g. 'Host=127.0.0.1;Port=5432;Username=postgres'.");
        }
        return Server!;
    }

    public override TestDatabase Require()
    {
        RequireServer();
        return this;
    }

    protected override async Task<bool> CreateAsync()
    {
        _server = Server;
        if (_server is null)
        {
            return false;
        }
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return true;
    }

    protected override async Task DropAsync()
    {
        if (_server is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
