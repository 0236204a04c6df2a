using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.Web.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Accounts;

/// <summary>
/// "Delete my account": nothing of the account is left in any table (tables enumerated from the EF model), another
/// account's data is untouched, a wrong password deletes nothing, and every sign-in of the account stops working.
/// </summary>
public abstract class AccountDeletionTests<TDatabase>(RunsAppFixture<TDatabase> fixture) : IClassFixture<RunsAppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    /// <summary>Tables no account's data goes into: the key ring and Identity's role definitions.</summary>
    private static readonly string[] TablesWithoutUserData = ["DataProtectionKeys", "AspNetRoles", "AspNetRoleClaims"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AppFactory App => fixture.Require().App;

    private static TestUser NewUser(string name) => new(
        $"{name}-{typeof(TDatabase).Name}@agentefilms.test".ToLowerInvariant(), "Doomed-pass-1", $"af_test-{name}-{typeof(TDatabase).Name}-0123456789");

    private HttpClient BrowserLikeClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).Without();

    [Fact]
    public async Task DeletingTheAccount_LeavesNoRowOfItInAnyTable_EvenWithARunInFlight_AndLeavesAnotherAccountsDataAlone()
    {
        var victim = NewUser("leaver");
        var stayer = NewUser("stayer");
        var (other, otherId) = await App.CreateClientForAsync(stayer);
        var (client, victimId) = await App.CreateClientForAsync(victim);
        await OwnEverythingAsync(client, victim, victimId, other, stayer);
        var inFlight = await client.CreateSessionAsync("Mid Flight", "A cartographer maps a city that moves its streets at dawn", modelProfile: "slow");
        var started = await client.PostMessageAsync(inFlight, "Pitch it");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await client.PollRunAsync(started.Headers.Location!, r => r.Status() == "Running" && r.CompletedSteps() >= 1);

        var before = await UserRows.ReadAsync(fixture.Database.Contexts, Ct);
        var victimIds = before.IdsOf(victimId);
        var otherIds = before.IdsOf(otherId);
        var victimRows = before.Count(victimIds);
        foreach (var table in before.TableNames.Except(TablesWithoutUserData))
        {
            // Every table that can hold an account's data holds some of this one's, so each zero below means something.
            Assert.True(victimRows[table] > 0, $"the test gave the account no row in {table}");
        }
        var otherRows = before.Count(otherIds, except: victimIds);

        var response = await DeleteAccountAsync(client, victim.Password);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await UserRows.ReadAsync(fixture.Database.Contexts, Ct);
        Assert.All(after.Count(victimIds), t => Assert.True(t.Value == 0, $"{t.Key} still has {t.Value} rows of the deleted account"));
        Assert.Equal(otherRows, after.Count(otherIds, except: victimIds));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sessions", Ct)).StatusCode);

        // The worker carries on with other work, and the cancelled run wrote nothing after its rows went.
        var next = await other.CreateSessionAsync("After", "A diver finds a door at the bottom of a quarry lake");
        var done = await other.PostMessageAsync(next, "Pitch it", wait: true);
        Assert.Equal("Completed", (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var later = await UserRows.ReadAsync(fixture.Database.Contexts, Ct);
        Assert.All(later.Count(victimIds), t => Assert.True(t.Value == 0, $"{t.Key} has {t.Value} rows of the deleted account again"));
    }

    [Fact]
    public async Task AWrongPassword_DeletesNothing_InTheApiOrOnThePage()
    {
        var user = NewUser("hesitant");
        var (client, userId) = await App.CreateClientForAsync(user);
        await client.CreateSessionAsync("Still Here", "A ferry pilot keeps a timetable for a harbour that closed decades ago");
        var rows = await UserRows.ReadAsync(fixture.Database.Contexts, Ct);
        var ids = rows.IdsOf(userId);
        var before = rows.Count(ids);

        var api = await DeleteAccountAsync(client, "Not-my-pass-1");
        using var browser = BrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(user.Email, user.Password)).StatusCode);
        var page = await browser.PostFormAsync("/account/delete", "delete-account", new Dictionary<string, string> { ["Input.Password"] = "Not-my-pass-1" });
        var empty = await DeleteAccountAsync(client, "");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The password is wrong; nothing was deleted.", problem.GetProperty("errors").GetProperty("password")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("That is not your password. Nothing was deleted.", await page.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before, (await UserRows.ReadAsync(fixture.Database.Contexts, Ct)).Count(ids));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/sessions", Ct)).StatusCode);
    }

    [Fact]
    public async Task AfterDeletingOnThePage_TheBrowserIsSignedOutToTheLoginNotice_AndAnotherBrowsersCookieAndTheTokenAreRefused()
    {
        var user = NewUser("goner");
        var (client, _) = await App.CreateClientForAsync(user);
        await client.CreateSessionAsync("One", "A locksmith is hired to break into her own childhood home");
        await client.CreateSessionAsync("Two", "A radio host takes a call from a listener who died in 1987");
        using var here = BrowserLikeClient();
        using var elsewhere = BrowserLikeClient();
        await here.SignInAsync(user.Email, user.Password);
        await elsewhere.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/sessions", Ct)).StatusCode);

        var form = await here.GetStringAsync("/account/delete", Ct);
        var deleted = await here.PostFormAsync("/account/delete", "delete-account", new Dictionary<string, string> { ["Input.Password"] = user.Password });

        Assert.Contains("2 pitches", form);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.EndsWith("/account/login?deleted=1", deleted.Headers.Location?.OriginalString);
        Assert.Contains("were deleted", await here.GetStringAsync(deleted.Headers.Location, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync("/api/sessions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/sessions", Ct)).StatusCode);
        var page = await elsewhere.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location?.AbsolutePath);
        var token = await client.GetAsync("/api/sessions", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains("Bearer", token.Headers.WwwAuthenticate.ToString());
        var again = await here.SignInAsync(user.Email, user.Password);
        Assert.Contains("The e-mail or the password is wrong.", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ChangingThePasswordInOneBrowser_SignsOutAnother_AtItsNextRequest_AndKeepsThisOneIn()
    {
        var user = NewUser("mover");
        await App.EnsureUserAsync(user);
        using var here = BrowserLikeClient();
        using var elsewhere = BrowserLikeClient();
        await here.SignInAsync(user.Email, user.Password);
        await elsewhere.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/sessions", Ct)).StatusCode);

        var changed = await here.PostFormAsync("/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = user.Password, ["Input.NewPassword"] = "Moved-pass-2", ["Input.ConfirmPassword"] = "Moved-pass-2",
        });

        Assert.Contains("Your password was changed.", await changed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/sessions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/sessions", Ct)).StatusCode);
    }

    /// <summary>
    /// Gives the account a row in every table that can hold its data: a finished pitch with a share link, shared
    /// with <paramref name="otherUser"/>; a pitch of the other account shared with it; settings; Identity claims,
    /// logins and tokens.
    /// </summary>
    private async Task OwnEverythingAsync(HttpClient client, TestUser user, Guid userId, HttpClient other, TestUser otherUser)
    {
        var finished = await client.CreateSessionAsync("Salt Archive", "A museum night guard finds the archive rewrites itself every night");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(finished, "Pitch it", wait: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/sessions/{finished}/share-links", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/sessions/{finished}/viewers", new { email = otherUser.Email }, Ct)).StatusCode);
        var theirs = await other.CreateSessionAsync("Kept", "A lighthouse keeper counts ships that do not exist");
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/sessions/{theirs}/viewers", new { email = user.Email }, Ct)).StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserSettingsStore>().UpdateAsync(userId, s => s.Theme = ThemePreference.Dark, Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = (await users.FindByIdAsync(userId.ToString()))!;
        Assert.True((await users.AddClaimAsync(account, new System.Security.Claims.Claim("test", "claim"))).Succeeded);
        Assert.True((await users.AddLoginAsync(account, new UserLoginInfo("test-provider", $"key-{userId}", "Test"))).Succeeded);
        Assert.True((await users.SetAuthenticationTokenAsync(account, "test-provider", "refresh", "x")).Succeeded);
    }

    private static Task<HttpResponseMessage> DeleteAccountAsync(HttpClient client, string password) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password }) }, Ct);
}

public sealed class SqliteAccountDeletionTests(RunsAppFixture<SqliteTestDatabase> fixture) : AccountDeletionTests<SqliteTestDatabase>(fixture);

public sealed class PostgresAccountDeletionTests(RunsAppFixture<PostgresTestDatabase> fixture) : AccountDeletionTests<PostgresTestDatabase>(fixture);
