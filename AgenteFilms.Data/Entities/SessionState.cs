namespace AgenteFilms.Data.Entities;

/// <summary>One version of one state key of a session (brief, research, outline, ...). Never updated: a change is a new version.</summary>
public class SessionState
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public string Key { get; set; } = "";
    public string ValueJson { get; set; } = "null";
    public int Version { get; set; }
    /// <summary>The run and step that wrote it; null when the writer edited it.</summary>
    public Guid? RunId { get; set; }
    public Guid? StepId { get; set; }
    public DateTime CreatedAt { get; set; }
}
