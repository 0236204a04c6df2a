namespace AgenteFilms.Data.Entities;

/// <summary>One workflow run. The table is the queue: a Queued row is work to do, and survives a restart.</summary>
public class AgentRun
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid? QuestionId { get; set; }
    public RunStatus Status { get; set; } = RunStatus.Queued;
    /// <summary>Which workflow: "pitch", "chat", "regenerate:&lt;section&gt;".</summary>
    public string Workflow { get; set; } = "";
    /// <summary>Workflow arguments (writer note, target section, message) as JSON.</summary>
    public string? ArgumentsJson { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public List<AgentStep> Steps { get; set; } = [];
}

public enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
    Interrupted,
}
