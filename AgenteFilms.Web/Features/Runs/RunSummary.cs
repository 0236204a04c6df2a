using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// One earlier run of a session as the timeline lists it, collapsed: what it was for, how it ended and what it cost.
/// Its steps are loaded only when the writer opens it.
/// </summary>
public sealed record RunSummary(
    Guid RunId,
    WorkflowKind Workflow,
    string Title,
    RunStatus Status,
    DateTime CreatedAt,
    int Steps,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    TimeSpan AgentTime,
    string? Error)
{
    public static RunSummary From(AgentRun run) => new(
        run.Id,
        RunArguments.KindOf(run.Workflow),
        TitleOf(run),
        run.Status,
        run.CreatedAt,
        run.Steps.Count,
        run.Steps.Sum(s => s.InputTokens),
        run.Steps.Sum(s => s.OutputTokens),
        run.Steps.Sum(s => s.CostUsd),
        TimeSpan.FromTicks(run.Steps.Sum(s => s.CompletedAt is { } end ? (end - s.StartedAt).Ticks : 0)),
        run.Error);

    /// <summary>A run the page watched live and that a newer run has replaced at the top.</summary>
    public static RunSummary From(RunTimeline timeline, DateTime createdAt) => new(
        timeline.RunId,
        timeline.Workflow,
        timeline.Title ?? DefaultTitle(timeline.Workflow),
        timeline.Status,
        createdAt,
        timeline.Steps.Count,
        timeline.InputTokens,
        timeline.OutputTokens,
        timeline.CostUsd,
        timeline.Duration,
        timeline.Error);

    /// <summary>What a run was for, in the writer's words where there are some.</summary>
    public static string TitleOf(AgentRun run)
    {
        var arguments = RunArguments.FromJson(run.ArgumentsJson);
        return RunArguments.KindOf(run.Workflow) switch
        {
            WorkflowKind.Chat when !string.IsNullOrWhiteSpace(arguments.Message) => $"Chat: “{Shorten(arguments.Message)}”",
            WorkflowKind.RegenerateSection when arguments.Section is { } section => string.IsNullOrWhiteSpace(arguments.Note)
                ? $"Regenerate {SectionLabel(section)}"
                : $"Regenerate {SectionLabel(section)}: “{Shorten(arguments.Note)}”",
            var kind => DefaultTitle(kind),
        };
    }

    public static string DefaultTitle(WorkflowKind workflow) => workflow switch
    {
        WorkflowKind.Chat => "Chat with the showrunner",
        WorkflowKind.RegenerateSection => "Regenerate a section",
        _ => "Full pitch",
    };

    private static string SectionLabel(string section) => section.Replace('_', ' ');

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..57].TrimEnd() + "…";
    }
}
