using System.Text;
using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// What the workspace shows of one run: its steps, the writers'-room iterations and totals. Built from engine events
/// (live or replayed) or from persisted steps; it never guesses progress from time.
/// Not thread-safe: the workspace mutates it on its circuit's dispatcher only.
/// </summary>
public sealed class RunTimeline
{
    private readonly List<TimelineStep> _steps = [];
    private readonly Dictionary<string, TimelineStep> _byKey = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, LoopIteration> _iterations = [];

    public Guid RunId { get; private set; }

    /// <summary>What the run is for (e.g. the writer's chat message); null when the page did not see it start.</summary>
    public string? Title { get; private set; }
    public RunStatus Status { get; private set; } = RunStatus.Queued;
    public WorkflowKind Workflow { get; private set; } = WorkflowKind.Pitch;
    public string? Error { get; private set; }
    public string? LoopStopReason { get; private set; }
    public int? LoopIterations { get; private set; }
    public string? Response { get; private set; }

    public IReadOnlyList<TimelineStep> Steps => _steps;
    public IReadOnlyCollection<LoopIteration> Iterations => _iterations.Values;
    public bool IsActive => Status is RunStatus.Queued or RunStatus.Running;
    public long InputTokens => _steps.Sum(s => s.InputTokens);
    public long OutputTokens => _steps.Sum(s => s.OutputTokens);
    public decimal CostUsd => _steps.Sum(s => s.CostUsd);
    public TimeSpan Duration => TimeSpan.FromTicks(_steps.Sum(s => s.Duration?.Ticks ?? 0));
    public int CompletedSteps => _steps.Count(s => s.Status == StepStatus.Completed);

    /// <summary>A resumed run waits in the queue again.</summary>
    public void MarkQueued()
    {
        Status = RunStatus.Queued;
        Error = null;
    }

    public LoopIteration? IterationOf(int iteration) => _iterations.GetValueOrDefault(iteration);

    /// <summary>A run that is queued and has produced no event yet (just submitted).</summary>
    public static RunTimeline Queued(Guid runId, WorkflowKind workflow, string? title = null) => new() { RunId = runId, Workflow = workflow, Title = title };

    /// <summary>Rebuilds a run from the database: used on first load and when the event buffer cannot cover the gap.</summary>
    public static RunTimeline FromPersisted(AgentRun run, IReadOnlyList<Answer> answers)
    {
        var timeline = new RunTimeline
        {
            RunId = run.Id, Status = run.Status, Workflow = RunArguments.KindOf(run.Workflow), Error = run.Error, Title = RunSummary.TitleOf(run),
        };
        foreach (var step in run.Steps.OrderBy(s => s.StartedAt))
        {
            // Answers name their step; older rows without it: the first answer its agent gave after the step started.
            var text = (answers.FirstOrDefault(a => a.StepId == step.Id)
                ?? answers.Where(a => a.StepId is null && a.Agent == step.Agent && a.CreatedAt >= step.StartedAt).MinBy(a => a.CreatedAt))?.Content ?? "";
            var item = timeline.Add(step.StepKey, step.Agent, AgentLabels.Display(step.Agent), step.Model ?? "", step.Iteration > 0 ? step.Iteration : null);
            item.Status = step.Status;
            item.Text.Append(text);
            item.InputTokens = step.InputTokens;
            item.OutputTokens = step.OutputTokens;
            item.CostUsd = step.CostUsd;
            item.Duration = step.CompletedAt is { } end ? end - step.StartedAt : null;
            item.Error = step.Error;
            if (step.Agent == AgentNames.Critic && step.Status == StepStatus.Completed && item.Iteration is { } iteration)
            {
                timeline.RestoreIteration(iteration, text);
            }
        }
        if (timeline._iterations.Count > 0 && timeline._iterations.Values.Last() is var last
            && (last.Escalated || timeline._steps.Any(s => s.Iteration is null)))
        {
            timeline.LoopStopReason = last.Escalated ? LoopStopReasons.CriticApproved : LoopStopReasons.MaxIterations;
            timeline.LoopIterations = last.Number;
        }
        return timeline;
    }

    /// <summary>The critic's answer is its rubric as JSON: enough to show an iteration's verdict and scores again.</summary>
    private void RestoreIteration(int iteration, string criticText)
    {
        try
        {
            if (JsonSerializer.Deserialize<Critique>(criticText, AgentJson.Options) is { Scores.Count: > 0 } critique)
            {
                _iterations[iteration] = new LoopIteration(iteration, 0, critique.Verdict, critique.Scores, critique.Passed);
            }
        }
        catch (JsonException)
        {
            // Another provider's critic may answer in prose; the row still shows, without scores.
        }
    }

