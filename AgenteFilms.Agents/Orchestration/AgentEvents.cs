using System.Text.Json;
using AgenteFilms.Agents.Providers;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Something that happened in a run, in order. Events of one agent step derive from <see cref="StepEvent"/>;
/// run- and loop-level events do not.
/// </summary>
public abstract record AgentEvent
{
    /// <summary>When the engine produced the event (from the engine's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>An event of one agent step, identified by its stable step key (e.g. <c>writers_room/2/critic</c>).</summary>
public abstract record StepEvent(string StepKey, string Agent) : AgentEvent;

/// <summary>The run began. Always the first event of <see cref="AgentEngine.RunAsync"/>.</summary>
public sealed record RunStarted(Guid RunId, Guid SessionId, WorkflowKind Workflow, string WorkflowName) : AgentEvent;

/// <summary>An agent step began.</summary>
/// <param name="Iteration">The writers'-room iteration, when inside the loop.</param>
public sealed record AgentStarted(string StepKey, string Agent, string DisplayName, string ModelProfile, string ModelLabel, int? Iteration) : StepEvent(StepKey, Agent);

/// <summary>A completed step was skipped because <see cref="RunContext.CompletedSteps"/> lists it (resume).</summary>
public sealed record StepSkipped(string StepKey, string Agent) : StepEvent(StepKey, Agent);

/// <summary>A chunk of the agent's streamed text.</summary>
public sealed record TextDelta(string StepKey, string Agent, string Text) : StepEvent(StepKey, Agent);

/// <summary>The model asked for a tool. <paramref name="Allowed"/> is false when the tool is outside the agent's allow-list (it is then refused).</summary>
public sealed record ToolCalled(string StepKey, string Agent, string ToolName, string CallId, string ArgumentsJson, bool Allowed) : StepEvent(StepKey, Agent);

/// <summary>What a tool returned to the model. <paramref name="Refused"/>: the call was refused (not allowed, or it tried to write another agent's key).</summary>
public sealed record ToolResult(string StepKey, string Agent, string ToolName, string CallId, string Result, bool Refused) : StepEvent(StepKey, Agent);

/// <summary>A state key got a new version. Emitted when the writing agent completes, just before its <see cref="AgentCompleted"/>.</summary>
public sealed record StateChanged(string StepKey, string Agent, StateEntry Entry) : StepEvent(StepKey, Agent)
{
    public string Key => Entry.Key;
    public int Version => Entry.Version;
    public JsonElement Value => Entry.Value;
}

/// <summary>
/// An agent step finished. This is the unit the runner commits in one transaction: the answer (<see cref="FinalText"/>),
/// <see cref="Writes"/> (the new state versions), the step row with usage, cost, duration and model, and
/// <see cref="Reads"/> (key → version the agent read, for staleness).
/// </summary>
public sealed record AgentCompleted(
    string StepKey,
    string Agent,
    string DisplayName,
    string ModelProfile,
    string ModelLabel,
    int? Iteration,
    string FinalText,
    Usage Usage,
    TimeSpan Duration,
    IReadOnlyList<StateEntry> Writes,
    IReadOnlyDictionary<string, int> Reads,
    bool Escalated,
    IReadOnlyList<FollowUpRequest> FollowUps) : StepEvent(StepKey, Agent)
{
    /// <summary>Cost in USD of this step's model requests.</summary>
    public decimal CostUsd => Usage.CostUsd;
}

/// <summary>One writers'-room iteration ended, with the critic's verdict and scores (null when the critic did not run).</summary>
public sealed record LoopIterationCompleted(string Loop, int Iteration, int MaxIterations, string? Verdict, IReadOnlyDictionary<string, int> Scores, bool Escalated) : AgentEvent;

/// <summary>Why a loop stopped.</summary>
public static class LoopStopReasons
{
    public const string CriticApproved = "critic approved";
    public const string MaxIterations = "max iterations";
}

/// <summary>The loop stopped. <paramref name="StopReason"/> is a <see cref="LoopStopReasons"/> value.</summary>
public sealed record LoopCompleted(string Loop, int Iterations, string StopReason) : AgentEvent;

/// <summary>The run finished. <paramref name="Response"/> is the text to show as the answer (the showrunner's reply in chat, else the last agent's text).</summary>
public sealed record RunCompleted(Guid RunId, string Response) : AgentEvent;

/// <summary>
/// The run failed. State written by completed steps stays; <paramref name="FailedStep"/> can be retried by resuming.
/// <paramref name="RetryAfter"/> is set when a limit (the user's daily budget) stopped it: when trying again can succeed.
/// </summary>
public sealed record RunFailed(
    Guid RunId,
    string? Agent,
    string? FailedStep,
    string Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    TimeSpan? RetryAfter = null) : AgentEvent;

/// <summary>The run was cancelled through its token. <paramref name="InFlightStep"/> is the step that was running, if any.</summary>
public sealed record RunCancelled(Guid RunId, string? InFlightStep) : AgentEvent;
