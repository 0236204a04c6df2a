using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;

namespace AgenteFilms.Web.Endpoints;

/// <summary>POST /api/sessions/{id}/messages body.</summary>
public sealed record MessageRequest(string? Message, string? IdempotencyKey = null);

/// <summary>POST /api/sessions/{id}/runs body (start the pitch workflow).</summary>
public sealed record StartRunRequest(string? IdempotencyKey = null);

/// <summary>POST /api/sessions/{id}/regenerate body.</summary>
public sealed record RegenerateRequest(string? Section, string? Note = null);

public sealed record StepDto(
    Guid Id, string StepKey, string Agent, int Iteration, string Status, DateTime StartedAt, DateTime? CompletedAt,
    long InputTokens, long OutputTokens, decimal CostUsd, string? Model, string? Error);

public sealed record RunDto(
    Guid Id, Guid SessionId, string Workflow, string Status, string? Error, DateTime CreatedAt, DateTime? StartedAt,
    DateTime? CompletedAt, IReadOnlyList<StepDto> Steps)
{
    public static RunDto From(AgentRun run) => new(
        run.Id, run.SessionId, run.Workflow, run.Status.ToString(), run.Error, run.CreatedAt, run.StartedAt, run.CompletedAt,
        run.Steps.OrderBy(s => s.StartedAt).Select(s => new StepDto(
            s.Id, s.StepKey, s.Agent, s.Iteration, s.Status.ToString(), s.StartedAt, s.CompletedAt,
            s.InputTokens, s.OutputTokens, s.CostUsd, s.Model, s.Error)).ToList());
}

/// <summary>One agent step as the seed reported it.</summary>
public sealed record ThoughtDto(string Agent, string Text, string Status);

/// <summary>The answer of <c>POST /api/sessions/{id}/messages?wait=true</c>, shaped like the seed's.</summary>
public sealed record MessageResultDto(Guid SessionId, Guid RunId, string Status, string Response, IReadOnlyList<ThoughtDto> Thoughts, string? Error);

public sealed record HistoryItemDto(
    Guid Id, string Role, string? Agent, string Content, DateTime CreatedAt, long InputTokens, long OutputTokens, decimal CostUsd, string? Model)
{
    public static HistoryItemDto From(HistoryItem item) => new(
        item.Id, item.Role == HistoryRole.Writer ? "writer" : "agent", item.Agent, item.Content, item.CreatedAt,
        item.InputTokens, item.OutputTokens, item.CostUsd, item.Model);
}

public sealed record HistoryPageDto(IReadOnlyList<HistoryItemDto> Items, string? NextCursor);

public sealed record StateValueDto(int Version, System.Text.Json.JsonElement Value, DateTime UpdatedAt);
