using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Tests.Data;

public abstract class MigrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task AppliesEveryMigration_LeavingNonePending()
    {
        database.Require();
        await using var db = await database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(pending);
    }

    [Fact]
    public async Task CreatesEveryTableOfTheModel()
    {
        database.Require();
        await using var db = await database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);

        // Querying each set proves its table and columns exist as the model expects.
        Assert.Equal(0, await db.Sessions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.SessionStates.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Questions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Answers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AgentRuns.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AgentSteps.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.PitchVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.ShareLinks.CountAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteMigrationTests(SqliteTestDatabase database) : MigrationTests<SqliteTestDatabase>(database);

public sealed class PostgresMigrationTests(PostgresTestDatabase database) : MigrationTests<PostgresTestDatabase>(database);
