using Microsoft.AspNetCore.Identity;

namespace AgenteFilms.Data.Entities;

/// <summary>An account (ASP.NET Core Identity). Its id is the <c>OwnerId</c> of everything the user makes.</summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>When the account was created; the earliest account takes over the local user's data (DECISIONS §3).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>The roles an account can have. Access to a pitch is decided by owner/viewer grants, never by role alone.</summary>
public static class AppRoles
{
    public const string Writer = "Writer";
    public const string Producer = "Producer";

    public static readonly Guid WriterId = new("6a0f1f3e-4c1d-4b7a-9d38-1b7a5d1e0a01");
    public static readonly Guid ProducerId = new("6a0f1f3e-4c1d-4b7a-9d38-1b7a5d1e0a02");

    public static IReadOnlyList<string> All { get; } = [Writer, Producer];
}
