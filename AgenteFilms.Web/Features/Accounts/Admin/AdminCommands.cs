using System.Security.Cryptography;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using Microsoft.AspNetCore.Identity;

namespace AgenteFilms.Web.Features.Accounts.Admin;

/// <summary>
/// <c>dotnet run --project AgenteFilms.Web -- admin ...</c>: account chores for an instance without e-mail, run on the
/// configured database and then exit (the web server never starts). Results go to standard output (a password or a
/// token, shown once), messages to standard error; the exit code says how it went.
/// </summary>
public static class AdminCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public const string Usage = """
        Usage: dotnet run --project AgenteFilms.Web -- admin <command>

          reset-password EMAIL [--password-stdin]
              Sets a new password (printed once; with --password-stdin, read from standard input instead), unlocks the
              account and signs it out everywhere.
          set-role EMAIL Writer|Producer
              Gives the account that role (instead of its current one) and signs it out everywhere.
          create-token EMAIL [--name NAME]
              Creates a personal API token for the account and prints it once.

        The commands use the app's configuration (appsettings.json, environment variables, user-secrets) and apply
        pending migrations first. Exit code 0 on success, 1 when the command failed, 2 for a usage error.
        """;

    /// <summary>True when the process was started for an admin command rather than to serve.</summary>
    public static bool IsAdmin(string[] args) => args.Length > 0 && args[0] == "admin";

    /// <summary>Runs <paramref name="args"/> (what follows <c>admin</c>) with the app's services.</summary>
    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Usage);
            return Ok;
        }
        await using var scope = services.CreateAsyncScope();
        var command = new Command(scope.ServiceProvider, output, error);
        return args switch
        {
            ["reset-password", var email] => await command.ResetPasswordAsync(email, null),
            ["reset-password", var email, "--password-stdin"] => await command.ResetPasswordAsync(email, await input.ReadLineAsync(cancellationToken)),
            ["set-role", var email, var role] => await command.SetRoleAsync(email, role),
            ["create-token", var email] => await command.CreateTokenAsync(email, "admin", cancellationToken),
            ["create-token", var email, "--name", var name] => await command.CreateTokenAsync(email, name, cancellationToken),
            _ => await UsageErrorAsync(error, IsKnown(args[0]) ? $"Wrong arguments for '{args[0]}'." : $"Unknown admin command '{args[0]}'."),
        };
    }

    private static bool IsKnown(string name) => name is "reset-password" or "set-role" or "create-token";

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync(Usage);
        return BadUsage;
    }

    /// <summary>A password Identity's default rules accept: 20 characters, upper and lower case, a digit and a symbol.</summary>
    internal static string NewPassword() =>
        "Af-" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16) + "7";

    private sealed class Command(IServiceProvider services, TextWriter output, TextWriter error)
    {
        private readonly UserManager<AppUser> _users = services.GetRequiredService<UserManager<AppUser>>();

        public async Task<int> ResetPasswordAsync(string email, string? chosen)
        {
            if (await FindAsync(email) is not { } user)
            {
                return Failed;
            }
            if (chosen is not null && chosen.Length == 0)
            {
                await error.WriteLineAsync("No password on standard input: nothing was changed.");
                return Failed;
            }
            var password = chosen ?? NewPassword();
            // A reset token rather than remove + add: one step, validated against the password rules, new security stamp.
            var reset = await _users.ResetPasswordAsync(user, await _users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded)
            {
                return await FailAsync("The password was not changed", reset);
            }
            await _users.SetLockoutEndDateAsync(user, null);
            await _users.ResetAccessFailedCountAsync(user);
            if (chosen is null)
            {
                await output.WriteLineAsync(password);
                await error.WriteLineAsync($"The password of {user.Email} was reset (shown once, above); the account is unlocked and signed out everywhere.");
            }
            else
            {
                await output.WriteLineAsync($"The password of {user.Email} was changed; the account is unlocked and signed out everywhere.");
            }
            return Ok;
        }

        public async Task<int> SetRoleAsync(string email, string role)
        {
            var wanted = AppRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
            if (wanted is null)
            {
                await error.WriteLineAsync($"Unknown role '{role}': choose {string.Join(" or ", AppRoles.All)}.");
                return BadUsage;
            }
            if (await FindAsync(email) is not { } user)
            {
                return Failed;
            }
            var current = await _users.GetRolesAsync(user);
            var removed = await _users.RemoveFromRolesAsync(user, current.Where(r => r != wanted));
            var added = current.Contains(wanted) ? IdentityResult.Success : await _users.AddToRoleAsync(user, wanted);
            if (!removed.Succeeded || !added.Succeeded)
            {
                return await FailAsync("The role was not changed", removed.Succeeded ? added : removed);
            }
            // Roles travel in the sign-in cookie: a new stamp makes every sign-in of the account start again with the new role.
            await _users.UpdateSecurityStampAsync(user);
            await output.WriteLineAsync($"{user.Email} is now a {wanted}.");
            return Ok;
        }

        public async Task<int> CreateTokenAsync(string email, string name, CancellationToken cancellationToken)
        {
            if (await FindAsync(email) is not { } user)
            {
                return Failed;
            }
            if (string.IsNullOrWhiteSpace(name) || name.Length > ApiTokenService.MaxNameLength)
            {
                await error.WriteLineAsync($"The token name needs 1 to {ApiTokenService.MaxNameLength} characters.");
                return BadUsage;
            }
            var token = ApiTokenService.NewToken();
            await services.GetRequiredService<ApiTokenStore>()
                .AddAsync(user.Id, name.Trim(), ApiTokenService.PrefixOf(token), ApiTokenService.Hash(token), cancellationToken);
            await output.WriteLineAsync(token);
            await error.WriteLineAsync($"Created the API token '{name.Trim()}' for {user.Email} (shown once, above; stored only as a hash).");
            return Ok;
        }

        private async Task<AppUser?> FindAsync(string email)
        {
            var user = await _users.FindByEmailAsync(email);
            if (user is null)
            {
                await error.WriteLineAsync($"No account with the e-mail '{email}'.");
            }
            return user;
        }

        private async Task<int> FailAsync(string what, IdentityResult result)
        {
            await error.WriteLineAsync($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return Failed;
        }
    }
}
