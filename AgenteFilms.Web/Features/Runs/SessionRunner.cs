using System.Diagnostics;
using System.Text.Json;
using AgenteFilms.Agents.Diagnostics;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Features.Limits;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// Executes one claimed run: builds the engine's context from the database, streams the engine's events to the
/// session's subscribers, and commits every completed agent step in one transaction (answer, state versions, step
/// status, pitch version). A crash loses at most the steps in flight; resuming skips completed steps.
/// </summary>
public sealed class SessionRunner(
    AgentEngine engine,
    RunStore runs,
    StateStore state,
    IDbContextFactory<AgenteFilmsDbContext> contexts,
    RunEventHub hub,
    RunSignal signal,
    DailyUsageBudget budget,
    ILogger<SessionRunner> logger)
{
    public async Task ExecuteAsync(AgentRun run, CancellationToken stoppingToken)
    {
        // The run's span: the engine's workflow and agent spans, and the database work of this run, are its children.
        using var activity = AgentTelemetry.StartRun(run.SessionId, run.Id, run.Workflow);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        signal.Register(run.Id, cancellation);
        var stepIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        try
        {
            var context = await BuildContextAsync(run, stoppingToken);
            if (context is null)
            {
                await FinishAsync(activity, run, RunStatus.Failed, "The pitch no longer exists.");
                return;
            }
            await foreach (var e in engine.RunAsync(context, cancellation.Token))
            {
                await HandleAsync(activity, run, e, stepIds, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (await WasDeletedAsync(run))
            {
                // The writer deleted the pitch mid-step (from another instance, or before the cancel arrived): its
                // rows are gone and must stay gone, so write nothing and end quietly.
                logger.LogInformation("Run {RunId} stopped: session {SessionId} was deleted", run.Id, run.SessionId);
                return;
            }
            logger.LogError(ex, "Run {RunId} of session {SessionId} failed in the runner", run.Id, run.SessionId);
            await EndInFlightAsync(run, stepIds, StepStatus.Failed, ex.Message);
            await FinishAsync(activity, run, RunStatus.Failed, $"The run stopped unexpectedly: {ex.Message}");
            hub.Publish(run.SessionId, run.Id, "run_failed", new RunFailed(run.Id, null, null, ex.Message));
        }
        finally
        {
            signal.Unregister(run.Id);
        }
    }

    private async Task<bool> WasDeletedAsync(AgentRun run)
    {
        try
        {
            return !await runs.ExistsAsync(run.Id, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database itself is failing: report the original error as usual.
            return false;
        }
    }

    private async Task HandleAsync(Activity? activity, AgentRun run, AgentEvent e, Dictionary<string, Guid> stepIds, CancellationToken stoppingToken)
    {
        switch (e)
        {
            case AgentStarted started:
                stepIds[started.StepKey] = await runs.StartStepAsync(run.Id, started.StepKey, started.Agent, started.Iteration ?? 0, started.ModelLabel, CancellationToken.None);
                break;
            case AgentCompleted completed:
                await CommitAsync(run, completed, stepIds);
                break;
            case RunCompleted:
                await FinishAsync(activity, run, RunStatus.Completed, null);
                break;
            case RunFailed failed:
                await EndInFlightAsync(run, stepIds, StepStatus.Failed, failed.Message);
                await FinishAsync(activity, run, RunStatus.Failed, failed.Message);
                break;
            case RunCancelled:
                // Shutting down is not the writer cancelling: the run is Interrupted and can be resumed.
                var status = stoppingToken.IsCancellationRequested ? RunStatus.Interrupted : RunStatus.Cancelled;
                await EndInFlightAsync(run, stepIds, StepStatus.Cancelled, null);
                await FinishAsync(activity, run, status, status == RunStatus.Interrupted ? "The server stopped during this run. Resume it to continue." : null);
                break;
        }
        hub.Publish(run.SessionId, run.Id, EventNames.Of(e), e);
    }

    private async Task CommitAsync(AgentRun run, AgentCompleted completed, Dictionary<string, Guid> stepIds)
    {
        if (!stepIds.Remove(completed.StepKey, out var stepId))
        {
            stepId = await runs.StartStepAsync(run.Id, completed.StepKey, completed.Agent, completed.Iteration ?? 0, completed.ModelLabel, CancellationToken.None);
        }
        var writes = completed.Writes.Select(w => new KeyValuePair<string, string>(w.Key, w.Json)).ToList();
        var pitch = completed.Writes.FirstOrDefault(w => w.Key == StateKeys.Pitch);
        // What the showrunner's tools asked for is saved with its step, so a resumed chat turn does that work.
        var arguments = completed.FollowUps.Count > 0
            ? (RunArguments.FromJson(run.ArgumentsJson) with { FollowUps = completed.FollowUps }).ToJson()
            : null;
        await runs.CommitStepAsync(new StepCommit(
            run.SessionId, run.Id, stepId, run.QuestionId, completed.Agent, completed.FinalText,
            completed.Usage.InputTokens, completed.Usage.OutputTokens, completed.Usage.CostUsd,
            (long)completed.Duration.TotalMilliseconds, completed.ModelLabel,
            JsonSerializer.Serialize(completed.Reads),
            writes,
            PitchJson: pitch?.Json,
            PitchNote: pitch is null ? null : $"Written by {completed.DisplayName}",
            RunArgumentsJson: arguments), CancellationToken.None);
        // The committed step now holds its usage: the budget stops counting it from memory.
        budget.TakeUnstored(run.Id, completed.StepKey);
    }

    /// <summary>Ends the run in the table and tags the run's span with its status.</summary>
    private async Task FinishAsync(Activity? activity, AgentRun run, RunStatus status, string? error)
    {
        await runs.FinishAsync(run.Id, status, error, CancellationToken.None);
        if (activity is not null)
        {
            activity.SetTag(AgentTelemetry.RunStatusTag, status.ToString());
            if (status == RunStatus.Failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, error);
            }
        }
    }

    /// <summary>Ends the steps that did not complete, storing what their model calls were billed so far.</summary>
    private async Task EndInFlightAsync(AgentRun run, Dictionary<string, Guid> stepIds, StepStatus status, string? error)
    {
        foreach (var (stepKey, stepId) in stepIds)
        {
            await runs.EndStepAsync(stepId, status, error, budget.TakeUnstored(run.Id, stepKey), CancellationToken.None);
        }
        stepIds.Clear();
    }

    /// <summary>The engine's view of the run: the session's latest state, the steps already done, the workflow's arguments.</summary>
    private async Task<RunContext?> BuildContextAsync(AgentRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == run.SessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var stored = await state.GetLatestAsync(run.SessionId, cancellationToken);
        var entries = stored.Select(kv => StateEntry.FromJson(kv.Key, kv.Value.ValueJson, kv.Value.Version, kv.Value.Agent, kv.Value.Model)).ToList();
        if (!stored.ContainsKey(StateKeys.Brief))
        {
            // The brief lives on the session until the first run; from then on it is versioned state like the rest.
            var version = await state.SaveAsync(run.SessionId, StateKeys.Brief, session.BriefJson, run.Id, null, cancellationToken);
            entries.Add(StateEntry.FromJson(StateKeys.Brief, session.BriefJson, version));
        }

        var arguments = RunArguments.FromJson(run.ArgumentsJson);
        var question = run.QuestionId is { } questionId
            ? await db.Questions.AsNoTracking().Where(q => q.Id == questionId).Select(q => q.Content).FirstOrDefaultAsync(cancellationToken)
            : null;
        var completedSteps = await db.AgentSteps.AsNoTracking()
            .Where(s => s.RunId == run.Id && s.Status == StepStatus.Completed)
            .Select(s => s.StepKey)
            .ToListAsync(cancellationToken);

        return new RunContext
        {
            SessionId = run.SessionId,
            RunId = run.Id,
            // Background runs act for the session's owner: their model calls are charged to that user's budget.
            UserId = session.OwnerId,
            Workflow = RunArguments.KindOf(run.Workflow),
            ModelProfile = session.ModelProfile,
            // Runs queued before the writer could choose have no bound of their own: the pitch's brief decides.
            WritersRoomIterations = arguments.Iterations ?? SessionBrief.WritersRoomIterations(session.BriefJson),
            State = new RunState(entries),
            CompletedSteps = completedSteps.ToHashSet(StringComparer.Ordinal),
            Revision = arguments.Section is { } section ? new SectionRevision(section, arguments.Note) : null,
            UserMessage = arguments.Message ?? question,
            FollowUps = new FollowUpPlan(arguments.FollowUps ?? []),
        };
    }
}

/// <summary>snake_case names of engine events on the wire (SSE <c>event:</c>, the seed's WebSocket frames).</summary>
public static class EventNames
{
    public static string Of(AgentEvent e) => e switch
    {
        RunStarted => "run_started",
        AgentStarted => "agent_started",
        StepSkipped => "step_skipped",
        TextDelta => "text_delta",
        ToolCalled => "tool_called",
        ToolResult => "tool_result",
        StateChanged => "state_changed",
        AgentCompleted => "agent_completed",
        LoopIterationCompleted => "loop_iteration",
        LoopCompleted => "loop_completed",
        RunCompleted => "run_completed",
        RunFailed => "run_failed",
        RunCancelled => "run_cancelled",
        _ => "event",
    };

    public static bool IsTerminal(string type) => type is "run_completed" or "run_failed" or "run_cancelled";
}
