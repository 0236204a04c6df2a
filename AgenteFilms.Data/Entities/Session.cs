namespace AgenteFilms.Data.Entities;

/// <summary>A pitch being developed: the writer's brief plus everything the agents produce for it.</summary>
public class Session
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The writer's brief (concept, genre, tone, format, audience, budget tier) as JSON.</summary>
    public string BriefJson { get; set; } = "{}";
    public SessionStatus Status { get; set; } = SessionStatus.Draft;
    public string? ModelProfile { get; set; }
    /// <summary>
    /// Free-form JSON object a client attached when it created the session (the seed API's <c>session_metadata</c>);
    /// null when none. Stored and returned as given; nothing reads inside it.
    /// </summary>
    public string? MetadataJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the writer archived it (hidden from the dashboard's default list); null while active.</summary>
    public DateTime? ArchivedAt { get; set; }
    /// <summary>Guards what the writer edits (title, brief); the runner never load-modify-saves this row.</summary>
    public Guid ConcurrencyToken { get; set; }
}

public enum SessionStatus
{
    Draft,
    Active,
    Archived,
}
