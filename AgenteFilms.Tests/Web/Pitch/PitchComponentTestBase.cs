using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Pitch;

/// <summary>bUnit with the real pitch and run services on a SQLite database seeded like a finished pitch run.</summary>
public abstract class PitchComponentTestBase : MudTestContext, IClassFixture<SqliteTestDatabase>
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    protected PitchComponentTestBase(SqliteTestDatabase database)
    {
        // Owner-or-viewer reads go through the session access store.
        Services.AddSingleton(database.Services.GetRequiredService<SessionAccessStore>());
        Database = database;
        Seed = new PitchSeed(database);
        foreach (var store in new[] { typeof(PitchStore), typeof(StateStore), typeof(RunStore), typeof(SessionStore) })
        {
            Services.AddSingleton(store, database.Services.GetRequiredService(store));
        }
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ICurrentUser>(new FixedUser(Owner));
        Services.AddSingleton<RunSignal>();
        Services.AddSingleton<RunEventHub>();
        Services.AddScoped<RunService>();
        Services.AddRunLimits(database);
        Services.AddScoped<PitchService>();
        AddEstimatesAndUserSettings(database.Services);
        UseInteractiveServer();
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Guid Owner { get; } = Guid.NewGuid();

    protected SqliteTestDatabase Database { get; }

    protected PitchSeed Seed { get; }

    protected PitchService Service => Services.GetRequiredService<PitchService>();
}
