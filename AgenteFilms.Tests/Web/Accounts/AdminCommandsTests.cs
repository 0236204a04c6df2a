using System.Net;
using AgenteFilms.Data.Entities;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Accounts.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Accounts;

/// <summary>The <c>admin</c> commands' logic, in-process on the app's services and a real database.</summary>
public abstract class AdminCommandsTests<TDatabase>(AppFixture<TDatabase> fixture) : IClassFixture<AppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AppFactory App => fixture.Require().App;

    private sealed record Outcome(int ExitCode, string Output, string Error);

    private async Task<Outcome> RunAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCommands.RunAsync(App.Services, args, new StringReader(input ?? ""), output, error, Ct);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    private async Task<TestUser> UserAsync(string name, string role = AppRoles.Writer)
    {
        var user = new TestUser($"{name}-{typeof(TDatabase).Name}@agentefilms.test".ToLowerInvariant(), "Admin-test-pass-1", $"af_test-admin-{name}-{typeof(TDatabase).Name}-0123456789");
        await App.EnsureUserAsync(user, role);
        return user;
    }

    private HttpClient BrowserLikeClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).Without();

    [Fact]
    public async Task ResetPassword_PrintsAPasswordThatSignsIn_UnlocksTheAccount_AndSignsOutItsOtherSessions()
    {
        var user = await UserAsync("forgetful");
        using var before = BrowserLikeClient();
        await before.SignInAsync(user.Email, user.Password);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(user.Email))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var result = await RunAsync(null, "reset-password", user.Email);

        Assert.Equal(AdminCommands.Ok, result.ExitCode);
        var password = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.True(password.Length >= 16);
        Assert.Contains("shown once", result.Error);
        using var after = BrowserLikeClient();
        var signIn = await after.SignInAsync(user.Email, password);
        Assert.Equal("/", signIn.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/sessions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/sessions", Ct)).StatusCode);
    }

    [Fact]
    public async Task ResetPasswordFromStandardInput_SetsThatPassword_AndRefusesOneThatBreaksTheRules()
    {
        var user = await UserAsync("scripted");

        var weak = await RunAsync("abc", "reset-password", user.Email, "--password-stdin");
        var chosen = await RunAsync("Chosen-pass-42", "reset-password", user.Email, "--password-stdin");

        Assert.Equal(AdminCommands.Failed, weak.ExitCode);
        Assert.Contains("The password was not changed", weak.Error);
        Assert.Equal(AdminCommands.Ok, chosen.ExitCode);
        Assert.DoesNotContain("Chosen-pass-42", chosen.Output);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = (await users.FindByEmailAsync(user.Email))!;
        Assert.True(await users.CheckPasswordAsync(account, "Chosen-pass-42"));
        Assert.False(await users.CheckPasswordAsync(account, user.Password));
    }

    [Fact]
    public async Task SetRole_ReplacesTheRole_AndRefusesAnUnknownOne()
    {
        var user = await UserAsync("promoted");

        var producer = await RunAsync(null, "set-role", user.Email, "producer");
        var rolesAsProducer = await RolesAsync(user);
        var bad = await RunAsync(null, "set-role", user.Email, "Director");
        var writer = await RunAsync(null, "set-role", user.Email, "Writer");

        Assert.Equal(AdminCommands.Ok, producer.ExitCode);
        Assert.Contains("is now a Producer", producer.Output);
        Assert.Equal([AppRoles.Producer], rolesAsProducer);
        Assert.Equal(AdminCommands.BadUsage, bad.ExitCode);
        Assert.Contains("Unknown role 'Director'", bad.Error);
        Assert.Equal(AdminCommands.Ok, writer.ExitCode);
        Assert.Equal([AppRoles.Writer], await RolesAsync(user));
    }

    [Fact]
    public async Task CreateToken_PrintsATokenThatOpensTheApiAsThatAccount()
    {
        var user = await UserAsync("integrator");

        var result = await RunAsync(null, "create-token", user.Email, "--name", "deploy");

        Assert.Equal(AdminCommands.Ok, result.ExitCode);
        var token = result.Output.Trim();
        Assert.StartsWith("af_", token);
        using var client = App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var created = await client.CreateSessionAsync("Token Pitch", "A night-shift nurse hears the same patient call from an empty ward");
        await using var scope = App.Services.CreateAsyncScope();
        var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(user.Email))!.Id;
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<AgenteFilms.Data.Stores.SessionStore>().GetAsync(owner, created, Ct));
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<AgenteFilms.Data.Stores.ApiTokenStore>().ListAsync(owner, Ct), t => t.Name == "deploy");
    }

    [Theory]
    [InlineData("reset-password")]
    [InlineData("set-role")]
    [InlineData("create-token")]
    public async Task AnUnknownEmail_FailsWithAMessage_AndChangesNothing(string command)
    {
        string[] args = command == "set-role" ? [command, "nobody@agentefilms.test", "Writer"] : [command, "nobody@agentefilms.test"];

        var result = await RunAsync(null, args);

        Assert.Equal(AdminCommands.Failed, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("No account with the e-mail 'nobody@agentefilms.test'", result.Error);
    }

    [Fact]
    public async Task NoCommandPrintsTheUsage_AndAnUnknownOneIsAUsageError()
    {
        var none = await RunAsync(null);
        var unknown = await RunAsync(null, "delete-everything");
        var missing = await RunAsync(null, "set-role", "someone@agentefilms.test");

        Assert.Equal(AdminCommands.Ok, none.ExitCode);
        Assert.Contains("reset-password EMAIL", none.Output);
        Assert.Equal(AdminCommands.BadUsage, unknown.ExitCode);
        Assert.Contains("Unknown admin command 'delete-everything'", unknown.Error);
        Assert.Contains("Usage:", unknown.Error);
        Assert.Equal(AdminCommands.BadUsage, missing.ExitCode);
        Assert.Contains("Wrong arguments for 'set-role'", missing.Error);
    }

    private async Task<List<string>> RolesAsync(TestUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return [.. await users.GetRolesAsync((await users.FindByEmailAsync(user.Email))!)];
    }
}

