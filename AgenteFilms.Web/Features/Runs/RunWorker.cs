using AgenteFilms.Data.Stores;
using OpenTelemetry;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>
/// Executes queued runs in the background, never inside a circuit or a request: closing the tab does not stop a run.
/// On start-up, runs a dead process left Running become Interrupted.
/// </summary>
public sealed class RunWorker(
    RunStore runs,
    RunSignal signal,
    IServiceScopeFactory scopes,
    IOptions<RunOptions> options,
    ILogger<RunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        // The database may be unreachable at start-up: keep trying rather than stopping the app (health says why).
        while (!await RecoverAbandonedRunsAsync(stoppingToken))
        {
            await Task.Delay(poll * 5, stoppingToken);
        }

        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentRuns);
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            await slots.WaitAsync(stoppingToken);
            var run = await ClaimAsync(stoppingToken);
            if (run is null)
            {
                slots.Release();
                await signal.WaitAsync(poll, stoppingToken);
                continue;
            }
            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    // A scope per run, as the runner's services are per run.
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SessionRunner>().ExecuteAsync(run, stoppingToken);
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(inFlight);
    }

    /// <summary>Runs left Running by a dead process become Interrupted. False when the database did not answer.</summary>
    private async Task<bool> RecoverAbandonedRunsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interrupted = await runs.MarkAbandonedRunsInterruptedAsync(stoppingToken);
            if (interrupted > 0)
            {
                logger.LogWarning("Marked {Count} runs interrupted by a previous shutdown", interrupted);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not recover abandoned runs; the database may be unreachable. Retrying.");
            return false;
        }
    }

    private async Task<Data.Entities.AgentRun?> ClaimAsync(CancellationToken stoppingToken)
    {
        // Polling the queue is not traced: a span a second per instance would bury the runs' own traces.
        using var untraced = SuppressInstrumentationScope.Begin();
        try
        {
            return await runs.ClaimNextAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be briefly unreachable; the queue is durable, so try again on the next poll.
            logger.LogError(ex, "Could not claim a queued run");
            return null;
        }
    }
}
