namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Everything one run needs: who it is for, the state so far, and what to skip. The runner builds it from the
/// database; the engine never persists anything. Composite steps pass a copy with a longer <see cref="StepPrefix"/>;
/// the copies share <see cref="State"/> and <see cref="FollowUps"/>.
/// </summary>
public sealed record RunContext
{
    /// <summary>The session (pitch) this run belongs to.</summary>
    public required Guid SessionId { get; init; }

    /// <summary>The run's id; carried on run-level events.</summary>
    public required Guid RunId { get; init; }

    /// <summary>Which workflow to run (see <see cref="WorkflowFactory.Create"/>).</summary>
    public WorkflowKind Workflow { get; init; } = WorkflowKind.Pitch;

    /// <summary>
    /// The user the run acts for (the session's owner). Every model call is charged to their daily budget
    /// (<see cref="Providers.IUsageBudget"/>); null: no budget applies.
    /// </summary>
    public Guid? UserId { get; init; }

    /// <summary>The session's model profile (null: <c>Llm:DefaultProfile</c>); agents may override it (<see cref="AgentsOptions.ModelOverrides"/>).</summary>
    public string? ModelProfile { get; init; }

    /// <summary>The state so far: seed it with every stored key's latest version. Agents' writes are applied here as they complete.</summary>
    public RunState State { get; init; } = new();

    /// <summary>Step keys already completed (resume): these steps are skipped and never re-run.</summary>
    public IReadOnlySet<string> CompletedSteps { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>For <see cref="WorkflowKind.RegenerateSection"/>: the section (a <c>PitchSections</c> name) and the writer's note.</summary>
    public SectionRevision? Revision { get; init; }

    /// <summary>For <see cref="WorkflowKind.Chat"/>: the writer's message to the showrunner.</summary>
    public string? UserMessage { get; init; }

    /// <summary>
    /// Work the showrunner's tools asked for in this run (revise a section, rerun a stage). A chat run executes it
    /// after the showrunner's reply, as further steps of the same run. On resume, seed it with the requests reported
    /// by the showrunner's completed step (<see cref="AgentCompleted.FollowUps"/>).
    /// </summary>
    public FollowUpPlan FollowUps { get; init; } = new();

    /// <summary>Prefix of step keys produced under this context, e.g. <c>writers_room/2</c>. Empty at the root.</summary>
    public string StepPrefix { get; init; } = "";

    /// <summary>
    /// The writers'-room loop bound the writer chose for this pitch; null: <see cref="AgentsOptions.LoopMaxIterations"/>.
    /// Clamped to <see cref="AgentsOptions.LoopIterationsCeiling"/>.
    /// </summary>
    public int? WritersRoomIterations { get; init; }

    /// <summary>The writers'-room iteration (1-based) when running inside a loop.</summary>
    public int? Iteration { get; init; }

    /// <summary>The loop's maximum iterations, when inside a loop (shown to agents).</summary>
    public int? MaxIterations { get; init; }

    /// <summary>
    /// When set (inside a parallel branch), what agents read: the state as it was when the branches started, so a
    /// branch never sees another branch's output. Writes still go to <see cref="State"/>.
    /// </summary>
    internal IReadOnlyDictionary<string, StateEntry>? ReadSnapshot { get; init; }

    /// <summary>The step key of an agent or stage under this context.</summary>
    public string StepKey(string name) => StepPrefix.Length == 0 ? name : $"{StepPrefix}/{name}";

    /// <summary>This context one level deeper.</summary>
    public RunContext Under(string segment) => this with { StepPrefix = StepKey(segment) };

    /// <summary>True when the step, or a step under it, must be skipped because it completed before.</summary>
    public bool IsCompleted(string stepKey) => CompletedSteps.Contains(stepKey);

    /// <summary>True when any completed step lies under the given prefix.</summary>
    public bool HasCompletedUnder(string prefix) => CompletedSteps.Any(k => k.StartsWith(prefix + "/", StringComparison.Ordinal));

    /// <summary>What an agent starting now may read.</summary>
    internal IReadOnlyDictionary<string, StateEntry> ReadableState() => ReadSnapshot ?? State.Snapshot();
}

/// <summary>Which workflow a run executes.</summary>
public enum WorkflowKind
{
    /// <summary>The full pitch: writers' room loop, pre-production in parallel, pitch writer.</summary>
    Pitch,
    /// <summary>Regenerate one pitch section with a writer's note (only the agents that section needs).</summary>
    RegenerateSection,
    /// <summary>A chat turn with the showrunner, plus whatever its tools ask for.</summary>
    Chat,
}

/// <summary>A request to regenerate one pitch section.</summary>
/// <param name="Section">A <c>PitchSections</c> name, e.g. <c>casting</c>.</param>
/// <param name="Note">The writer's note for the agents, e.g. "younger, less obvious choices".</param>
public sealed record SectionRevision(string Section, string? Note);

/// <summary>What a showrunner tool asked for.</summary>
public enum FollowUpKind
{
    /// <summary>Regenerate one pitch section (<see cref="FollowUpRequest.Target"/> is a <c>PitchSections</c> name).</summary>
    ReviseSection,
    /// <summary>Rerun a stage (<see cref="FollowUpRequest.Target"/> is <c>writers_room</c>, <c>preproduction</c> or <c>pitch_writer</c>).</summary>
    Rerun,
}

/// <summary>One request made by the showrunner's <c>revise_section</c> or <c>rerun</c> tool.</summary>
public sealed record FollowUpRequest(FollowUpKind Kind, string Target, string? Note);

/// <summary>The follow-up work requested during a run. Thread-safe; shared by every copy of a <see cref="RunContext"/>.</summary>
public sealed class FollowUpPlan
{
    private readonly Lock _gate = new();
    private readonly List<FollowUpRequest> _requests = [];

    public FollowUpPlan()
    {
    }

    /// <summary>A plan restored from stored requests (resume).</summary>
    public FollowUpPlan(IEnumerable<FollowUpRequest> requests) => _requests.AddRange(requests);

    public IReadOnlyList<FollowUpRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    internal void AddRange(IEnumerable<FollowUpRequest> requests)
    {
        lock (_gate)
        {
            foreach (var request in requests)
            {
                if (!_requests.Contains(request))
                {
                    _requests.Add(request);
                }
            }
        }
    }
}
