using System.Diagnostics.Metrics;
using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenteFilms.Data.Stores;

/// <summary>
/// The "AgenteFilms.Runs" meter: runs entering each status (recorded by <see cref="RunStore"/> where the table changes)
/// and the number of queued runs (read from the table when a collector asks, so every instance on one database reports
/// the same queue).
/// </summary>
public sealed partial class RunMetrics : IDisposable
{
    public const string MeterName = "AgenteFilms.Runs";

    private readonly IDbContextFactory<AgenteFilmsDbContext> _contexts;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Lock _gate = new();
    private Task<long>? _count;

    /// <summary>How long a collection waits for the queue count.</summary>
    internal static readonly TimeSpan ObserveTimeout = TimeSpan.FromSeconds(2);

    public RunMetrics(IDbContextFactory<AgenteFilmsDbContext> contexts, IMeterFactory? meterFactory = null, ILogger<RunMetrics>? logger = null)
    {
        _contexts = contexts;
        _logger = logger ?? NullLogger<RunMetrics>.Instance;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _runs = _meter.CreateCounter<long>("agentefilms.runs", "{run}",
            "Runs that entered a status in this process; tag status is Queued, Running, Completed, Failed, Cancelled or Interrupted.");
        _meter.CreateObservableGauge("agentefilms.runs.queued", ObserveQueued, "{run}",
            "Runs waiting in the queue (the AgentRuns table).");
    }

    /// <summary>Counts <paramref name="count"/> runs entering <paramref name="status"/>.</summary>
    internal void Entered(RunStatus status, long count = 1)
    {
        if (count > 0)
        {
            _runs.Add(count, new KeyValuePair<string, object?>("status", status.ToString()));
        }
    }

    /// <summary>
    /// Called by a collector (a scrape): one indexed COUNT, awaited at most <see cref="ObserveTimeout"/> so a slow or
    /// unreachable database never stalls the scrape. Then, or when the count fails, the series is left out (no data).
    /// A count still running is shared by the next collection rather than started again.
    /// </summary>
    private IEnumerable<Measurement<long>> ObserveQueued()
    {
        Task<long> count;
        lock (_gate)
        {
            if (_count is null || _count.IsCompleted)
            {
                _count = Task.Run(CountQueuedAsync);
            }
            count = _count;
        }
        try
        {
            return count.Wait(ObserveTimeout) ? [new Measurement<long>(count.Result)] : [];
        }
        catch (AggregateException ex)
        {
            // Disposed: the app is stopping; nothing to report.
            if (ex.InnerException is not ObjectDisposedException)
            {
                LogQueueUnreadable(ex.InnerException ?? ex);
            }
            return [];
        }
    }

    private async Task<long> CountQueuedAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.AgentRuns.LongCountAsync(r => r.Status == RunStatus.Queued);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count queued runs for the metrics")]
    private partial void LogQueueUnreadable(Exception exception);

    public void Dispose() => _meter.Dispose();
}