    /// <summary>
    /// Applies one event. Returns true when it should be shown at once: everything except a text delta that extends
    /// text already on screen (those may be coalesced, DECISIONS §4).
    /// </summary>
    public bool Apply(AgentEvent e)
    {
        switch (e)
        {
            case RunStarted started:
                RunId = started.RunId;
                Workflow = started.Workflow;
                Status = RunStatus.Running;
                return true;
            case AgentStarted started:
                var step = Add(started.StepKey, started.Agent, started.DisplayName, started.ModelLabel, started.Iteration);
                step.Status = StepStatus.Running;
                Status = RunStatus.Running;
                return true;
            case StepSkipped skipped:
                _byKey.GetValueOrDefault(skipped.StepKey)?.MarkSkipped();
                return true;
            case TextDelta delta:
                var target = StepFor(delta.StepKey, delta.Agent);
                var first = target.Text.Length == 0;
                target.Text.Append(delta.Text);
                return first;
            case ToolCalled call:
                StepFor(call.StepKey, call.Agent).Tools.Add(new ToolChip(call.CallId, call.ToolName, call.Allowed));
                return true;
            case ToolResult result:
                var owner = StepFor(result.StepKey, result.Agent);
                var index = owner.Tools.FindIndex(t => t.CallId == result.CallId);
                if (index >= 0)
                {
                    owner.Tools[index] = owner.Tools[index] with { Done = true, Refused = result.Refused };
                }
                return true;
            case AgentCompleted completed:
                var done = StepFor(completed.StepKey, completed.Agent);
                done.Status = StepStatus.Completed;
                done.DisplayName = completed.DisplayName;
                done.ModelLabel = completed.ModelLabel;
                done.InputTokens = completed.Usage.InputTokens;
                done.OutputTokens = completed.Usage.OutputTokens;
                done.CostUsd = completed.CostUsd;
                done.Duration = completed.Duration;
                if (done.Text.Length == 0 || completed.FinalText.Length > 0)
                {
                    done.Text.Clear().Append(completed.FinalText);
                }
                return true;
            case LoopIterationCompleted iteration:
                _iterations[iteration.Iteration] = new LoopIteration(iteration.Iteration, iteration.MaxIterations, iteration.Verdict, iteration.Scores, iteration.Escalated);
                return true;
            case LoopCompleted loop:
                LoopStopReason = loop.StopReason;
                LoopIterations = loop.Iterations;
                return true;
            case RunCompleted completedRun:
                Status = RunStatus.Completed;
                Response = completedRun.Response;
                return true;
            case RunFailed failed:
                Status = RunStatus.Failed;
                Error = failed.Message;
                EndRunning(StepStatus.Failed);
                return true;
            case RunCancelled:
                Status = RunStatus.Cancelled;
                EndRunning(StepStatus.Cancelled);
                return true;
            default:
                return false;
        }
    }

    private void EndRunning(StepStatus status)
    {
        foreach (var step in _steps.Where(s => s.Status == StepStatus.Running))
        {
            step.Status = status;
        }
    }

    private TimelineStep StepFor(string stepKey, string agent) =>
        _byKey.TryGetValue(stepKey, out var step) ? step : Add(stepKey, agent, AgentLabels.Display(agent), "", null);

    private TimelineStep Add(string stepKey, string agent, string displayName, string modelLabel, int? iteration)
    {
        if (_byKey.TryGetValue(stepKey, out var existing))
        {
            // A resumed run restarts an unfinished step under the same key.
            existing.Text.Clear();
            existing.Tools.Clear();
            existing.ModelLabel = modelLabel;
            return existing;
        }
        var step = new TimelineStep(stepKey, agent) { DisplayName = displayName, ModelLabel = modelLabel, Iteration = iteration };
        _steps.Add(step);
        _byKey[stepKey] = step;
        return step;
    }
}

/// <summary>One agent step as the timeline shows it.</summary>
public sealed class TimelineStep(string stepKey, string agent)
{
    public string StepKey { get; } = stepKey;
    public string Agent { get; } = agent;
    public string DisplayName { get; set; } = "";
    public string ModelLabel { get; set; } = "";
    public int? Iteration { get; init; }
    public StepStatus Status { get; set; } = StepStatus.Running;
    public bool Skipped { get; private set; }
    public StringBuilder Text { get; } = new();
    public List<ToolChip> Tools { get; } = [];
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal CostUsd { get; set; }
    public TimeSpan? Duration { get; set; }
    public string? Error { get; set; }

    internal void MarkSkipped()
    {
        Skipped = true;
        Status = StepStatus.Completed;
    }
}

/// <summary>A tool the agent called; <see cref="Done"/> once its result came back.</summary>
public sealed record ToolChip(string CallId, string Name, bool Allowed, bool Done = false, bool Refused = false);

/// <summary>One writers'-room iteration's outcome: the critic's verdict and scores. <paramref name="Max"/> is 0 when unknown (rebuilt from the database).</summary>
public sealed record LoopIteration(int Number, int Max, string? Verdict, IReadOnlyDictionary<string, int> Scores, bool Escalated);

/// <summary>Display names of agents, for rows rebuilt from the database (events carry the engine's own names).</summary>
public static class AgentLabels
{
    private static readonly Dictionary<string, string> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        [AgentNames.Greeter] = "Showrunner",
        [AgentNames.BoxOffice] = "Box-office analyst",
    };

    public static string Display(string agent)
    {
        if (s_names.TryGetValue(agent, out var name))
        {
            return name;
        }
        var words = agent.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? "Agent" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
