namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// Tells this instance's open circuits that an account was signed out everywhere (deleted), so they re-check it at
/// once instead of at their next revalidation. Circuits on other instances notice at their next revalidation.
/// </summary>
public sealed class AccountSignOuts
{
    /// <summary>The account, and the authentication state of the request that signed it out (which handles itself).</summary>
    public event Action<Guid, object?>? SignedOut;

    public void Notify(Guid userId, object? from) => SignedOut?.Invoke(userId, from);
}
