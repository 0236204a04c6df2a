using System.Globalization;
using System.Runtime.CompilerServices;
using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Repeats its steps until one escalates (the critic's <c>exit_loop</c>) or <see cref="MaxIterations"/> is reached.
/// Step keys are <c>{name}/{iteration}/{agent}</c>. The exit decision after each step is read from state
/// (<see cref="IEscalationSource"/>), so a resumed loop, whose earlier steps are skipped, decides exactly as the
/// original run did.
/// </summary>
public sealed class LoopStep(string name, int maxIterations, IReadOnlyList<IWorkflowStep> steps, AgentRuntime runtime) : IWorkflowStep
{
    public string Name { get; } = name;

    public int MaxIterations { get; } = maxIterations >= 1 ? maxIterations : throw new ArgumentOutOfRangeException(nameof(maxIterations));

    public IReadOnlyList<IWorkflowStep> Steps { get; } = steps;

    public async IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var loop = context.Under(Name);
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var inner = loop.Under(iteration.ToString(CultureInfo.InvariantCulture)) with { Iteration = iteration, MaxIterations = MaxIterations };
            var escalated = false;
            foreach (var step in Steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await foreach (var e in step.RunAsync(inner, cancellationToken).ConfigureAwait(false))
                {
                    yield return e;
                }
                // The same rule whether the step ran now or was skipped on resume: ask the persisted state.
                escalated = step is IEscalationSource source && source.HasEscalated(context.State, iteration);
                if (escalated)
                {
                    break;
                }
            }

            var critique = Critique.ForIteration(context.State, iteration);
            yield return runtime.Stamp(new LoopIterationCompleted(
                Name, iteration, MaxIterations, critique?.Verdict, critique?.Scores ?? new Dictionary<string, int>(), escalated));
            if (escalated)
            {
                yield return runtime.Stamp(new LoopCompleted(Name, iteration, LoopStopReasons.CriticApproved));
                yield break;
            }
        }
        yield return runtime.Stamp(new LoopCompleted(Name, MaxIterations, LoopStopReasons.MaxIterations));
    }
}
