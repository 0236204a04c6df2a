using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>
/// The seed-compatible surface (<c>/sessions</c>, <c>/sessions/{id}/messages</c>, <c>/ws/sessions/{id}</c>), for clients
/// written against the original Python API. Off unless <see cref="Enabled"/>; <c>/health</c> answers either way.
/// </summary>
public sealed class CompatOptions
{
    public const string Section = "Compat";

    /// <summary>Maps the seed's session, message and WebSocket routes (<c>Compat:Enabled</c>, default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Lets calls without an API token act as the account of <see cref="UserEmail"/>, for a local single-user setup
    /// (<c>Compat:AllowAnonymous</c>, default false). Logged as a warning at start-up.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The account that anonymous calls act as when <see cref="AllowAnonymous"/> is on (<c>Compat:UserEmail</c>).</summary>
    [EmailAddress]
    public string? UserEmail { get; set; }
}
