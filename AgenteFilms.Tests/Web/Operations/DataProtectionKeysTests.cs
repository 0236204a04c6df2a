using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Web.Operations;

/// <summary>The Data Protection key ring lives in the database: tokens outlive the instance that issued them.</summary>
public abstract class DataProtectionKeysTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAntiforgeryToken_IssuedByOneInstance_ValidatesOnAnother_BecauseTheKeysAreInTheDatabase()
    {
        database.Require();
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync(Ct));

        Issued issued;
        await using (var first = new AppFactory(database.AppSettings))
        {
            issued = Issue(first.Services);
        }
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync(Ct);
        var key = Assert.Single(keys);
        Assert.Contains("<key", key.Xml);

        // A second instance (or the first after a restart) on the same database accepts the token.
        await using (var second = new AppFactory(database.AppSettings))
        {
            Assert.Equal(issued.CookieName, CookieName(second.Services));
            Assert.True(await IsValidAsync(second.Services, issued));
            // It used the key from the database rather than making its own.
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Ct));
        }

        // Control: without those rows the same token is refused, so it was the database that carried the key
        // (not a key folder on this machine).
        await db.DataProtectionKeys.ExecuteDeleteAsync(Ct);
        await using var third = new AppFactory(database.AppSettings);
        Assert.False(await IsValidAsync(third.Services, issued));
    }

    private sealed record Issued(string CookieName, string CookieToken, string HeaderName, string RequestToken);

    private static string CookieName(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;

    private static Issued Issue(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new Issued(CookieName(services), tokens.CookieToken!, tokens.HeaderName!, tokens.RequestToken!);
    }

    /// <summary>A form post as a browser sends it: the antiforgery cookie plus the request token.</summary>
    private static async Task<bool> IsValidAsync(IServiceProvider services, Issued issued)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = HttpMethods.Post;
        http.Request.Headers.Cookie = $"{issued.CookieName}={issued.CookieToken}";
        http.Request.Headers[issued.HeaderName] = issued.RequestToken;
        return await scope.ServiceProvider.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }
}

public sealed class SqliteDataProtectionKeysTests(SqliteTestDatabase database) : DataProtectionKeysTests<SqliteTestDatabase>(database);

public sealed class PostgresDataProtectionKeysTests(PostgresTestDatabase database) : DataProtectionKeysTests<PostgresTestDatabase>(database);
