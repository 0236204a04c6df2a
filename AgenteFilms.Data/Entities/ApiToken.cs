namespace AgenteFilms.Data.Entities;

/// <summary>A personal API token. Only its SHA-256 hash is stored; <see cref="Prefix"/> lets the owner recognise it.</summary>
public class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
