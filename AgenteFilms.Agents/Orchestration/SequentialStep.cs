using System.Runtime.CompilerServices;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>Runs its steps in order on the same state. With a name, its steps' keys are prefixed with it.</summary>
public sealed class SequentialStep(string? name, IReadOnlyList<IWorkflowStep> steps) : IWorkflowStep
{
    public string Name { get; } = name ?? "sequential";

    public IReadOnlyList<IWorkflowStep> Steps { get; } = steps;

    public async IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inner = name is null ? context : context.Under(name);
        foreach (var step in Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await foreach (var e in step.RunAsync(inner, cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
    }
}
