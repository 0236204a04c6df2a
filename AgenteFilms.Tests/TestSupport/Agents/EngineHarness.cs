using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Tests.TestSupport.Agents;

/// <summary>Builds an <see cref="AgentEngine"/> around a test model and runs it to the end.</summary>
public sealed class EngineHarness
{
    public EngineHarness(IChatClient model, AgentsOptions? options = null, ModelProfileOptions? profile = null)
    {
        Factory = new TestChatClientFactory(model, profile);
        Options = options ?? new AgentsOptions();
        var runtime = new AgentRuntime(Factory, Options, TimeProvider.System);
        Engine = new AgentEngine(new WorkflowFactory(new AgentCatalog(), runtime), TimeProvider.System);
    }

    public TestChatClientFactory Factory { get; }

    public AgentsOptions Options { get; }

    public AgentEngine Engine { get; }

    public static Brief DefaultBrief { get; } = new()
    {
        Title = "",
        Concept = "A retired lighthouse keeper in Nova Scotia discovers that the fog rolling into her village is a living thing that steals memories.",
        Genre = "Horror",
        Tone = "Eerie, tender",
        Format = "Feature film",
        Audience = "Adults 25-54",
        BudgetTier = "low",
    };

    /// <summary>A context with a seeded brief (version 1), like a new session's first run.</summary>
    public static RunContext NewContext(WorkflowKind kind = WorkflowKind.Pitch, Brief? brief = null, RunState? state = null)
    {
        var runState = state ?? new RunState();
        if (runState.Get(StateKeys.Brief) is null)
        {
            runState.Set(StateKeys.Brief, brief ?? DefaultBrief);
        }
        return new RunContext { SessionId = Guid.NewGuid(), RunId = Guid.NewGuid(), Workflow = kind, State = runState };
    }

    public async Task<List<AgentEvent>> RunAsync(RunContext context, CancellationToken cancellationToken = default)
    {
        var events = new List<AgentEvent>();
        await foreach (var e in Engine.RunAsync(context, cancellationToken))
        {
            events.Add(e);
        }
        return events;
    }
}
