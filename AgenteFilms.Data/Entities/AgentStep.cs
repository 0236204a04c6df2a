namespace AgenteFilms.Data.Entities;

/// <summary>One agent's execution within a run, identified by a stable step key (e.g. "writers_room/2/critic").</summary>
public class AgentStep
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public string StepKey { get; set; } = "";
    public string Agent { get; set; } = "";
    public int Iteration { get; set; }
    public StepStatus Status { get; set; } = StepStatus.Running;
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal CostUsd { get; set; }
    public string? Model { get; set; }
    /// <summary>The state keys and versions this step read, as JSON (<c>{"brief":3}</c>): the basis of staleness.</summary>
    public string ReadVersionsJson { get; set; } = "{}";
    public string? Error { get; set; }
}

public enum StepStatus
{
    Running,
    Completed,
    Failed,
    Cancelled,
}
