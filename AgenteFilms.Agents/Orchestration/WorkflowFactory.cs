using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Builds the workflows the runner executes. Step keys (stable across runs, so a resume can skip what completed):
/// <list type="bullet">
/// <item>full pitch: <c>writers_room/{i}/{agent}</c>, <c>preproduction/box_office</c>, <c>preproduction/casting_director</c>, <c>pitch_writer</c></item>
/// <item>regenerate a section: <c>regenerate/{agent}</c>, e.g. <c>regenerate/casting_director</c>, <c>regenerate/pitch_writer</c></item>
/// <item>chat turn: <c>greeter</c>, then follow-ups under <c>followup/</c>, e.g. <c>followup/preproduction/box_office</c>, <c>followup/pitch_writer</c></item>
/// </list>
/// </summary>
public sealed class WorkflowFactory(AgentCatalog agents, AgentRuntime runtime)
{
    public AgentCatalog Agents { get; } = agents;

    /// <summary>The workflow for a context's <see cref="RunContext.Workflow"/>.</summary>
    public Workflow Create(RunContext context) => context.Workflow switch
    {
        WorkflowKind.Pitch => CreatePitch(context.WritersRoomIterations),
        WorkflowKind.RegenerateSection => CreateRegeneration(
            context.Revision ?? throw new ArgumentException("A regeneration needs RunContext.Revision.", nameof(context))),
        WorkflowKind.Chat => CreateChat(),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context.Workflow, "Unknown workflow."),
    };

    /// <summary>
    /// The default pitch workflow: Sequential(WritersRoom = Loop(max: researcher, screenwriter, character developer,
    /// critic), Preproduction = Parallel(box office, casting), pitch writer).
    /// </summary>
    /// <param name="iterations">The writer's loop bound (see <see cref="AgentsOptions.LoopIterationsFor"/>); null: the configured default.</param>
    public Workflow CreatePitch(int? iterations = null) =>
        new("pitch", new SequentialStep(null, [WritersRoom(iterations), Preproduction(), Step(AgentNames.PitchWriter)]));

    /// <summary>
    /// Regenerates one section with a note: the agent that owns the section's source key, then the pitch writer
    /// limited to that section (other sections, and the writer's edits in them, are kept).
    /// </summary>
    public Workflow CreateRegeneration(SectionRevision revision)
    {
        var section = revision.Section.Trim().ToLowerInvariant();
        if (!PitchSections.All.Contains(section))
        {
            throw new ArgumentException($"Unknown pitch section '{revision.Section}'.", nameof(revision));
        }
        var scope = new RevisionScope([section], revision.Note);
        var owner = PitchSectionMap.SourceAgent(section);
        List<IWorkflowStep> steps = owner == AgentNames.PitchWriter
            ? [Step(AgentNames.PitchWriter, scope)]
            : [Step(owner, scope), Step(AgentNames.PitchWriter, scope)];
        return new Workflow($"regenerate:{section}", new SequentialStep(StageNames.Regenerate, steps));
    }

    /// <summary>A chat turn: the showrunner answers, then runs what its tools asked for. One run, one event stream.</summary>
    public Workflow CreateChat()
        => new("chat", new SequentialStep(null, [Step(AgentNames.Greeter), new FollowUpStep(this)]), ResponseAgent: AgentNames.Greeter);

    /// <summary>The writers' room loop, bounded by the writer's choice or <see cref="AgentsOptions.LoopMaxIterations"/>.</summary>
    public LoopStep WritersRoom(int? iterations = null) => new(
        StageNames.WritersRoom,
        runtime.Options.LoopIterationsFor(iterations),
        [Step(AgentNames.Researcher), Step(AgentNames.Screenwriter), Step(AgentNames.CharacterDeveloper), Step(AgentNames.Critic)],
        runtime);

    /// <summary>Pre-production: box office and casting in parallel.</summary>
    public ParallelStep Preproduction() => new(StageNames.Preproduction, [Step(AgentNames.BoxOffice), Step(AgentNames.CastingDirector)]);

    /// <summary>One agent as a step, optionally limited to a revision scope.</summary>
    public AgentStep Step(string agent, RevisionScope? scope = null) => new(Agents[agent], runtime, scope);

    /// <summary>
    /// The minimal plan for the showrunner's requests, in workflow order, or null when there are none. Each agent
    /// runs at most once; the pitch writer runs last, limited to the sections that changed.
    /// </summary>
    public IWorkflowStep? CreateFollowUps(IReadOnlyList<FollowUpRequest> requests, int? iterations = null)
    {
        if (requests.Count == 0)
        {
            return null;
        }
        var notes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sections = new HashSet<string>(StringComparer.Ordinal);
        var wholePitch = false;
        var writersRoom = false;

        void Need(string agent, string? note)
        {
            if (!notes.TryGetValue(agent, out var list))
            {
                notes[agent] = list = [];
            }
            if (!string.IsNullOrWhiteSpace(note) && !list.Contains(note))
            {
                list.Add(note);
            }
        }

        foreach (var request in requests)
        {
            switch (request.Kind, request.Target)
            {
                case (FollowUpKind.Rerun, StageNames.WritersRoom):
                    // Market and casting are built from the story, so they follow it.
                    writersRoom = wholePitch = true;
                    Need(AgentNames.BoxOffice, request.Note);
                    Need(AgentNames.CastingDirector, request.Note);
                    break;
                case (FollowUpKind.Rerun, StageNames.Preproduction):
                    Need(AgentNames.BoxOffice, request.Note);
                    Need(AgentNames.CastingDirector, request.Note);
                    sections.UnionWith(PitchSectionMap.SectionsFrom(StateKeys.Market));
                    sections.UnionWith(PitchSectionMap.SectionsFrom(StateKeys.Casting));
                    break;
                case (FollowUpKind.Rerun, _):
                    wholePitch = true;
                    break;
                case (FollowUpKind.ReviseSection, var section):
                    var owner = PitchSectionMap.SourceAgent(section);
                    if (owner != AgentNames.PitchWriter)
                    {
                        Need(owner, request.Note);
                    }
                    sections.Add(section);
                    break;
            }
            Need(AgentNames.PitchWriter, request.Note);
        }

        RevisionScope ScopeFor(string agent, IReadOnlyCollection<string>? pitchSections = null)
            => new(pitchSections, notes.TryGetValue(agent, out var list) && list.Count > 0 ? string.Join("\n", list) : null);

        var steps = new List<IWorkflowStep>();
        if (writersRoom)
        {
            steps.Add(WritersRoom(iterations));
        }
        else
        {
            steps.AddRange(new[] { AgentNames.Screenwriter, AgentNames.CharacterDeveloper }
                .Where(notes.ContainsKey)
                .Select(a => Step(a, ScopeFor(a))));
        }
        var preproduction = new[] { AgentNames.BoxOffice, AgentNames.CastingDirector }
            .Where(notes.ContainsKey)
            .Select(a => (IWorkflowStep)Step(a, ScopeFor(a)))
            .ToList();
        if (preproduction.Count > 0)
        {
            steps.Add(new ParallelStep(StageNames.Preproduction, preproduction));
        }
        steps.Add(Step(AgentNames.PitchWriter, ScopeFor(AgentNames.PitchWriter, wholePitch ? null : [.. sections])));
        return new SequentialStep(null, steps);
    }
}
