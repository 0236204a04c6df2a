namespace AgenteFilms.Data.Entities;

/// <summary>What the writer asked (a concept, a chat message, a regenerate note). Saved before anything runs.</summary>
public class Question
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public string Content { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
