using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using Microsoft.AspNetCore.Identity;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>Creating accounts: the register page and start-up provisioning share this.</summary>
public sealed class AccountService(UserManager<AppUser> users, SessionAccessStore access, TimeProvider time, ILogger<AccountService> logger)
{
    /// <summary>
    /// Creates an account in <paramref name="role"/> (Writer or Producer). The earliest account takes over what the
    /// pre-accounts local user owned (DECISIONS §3).
    /// </summary>
    public async Task<(IdentityResult Result, AppUser User)> RegisterAsync(string email, string password, string role, CancellationToken cancellationToken)
    {
        if (!AppRoles.All.Contains(role))
        {
            return (IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"Choose one of: {string.Join(", ", AppRoles.All)}." }), new AppUser());
        }
        var user = new AppUser { UserName = email, Email = email, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (created, user);
        }
        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            return (inRole, user);
        }
        var moved = await access.TakeOverLocalDataAsync(cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("The first account took over {Count} pitches of the local user", moved);
        }
        return (IdentityResult.Success, user);
    }
}
