namespace AgenteFilms.Data.Entities;

/// <summary>What one agent step answered, with its billed usage.</summary>
public class Answer
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid? QuestionId { get; set; }
    public Guid? RunId { get; set; }
    public Guid? StepId { get; set; }
    public string Agent { get; set; } = "";
    public string Content { get; set; } = "";
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal CostUsd { get; set; }
    public long DurationMs { get; set; }
    public string? Model { get; set; }
    public DateTime CreatedAt { get; set; }
}
