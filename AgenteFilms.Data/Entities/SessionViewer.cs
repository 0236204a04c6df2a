namespace AgenteFilms.Data.Entities;

/// <summary>A read-only grant: the owner shared this session with another registered account (DECISIONS §6).</summary>
public class SessionViewer
{
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
