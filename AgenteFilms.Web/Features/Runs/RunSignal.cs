using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// Wakes the worker when a run is queued, and lets a cancel request reach the run executing in this process. Neither
/// is the record of anything: the AgentRun table is (DECISIONS §3).
/// </summary>
public sealed class RunSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Something was queued.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: poll the table anyway.
        }
    }

    internal void Register(Guid runId, CancellationTokenSource cancellation) => _running[runId] = cancellation;

    internal void Unregister(Guid runId) => _running.TryRemove(runId, out _);

    /// <summary>Cancels a run executing in this process. False when it is not executing here.</summary>
    public bool Cancel(Guid runId)
    {
        if (_running.TryGetValue(runId, out var cancellation))
        {
            cancellation.Cancel();
            return true;
        }
        return false;
    }
}
