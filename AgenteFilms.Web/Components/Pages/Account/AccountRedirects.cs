namespace AgenteFilms.Web.Components.Pages.Account;

internal static class AccountRedirects
{
    /// <summary>A return address only when it stays on this site (no open redirect).</summary>
    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
