using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AgenteFilms.Agents.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// The entry point for the runner: runs a workflow and returns ONE event stream per run that always starts with
/// <see cref="RunStarted"/> and ends with exactly one of <see cref="RunCompleted"/>, <see cref="RunFailed"/> or
/// <see cref="RunCancelled"/>. It never throws for agent failures or cancellation: cancelling the token stops the
/// model call in flight and ends the stream with <see cref="RunCancelled"/>. It does no persistence.
/// </summary>
public sealed partial class AgentEngine(WorkflowFactory workflows, TimeProvider time, ILogger<AgentEngine>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AgentEngine>.Instance;

    public WorkflowFactory Workflows { get; } = workflows;

    /// <summary>Runs the workflow that <paramref name="context"/> asks for (<see cref="RunContext.Workflow"/>).</summary>
    public IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, CancellationToken cancellationToken = default)
        => RunAsync(Workflows.Create(context), context, cancellationToken);

    /// <summary>Runs a given workflow (e.g. one built from <see cref="WorkflowFactory"/> parts).</summary>
    public async IAsyncEnumerable<AgentEvent> RunAsync(Workflow workflow, RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => PumpAsync(workflow, context, channel.Writer, abandon.Token), CancellationToken.None);
        try
        {
            // Not cancellable here: the pump always finishes with a terminal event, which the consumer should see.
            await foreach (var e in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            if (!pump.IsCompleted)
            {
                await abandon.CancelAsync().ConfigureAwait(false);
            }
            await pump.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(Workflow workflow, RunContext context, ChannelWriter<AgentEvent> events, CancellationToken cancellationToken)
    {
        void Emit(AgentEvent e) => events.TryWrite(e with { At = time.GetUtcNow() });

        // Started here, on the pump's own flow, so every step span below is its child.
        using var activity = AgentTelemetry.StartWorkflow(context, workflow.Name);
        var inFlight = new List<string>();
        string? response = null;
        string? lastText = null;
        Emit(new RunStarted(context.RunId, context.SessionId, context.Workflow, workflow.Name));
        LogRunStarted(context.RunId, context.SessionId, workflow.Name, context.CompletedSteps.Count);
        try
        {
            await foreach (var e in workflow.Root.RunAsync(context, cancellationToken).ConfigureAwait(false))
            {
                switch (e)
                {
                    case AgentStarted started:
                        inFlight.Add(started.StepKey);
                        break;
                    case AgentCompleted completed:
                        inFlight.Remove(completed.StepKey);
                        lastText = completed.FinalText;
                        if (completed.Agent == workflow.ResponseAgent)
                        {
                            response ??= completed.FinalText;
                        }
                        break;
                }
                events.TryWrite(e);
            }
            Emit(new RunCompleted(context.RunId, response ?? lastText ?? ""));
            activity.SetSucceeded();
            LogRunCompleted(context.RunId, workflow.Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Emit(new RunCancelled(context.RunId, inFlight.FirstOrDefault()));
            activity?.SetTag(AgentTelemetry.OutcomeTag, "cancelled");
            LogRunCancelled(context.RunId, inFlight.FirstOrDefault());
        }
        catch (AgentFailedException failed)
        {
            // A budget stop is not the agent's fault: say plainly what happened and what was kept.
            var budget = failed.InnerException as Providers.UsageBudgetExceededException;
            var message = budget is not null
                ? $"Stopped before the next model call: {budget.Message} Completed steps are saved; resume the run when the budget allows."
                : failed.Message;
            Emit(new RunFailed(context.RunId, failed.Agent, failed.StepKey, message, budget?.RetryAfter));
            activity.SetFailed("failed", message);
            LogAgentFailed(failed.InnerException ?? failed, context.RunId, failed.Agent, failed.StepKey, failed.Cause);
        }
        catch (Exception ex)
        {
            Emit(new RunFailed(context.RunId, null, inFlight.FirstOrDefault(), $"The {workflow.Name} workflow failed: {ex.Message}"));
            activity.SetFailed("failed", ex.Message);
            LogWorkflowFailed(ex, context.RunId, workflow.Name);
        }
        finally
        {
            events.TryComplete();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of session {SessionId} started: workflow {Workflow}, {SkippedSteps} completed steps to skip")]
    private partial void LogRunStarted(Guid runId, Guid sessionId, string workflow, int skippedSteps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed ({Workflow})")]
    private partial void LogRunCompleted(Guid runId, string workflow);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled during step {StepKey}")]
    private partial void LogRunCancelled(Guid runId, string? stepKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed: agent {Agent} at step {StepKey}: {Cause}")]
    private partial void LogAgentFailed(Exception exception, Guid runId, string agent, string stepKey, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed outside any agent ({Workflow})")]
    private partial void LogWorkflowFailed(Exception exception, Guid runId, string workflow);
}
