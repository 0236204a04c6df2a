using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>First-user provisioning for automated deployments and CI; ignored when empty.</summary>
    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>Whether Producer accounts may create pitches too (default false: they read what is shared with them).</summary>
    public bool ProducersCanCreatePitches { get; set; }

    /// <summary>
    /// How often an open Blazor circuit checks that its account still exists and was not signed out everywhere
    /// (password reset, role change, deletion); when not, the page goes to the login page. Cookies are checked on
    /// every request regardless.
    /// </summary>
    [Range(1, 86_400)]
    public int CircuitRevalidationSeconds { get; set; } = 180;
}

/// <summary>
/// <c>Auth:Bootstrap:Email</c> / <c>Password</c> create a Writer account at start-up if it does not exist yet;
/// <c>ApiToken</c> is a token value accepted for that account (stored hashed). Idempotent across restarts.
/// </summary>
public sealed class BootstrapOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ApiToken { get; set; }
}
