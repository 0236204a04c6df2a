namespace AgenteFilms.Web.Components.Shared;

/// <summary>Runs the latest action once input has paused for the delay; earlier pending actions are dropped.</summary>
public sealed class Debouncer(TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _pending;

    public void Run(Func<Task> action)
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        _ = RunLaterAsync(action, _pending.Token);
    }

    private async Task RunLaterAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await action();
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
