using AgenteFilms.Data;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Data;

public abstract class SessionStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SessionStore Store => database.Require().Services.GetRequiredService<SessionStore>();

    [Fact]
    public async Task CreatedSession_RoundTrips_WithBriefAndOwner()
    {
        var owner = Guid.NewGuid();
        var created = await Store.CreateAsync(owner, new NewSession("The Last Lighthouse", """{"concept":"A keeper on Mars"}""", "offline"), Ct);

        var loaded = await Store.GetAsync(owner, created.Id, Ct);

        Assert.NotNull(loaded);
        Assert.Equal("The Last Lighthouse", loaded.Title);
        Assert.Equal(owner, loaded.OwnerId);
        Assert.Equal("offline", loaded.ModelProfile);
        Assert.Contains("A keeper on Mars", loaded.BriefJson);
        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
        Assert.Equal(created.CreatedAt, loaded.CreatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Metadata_RoundTrips_AsTheSameJson()
    {
        var owner = Guid.NewGuid();
        var created = await Store.CreateAsync(owner, new NewSession("Tagged", MetadataJson: """{"source":"web","user_id":"u-1","tags":["a","b"],"n":3}"""), Ct);
        var plain = await Store.CreateAsync(owner, new NewSession("Plain"), Ct);

        var loaded = await Store.GetAsync(owner, created.Id, Ct);

        using var metadata = System.Text.Json.JsonDocument.Parse(loaded!.MetadataJson!);
        Assert.Equal("web", metadata.RootElement.GetProperty("source").GetString());
        Assert.Equal(["a", "b"], metadata.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(3, metadata.RootElement.GetProperty("n").GetInt32());
        Assert.Null((await Store.GetAsync(owner, plain.Id, Ct))!.MetadataJson);
    }

    [Fact]
    public async Task SettingTheConcept_NamesAnUntitledSession_ButNotATitledOne()
    {
        var owner = Guid.NewGuid();
        var untitled = await Store.CreateAsync(owner, new NewSession("Untitled pitch"), Ct);
        var titled = await Store.CreateAsync(owner, new NewSession("Salt", """{"title":"Salt"}"""), Ct);
        const string concept = "A lighthouse keeper in Valparaíso finds letters from a sailor who vanished in 1973";

        await Store.SetBriefConceptAsync(owner, untitled.Id, concept, Ct);
        await Store.SetBriefConceptAsync(owner, titled.Id, concept, Ct);

        var named = await Store.GetAsync(owner, untitled.Id, Ct);
        Assert.Equal("A lighthouse keeper in Valparaíso finds letters from a…", named!.Title);
        Assert.DoesNotContain("title", named.BriefJson);
        Assert.Contains("lighthouse keeper", named.BriefJson);
        Assert.Equal("Salt", (await Store.GetAsync(owner, titled.Id, Ct))!.Title);
    }

    [Fact]
    public async Task List_ReturnsOnlyTheOwnersSessions_NewestFirst()
    {
        var owner = Guid.NewGuid();
        var first = await Store.CreateAsync(owner, new NewSession("First"), Ct);
        var second = await Store.CreateAsync(owner, new NewSession("Second"), Ct);
        await Store.CreateAsync(Guid.NewGuid(), new NewSession("Someone else's"), Ct);

        var list = await Store.ListAsync(owner, Ct);

        Assert.Equal([second.Id, first.Id], list.Select(s => s.Id));
    }

    [Fact]
    public async Task Get_ReturnsNull_ForAnotherUsersSession()
    {
        var session = await Store.CreateAsync(Guid.NewGuid(), new NewSession("Private"), Ct);

        Assert.Null(await Store.GetAsync(Guid.NewGuid(), session.Id, Ct));
    }

    [Fact]
    public async Task Rename_WithCurrentToken_Succeeds_AndChangesTheToken()
    {
        var owner = Guid.NewGuid();
        var session = await Store.CreateAsync(owner, new NewSession("Draft title"), Ct);

        var renamed = await Store.RenameAsync(owner, session.Id, "Final title", session.ConcurrencyToken, Ct);

        Assert.NotNull(renamed);
        Assert.NotEqual(session.ConcurrencyToken, renamed.ConcurrencyToken);
        Assert.Equal("Final title", (await Store.GetAsync(owner, session.Id, Ct))!.Title);
    }

    [Fact]
    public async Task Rename_WithStaleToken_RaisesConflict_AndKeepsTheOtherEdit()
    {
        var owner = Guid.NewGuid();
        var session = await Store.CreateAsync(owner, new NewSession("Original"), Ct);
        await Store.RenameAsync(owner, session.Id, "Edited in another tab", session.ConcurrencyToken, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.RenameAsync(owner, session.Id, "Stale edit", session.ConcurrencyToken, Ct));

        Assert.Equal("Edited in another tab", (await Store.GetAsync(owner, session.Id, Ct))!.Title);
    }

    [Fact]
    public async Task ConcurrentEdits_ThroughTwoContexts_RaiseConcurrencyException()
    {
        var owner = Guid.NewGuid();
        var session = await Store.CreateAsync(owner, new NewSession("Shared"), Ct);
        await using var first = await database.Contexts.CreateDbContextAsync(Ct);
        await using var second = await database.Contexts.CreateDbContextAsync(Ct);
        var a = await first.Sessions.SingleAsync(s => s.Id == session.Id, Ct);
        var b = await second.Sessions.SingleAsync(s => s.Id == session.Id, Ct);

        a.Title = "Writer A";
        a.ConcurrencyToken = Guid.NewGuid();
        await first.SaveChangesAsync(Ct);
        b.Title = "Writer B";
        b.ConcurrencyToken = Guid.NewGuid();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
    }
}

public sealed class SqliteSessionStoreTests(SqliteTestDatabase database) : SessionStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresSessionStoreTests(PostgresTestDatabase database) : SessionStoreTests<PostgresTestDatabase>(database);
