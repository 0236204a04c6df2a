using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Data;

public abstract class StateStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StateStore State => database.Require().Services.GetRequiredService<StateStore>();

    private SessionStore Sessions => database.Require().Services.GetRequiredService<SessionStore>();

    [Fact]
    public async Task EachSave_IsANewVersion_AndLatestWins()
    {
        var session = await Sessions.CreateAsync(Guid.NewGuid(), new NewSession("State"), Ct);

        var v1 = await State.SaveAsync(session.Id, "outline", """{"title":"Draft"}""", null, null, Ct);
        var v2 = await State.SaveAsync(session.Id, "outline", """{"title":"Revised"}""", null, null, Ct);
        var research = await State.SaveAsync(session.Id, "research", "\"notes\"", null, null, Ct);

        var latest = await State.GetLatestAsync(session.Id, Ct);
        var versions = await State.GetVersionsAsync(session.Id, "outline", Ct);

        Assert.Equal((1, 2, 1), (v1, v2, research));
        Assert.Equal(2, latest.Count);
        Assert.Equal(2, latest["outline"].Version);
        Assert.Contains("Revised", latest["outline"].ValueJson);
        Assert.Equal("\"notes\"", latest["research"].ValueJson.Replace(" ", ""));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Latest_IsEmpty_ForASessionWithoutState()
    {
        var session = await Sessions.CreateAsync(Guid.NewGuid(), new NewSession("Fresh"), Ct);

        Assert.Empty(await State.GetLatestAsync(session.Id, Ct));
    }
}

public sealed class SqliteStateStoreTests(SqliteTestDatabase database) : StateStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresStateStoreTests(PostgresTestDatabase database) : StateStoreTests<PostgresTestDatabase>(database);