public sealed class SqliteAdminCommandsTests(AppFixture<SqliteTestDatabase> fixture) : AdminCommandsTests<SqliteTestDatabase>(fixture);

public sealed class PostgresAdminCommandsTests(AppFixture<PostgresTestDatabase> fixture) : AdminCommandsTests<PostgresTestDatabase>(fixture);

/// <summary>The commands as an operator runs them: the app's own executable, its configuration, its exit codes.</summary>
public sealed class AdminCommandProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminResetPassword_ThenSigningInWithThePrintedPassword_Works()
    {
        using var folder = new TempFolder();
        var settings = AppFactory.SqliteSettings(folder.Path);
        await using var app = await AppProcess.StartAsync(settings, Ct);

        var reset = await AppProcess.RunCommandAsync(settings, ["admin", "reset-password", TestUser.Default.Email], null, Ct);
        var unknown = await AppProcess.RunCommandAsync(settings, ["admin", "reset-password", "nobody@agentefilms.test"], null, Ct);
        var usage = await AppProcess.RunCommandAsync(settings, ["admin", "promote"], null, Ct);

        Assert.True(reset.ExitCode == 0, reset.Error);
        var password = reset.Output.Trim();
        Assert.DoesNotContain('\n', password);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.Address };
        var signIn = await client.SignInAsync(TestUser.Default.Email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", Ct)).StatusCode);
        using var old = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.Address };
        Assert.Contains("The e-mail or the password is wrong.", await (await old.SignInAsync(TestUser.Default.Email, TestUser.Default.Password)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("", unknown.Output);
        Assert.Contains("No account with the e-mail", unknown.Error);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Usage:", usage.Error);
    }
}
