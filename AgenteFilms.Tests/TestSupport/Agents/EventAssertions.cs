using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Tests.TestSupport.Agents;

/// <summary>Small readers over a run's event list.</summary>
public static class EventAssertions
{
    public static IReadOnlyList<string> CompletedSteps(this IEnumerable<AgentEvent> events)
        => [.. events.OfType<AgentCompleted>().Select(e => e.StepKey)];

    public static IReadOnlyList<string> StartedSteps(this IEnumerable<AgentEvent> events)
        => [.. events.OfType<AgentStarted>().Select(e => e.StepKey)];

    public static AgentCompleted Completed(this IEnumerable<AgentEvent> events, string stepKey)
        => events.OfType<AgentCompleted>().Single(e => e.StepKey == stepKey);

    public static T Terminal<T>(this IReadOnlyList<AgentEvent> events) where T : AgentEvent
    {
        Assert.IsType<RunStarted>(events[0]);
        return Assert.IsType<T>(events[^1]);
    }
}
