namespace AgenteFilms.Tests.TestSupport;

/// <summary>One app on one fresh database for a whole test class (starting an app per test is slow).</summary>
public class AppFixture<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private AppFactory? _app;

    public TDatabase Database { get; } = new();

    public AppFactory App => _app ?? throw new InvalidOperationException("Call Require() first: the database is not available.");

    /// <summary>Settings added to the database's (e.g. a slow offline model).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Skips the test (fails it in CI) when the database is unavailable.</summary>
    public AppFixture<TDatabase> Require()
    {
        Database.Require();
        return this;
    }

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        if (Database.Available)
        {
            var settings = new Dictionary<string, string?>(Database.AppSettings);
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }
            _app = new AppFactory(settings);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
