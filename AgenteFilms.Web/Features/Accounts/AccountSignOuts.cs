namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// Tells this instance's open circuits that an account was signed out everywhere (deleted), so they re-check it at
/// once instead of at their next revalidation. Circuits on other instances notice at their next revalidation.
/// </summary>
public sealed class AccountSignOuts
{
    public event Action<Guid>? SignedOut;

    public void Notify(Guid userId) => SignedOut?.Invoke(userId);
}
