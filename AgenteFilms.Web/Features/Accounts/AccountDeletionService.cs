using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// "Delete my account" (issue 11 §5): after the password is confirmed, the acting user's account and everything it
/// owns go, and every sign-in of it stops working.
/// </summary>
public sealed class AccountDeletionService(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionStore sessionStore, SessionService sessions,
    AccountStore accounts, AccountSignOuts signOuts, IServiceProvider services, ICurrentUser user, ILogger<AccountDeletionService> logger)
{
    /// <summary>How many pitches the deletion would remove, for the confirmation sentence.</summary>
    public async Task<int> CountOwnedPitchesAsync(CancellationToken cancellationToken) =>
        (await sessionStore.ListAsync(user.Id, cancellationToken)).Count;

    /// <summary>
    /// Deletes the acting user's account when <paramref name="password"/> is theirs; with a wrong password nothing is
    /// deleted (and the attempt counts towards lockout, like a failed sign-in).
    /// </summary>
    public async Task<AccountDeletionResult> DeleteAsync(string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new InputValidationException("password", "Enter your password to delete your account.");
        }
        var account = await users.FindByIdAsync(user.Id.ToString());
        if (account is null)
        {
            return AccountDeletionResult.NotFound;
        }
        var check = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountDeletionResult.LockedOut;
        }
        if (!check.Succeeded)
        {
            return AccountDeletionResult.WrongPassword;
        }

        // Signed out everywhere before anything goes: a new security stamp makes every cookie of the account fail its
        // next request, so no other browser starts work on rows that are being removed.
        await users.UpdateSecurityStampAsync(account);
        var owned = await sessionStore.ListAsync(account.Id, cancellationToken);
        foreach (var session in owned)
        {
            // The pitch-delete path: a queued or running run is cancelled (and waited for) before its rows go.
            await sessions.DeleteAsync(session.Id, cancellationToken);
        }
        // Whatever is left (tokens, grants, settings, Identity rows, a pitch made in the meantime) in one transaction.
        await accounts.DeleteAsync(account.Id, cancellationToken);
        // Open pages of the account on this instance leave now rather than at their next revalidation.
        signOuts.Notify(account.Id, services.GetService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>());
        logger.LogInformation("Deleted account {UserId} and its {Count} pitches", account.Id, owned.Count);
        return AccountDeletionResult.Deleted;
    }
}

public enum AccountDeletionResult
{
    Deleted,
    WrongPassword,
    LockedOut,
    NotFound,
}
