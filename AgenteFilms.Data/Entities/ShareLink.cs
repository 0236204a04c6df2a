namespace AgenteFilms.Data.Entities;

/// <summary>A read-only link for producers. Only a hash of the token is stored.</summary>
public class ShareLink
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
