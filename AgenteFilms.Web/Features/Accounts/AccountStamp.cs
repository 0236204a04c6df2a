using System.Security.Claims;
using AgenteFilms.Data.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// "Signed out everywhere": a sign-in is only good while its account exists and carries the security stamp the
/// sign-in was issued with. Deleting the account, resetting its password or changing its role changes (or removes)
/// the stamp, and every cookie and open circuit of the account stops working.
/// </summary>
internal static class AccountStamp
{
    /// <summary>Whether <paramref name="principal"/>'s account exists and still has the stamp in its claims.</summary>
    public static async Task<bool> IsCurrentAsync(AccountStore accounts, IdentityOptions identity, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(identity.ClaimsIdentity.UserIdClaimType), out var userId)
            || principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType) is not { Length: > 0 } stamp)
        {
            return false;
        }
        return await accounts.SecurityStampAsync(userId, cancellationToken) == stamp;
    }

    /// <summary>
    /// Wraps the cookie's principal validation: the stamp is compared on every request (one primary-key lookup),
    /// not only every 30 minutes as Identity's <see cref="SecurityStampValidator"/> does, so a deleted or signed-out
    /// account's cookie is refused at its next request. Identity's validator then still refreshes the claims on its
    /// own interval.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> RefusingStaleCookies(Func<CookieValidatePrincipalContext, Task> next) => async context =>
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is { } principal && !await IsCurrentAsync(
                services.GetRequiredService<AccountStore>(), services.GetRequiredService<IOptions<IdentityOptions>>().Value,
                principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await next(context);
    };
}

/// <summary>
/// The Blazor template's revalidating authentication state: an open circuit re-checks its account's security stamp
/// every <see cref="AuthOptions.CircuitRevalidationSeconds"/>, and at once when this instance deletes the account
/// (<see cref="AccountSignOuts"/>); when it no longer holds, the circuit's user becomes anonymous and the page sends
/// the browser to the login page.
/// </summary>
internal sealed class AccountRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly AccountStore _accounts;
    private readonly IOptions<AuthOptions> _auth;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly AccountSignOuts _signOuts;
    private readonly ILogger _logger;

    public AccountRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, AccountStore accounts, IOptions<AuthOptions> auth, IOptions<IdentityOptions> identity, AccountSignOuts signOuts)
        : base(loggerFactory)
    {
        _accounts = accounts;
        _auth = auth;
        _identity = identity;
        _signOuts = signOuts;
        _logger = loggerFactory.CreateLogger<AccountRevalidatingAuthenticationStateProvider>();
        _signOuts.SignedOut += OnSignedOut;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(_auth.Value.CircuitRevalidationSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        AccountStamp.IsCurrentAsync(_accounts, _identity.Value, authenticationState.User, cancellationToken);

    // An event handler cannot be awaited: the check runs on its own and keeps its failures to itself.
    // The page that deleted the account is signing its own browser out and redirecting it; only other circuits react.
    private void OnSignedOut(Guid userId, object? from)
    {
        if (!ReferenceEquals(from, this))
        {
            _ = RevalidateNowAsync(userId);
        }
    }

    private async Task RevalidateNowAsync(Guid userId)
    {
        try
        {
            var state = GetAuthenticationStateAsync();
            if (!state.IsCompletedSuccessfully || state.Result.User.FindFirstValue(_identity.Value.ClaimsIdentity.UserIdClaimType) != userId.ToString()
                || await ValidateAuthenticationStateAsync(state.Result, CancellationToken.None))
            {
                return;
            }
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception ex)
        {
            // A circuit going away meanwhile, or the database not answering: its next revalidation decides.
            _logger.LogDebug(ex, "Could not re-check a circuit's account at once");
        }
    }

    protected override void Dispose(bool disposing)
    {
        _signOuts.SignedOut -= OnSignedOut;
        base.Dispose(disposing);
    }
}
