using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// Start-up provisioning for automated deployments and CI (<c>Auth:Bootstrap:*</c>): a Writer account and one API
/// token value accepted for it. Idempotent across restarts; ignored when empty. Also hands the pre-accounts local
/// user's pitches to the first account (<see cref="TakeOverLocalDataAsync"/>).
/// </summary>
public static class AccountBootstrap
{
    public static async Task BootstrapAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<AuthOptions>>().Value.Bootstrap;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountBootstrap).FullName!);
        if (!string.IsNullOrWhiteSpace(options.Email))
        {
            var users = provider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(options.Email);
            if (user is null)
            {
                if (string.IsNullOrEmpty(options.Password))
                {
                    throw new InvalidOperationException("Auth:Bootstrap:Email is set but Auth:Bootstrap:Password is empty: set both to provision the first user.");
                }
                var (result, created) = await provider.GetRequiredService<AccountService>()
                    .RegisterAsync(options.Email, options.Password, AppRoles.Writer, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not provision the bootstrap user: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
                user = created;
                logger.LogInformation("Provisioned the bootstrap user {UserId}", user.Id);
            }
            if (!string.IsNullOrWhiteSpace(options.ApiToken))
            {
                var tokens = provider.GetRequiredService<ApiTokenStore>();
                var hash = ApiTokenService.Hash(options.ApiToken);
                if (!await tokens.ExistsAsync(hash, cancellationToken))
                {
                    await tokens.AddAsync(user.Id, "bootstrap", ApiTokenService.PrefixOf(options.ApiToken), hash, cancellationToken);
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.ApiToken))
        {
            logger.LogWarning("Auth:Bootstrap:ApiToken is set without Auth:Bootstrap:Email; it is ignored");
        }
    }

    /// <summary>
    /// Hands what the pre-accounts local user owns to the first account (DECISIONS §3): a database from before
    /// accounts, opened by a version with accounts, keeps its pitches. Runs with the start-up migrations.
    /// </summary>
    public static async Task TakeOverLocalDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        await services.GetRequiredService<SessionAccessStore>().TakeOverLocalDataAsync(cancellationToken);
}
