namespace AgenteFilms.Data.Entities;

/// <summary>A numbered version of the pitch document, written by an agent or by the writer.</summary>
public class PitchVersion
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public int Number { get; set; }
    public string DocumentJson { get; set; } = "{}";
    public string? AuthorAgent { get; set; }
    public Guid? AuthorUserId { get; set; }
    public string? Note { get; set; }
    public Guid? RunId { get; set; }
    public DateTime CreatedAt { get; set; }
}
