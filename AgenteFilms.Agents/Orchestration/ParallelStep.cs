using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Runs its branches concurrently, each on its own task with its own conversation. Every branch reads the state as
/// it was when the stage started (never another branch's output) and writes its own keys. Events are forwarded as
/// they happen, so each branch's <see cref="AgentCompleted"/> reaches the runner the moment that branch finishes
/// (DECISIONS §3: persist branches as they finish). If a branch fails, the others still finish (their work is kept,
/// and a resume reruns only the failed branch); then the failure is rethrown.
/// </summary>
public sealed class ParallelStep(string name, IReadOnlyList<IWorkflowStep> branches) : IWorkflowStep
{
    public string Name { get; } = name;

    public IReadOnlyList<IWorkflowStep> Branches { get; } = branches;

    public async IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inner = context.Under(Name);
        var branchContext = inner with { ReadSnapshot = inner.ReadableState() };
        var channel = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true });

        // Stops the branches too if the consumer abandons the enumeration.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Branches
            .Select(branch => Task.Run(() => PumpAsync(branch, branchContext, channel.Writer, abandon.Token), CancellationToken.None))
            .ToArray();
        var all = Task.WhenAll(tasks).ContinueWith(_ => channel.Writer.TryComplete(), TaskScheduler.Default);

        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            if (!all.IsCompleted)
            {
                await abandon.CancelAsync().ConfigureAwait(false);
            }
            await all.ConfigureAwait(false);
        }

        ThrowFirstFailure(tasks, cancellationToken);
    }

    private static async Task PumpAsync(IWorkflowStep branch, RunContext context, ChannelWriter<AgentEvent> writer, CancellationToken cancellationToken)
    {
        await foreach (var e in branch.RunAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(e, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void ThrowFirstFailure(Task[] tasks, CancellationToken cancellationToken)
    {
        var failures = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
        var failed = failures.OfType<AgentFailedException>().FirstOrDefault();
        if (failed is not null)
        {
            throw failed;
        }
        if (failures.Any(f => f is not OperationCanceledException))
        {
            throw new AggregateException(failures);
        }
        if (tasks.Any(t => t.IsCanceled) || failures.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationCanceledException("A parallel branch was cancelled.");
        }
    }
}
