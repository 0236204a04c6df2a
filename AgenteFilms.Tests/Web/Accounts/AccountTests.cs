using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Data;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Accounts;

/// <summary>Sign-in, lockout, antiforgery, API tokens, start-up provisioning and the first account's takeover.</summary>
public abstract class AccountTests<TDatabase>(AppFixture<TDatabase> fixture) : IClassFixture<AppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AppFactory App => fixture.Require().App;

    private HttpClient BrowserLikeClient() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).Without();

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var user = new TestUser($"lock-{typeof(TDatabase).Name}@agentefilms.test", "Lock-pass-1", $"af_test-lock-{typeof(TDatabase).Name}-0123456789");
        await App.EnsureUserAsync(user);
        using var client = BrowserLikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.SignInAsync(user.Email, "Wrong-pass-9");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The e-mail or the password is wrong.", await wrong.Content.ReadAsStringAsync(Ct));
        }
        var fifth = await client.SignInAsync(user.Email, "Wrong-pass-9");
        var right = await client.SignInAsync(user.Email, user.Password);

        Assert.Equal("/account/lockout", fifth.Headers.Location?.AbsolutePath);
        Assert.Equal("/account/lockout", right.Headers.Location?.AbsolutePath);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(user.Email))!));
    }

    [Fact]
    public async Task SigningIn_SetsACookie_ThatOpensPagesAndTheApi()
    {
        using var client = BrowserLikeClient();

        var response = await client.SignInAsync(TestUser.Default.Email, TestUser.Default.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/account/login", "login")]
    [InlineData("/account/register", "register")]
    public async Task AFormPostWithoutTheAntiforgeryToken_IsRejected(string path, string form)
    {
        using var client = BrowserLikeClient();

        var response = await client.PostFormAsync(path, form, new Dictionary<string, string>
        {
            ["Input.Email"] = TestUser.Default.Email, ["Input.Password"] = TestUser.Default.Password,
        }, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task SignOutWithoutTheAntiforgeryToken_IsRejected()
    {
        using var client = BrowserLikeClient();
        await client.SignInAsync(TestUser.Default.Email, TestUser.Default.Password);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", Ct)).StatusCode);
    }

    [Fact]
    public async Task ARevokedApiToken_IsRefused()
    {
        using var owner = App.CreateClient();
        var defaultId = await App.DefaultUserIdAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenStore>();
        const string value = "af_test-to-revoke-0123456789";
        var saved = await tokens.AddAsync(defaultId, "to revoke", value[..10], AgenteFilms.Web.Features.Accounts.ApiTokenService.Hash(value), Ct);
        using var client = App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", Ct)).StatusCode);

        Assert.True(await tokens.RevokeAsync(defaultId, saved.Id, Ct));
        var refused = await client.GetAsync("/api/sessions", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString());
        var listed = (await tokens.ListAsync(defaultId, Ct)).Single(t => t.Id == saved.Id);
        Assert.NotNull(listed.LastUsedAt);
        Assert.NotEqual(value, listed.TokenHash);
    }

    [Fact]
    public async Task TheBootstrapUser_AndToken_Work_AndRestartingProvisionsNothingTwice()
    {
        using var client = App.CreateClient();
        var created = await client.CreateSessionAsync("Bootstrapped", "A projectionist finds a reel that shows tomorrow's audience");

        // A second app on the same database with the same settings: same user, same token, nothing duplicated.
        var settings = new Dictionary<string, string?>(fixture.Database.AppSettings);
        await using var again = new AppFactory(settings);
        using var againClient = again.CreateClient();
        var list = await againClient.GetFromJsonAsync<JsonElement>("/api/sessions", Ct);

        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == created);
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == TestUser.Default.Email, Ct));
        var userId = await db.Users.Where(u => u.Email == TestUser.Default.Email).Select(u => u.Id).SingleAsync(Ct);
        Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.UserId == userId && t.Name == "bootstrap", Ct));
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == AppRoles.WriterId, Ct));
    }

    [Fact]
    public async Task AProducer_CannotCreatePitches()
    {
        var producer = new TestUser($"producer-{typeof(TDatabase).Name}@agentefilms.test", "Producer-pass-1", $"af_test-producer-{typeof(TDatabase).Name}-0123456789");
        var (client, _) = await App.CreateClientForAsync(producer, AppRoles.Producer);

        var response = await client.PostAsJsonAsync("/api/sessions", new { title = "Mine", concept = "A producer tries to write" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class SqliteAccountTests(AppFixture<SqliteTestDatabase> fixture) : AccountTests<SqliteTestDatabase>(fixture);

public sealed class PostgresAccountTests(AppFixture<PostgresTestDatabase> fixture) : AccountTests<PostgresTestDatabase>(fixture);

/// <summary>DECISIONS §3: the first account registered on an instance takes over what the pre-accounts local user owns.</summary>
public sealed class FirstAccountTakeoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFirstRegisteredAccount_TakesOverTheLocalUsersPitches_AndTheSecondDoesNot()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        var local = await database.Services.GetRequiredService<SessionStore>()
            .CreateAsync(LocalUser.Id, new NewSession("Before Accounts"), Ct);
        // No bootstrap user: the first account is the one registered in the browser.
        var settings = new Dictionary<string, string?>(database.AppSettings) { ["Auth:Bootstrap:Email"] = "", ["Auth:Bootstrap:ApiToken"] = "" };
        await using var app = new AppFactory(settings);
        using var first = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).Without();
        using var second = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).Without();

        var registered = await first.RegisterAsync("first@agentefilms.test", "First-pass-1");
        await second.RegisterAsync("second@agentefilms.test", "Second-pass-1");

        Assert.Equal("/", registered.Headers.Location?.AbsolutePath);
        var mine = await first.GetFromJsonAsync<JsonElement>("/api/sessions", Ct);
        Assert.Contains(mine.EnumerateArray(), s => s.GetProperty("id").GetGuid() == local.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/sessions/{local.Id}", Ct)).StatusCode);
    }
}

internal static class ClientExtensions
{
    /// <summary>Drops the default Bearer token: the client then authenticates only with the cookie it gets.</summary>
    public static HttpClient Without(this HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }
}
