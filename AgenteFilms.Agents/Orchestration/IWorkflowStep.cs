namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// A unit of a workflow: one agent, or a composite (<see cref="SequentialStep"/>, <see cref="ParallelStep"/>,
/// <see cref="LoopStep"/>). Steps do no persistence and no UI work: they only emit events.
/// </summary>
/// <remarks>
/// Cancellation: when <c>cancellationToken</c> is cancelled, the step stops within the model call in flight and the
/// enumeration throws <see cref="OperationCanceledException"/>. An agent failure throws <see cref="AgentFailedException"/>.
/// <see cref="AgentEngine.RunAsync(RunContext, CancellationToken)"/> turns both into terminal events.
/// </remarks>
public interface IWorkflowStep
{
    /// <summary>The agent name or stage name (a segment of step keys).</summary>
    string Name { get; }

    /// <summary>Runs the step under <paramref name="context"/>, streaming its events.</summary>
    IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, CancellationToken cancellationToken);
}

/// <summary>A step that can tell, from state alone, whether it escalated (asked its loop to stop) in an iteration.</summary>
public interface IEscalationSource
{
    /// <summary>Derived from persisted state so a resumed loop makes the same decision as the original run.</summary>
    bool HasEscalated(RunState state, int iteration);
}

/// <summary>Thrown when an agent step fails; the message names the agent, the step and the cause.</summary>
public sealed class AgentFailedException(string agent, string displayName, string stepKey, string cause, Exception? inner = null)
    : Exception($"{displayName} ({agent}) failed at step '{stepKey}': {cause}", inner)
{
    public string Agent { get; } = agent;
    public string StepKey { get; } = stepKey;
    public string Cause { get; } = cause;
}

/// <summary>What every step needs from the host: the model factory, the <c>Agents</c> options, a clock and (optionally) step metrics.</summary>
public sealed record AgentRuntime(Providers.IChatClientFactory Models, AgentsOptions Options, TimeProvider Time, Diagnostics.AgentMetrics? Metrics = null)
{
    internal T Stamp<T>(T e) where T : AgentEvent => (T)((AgentEvent)e with { At = Time.GetUtcNow() });
}
