using System.Diagnostics.Metrics;

namespace AgenteFilms.Agents.Diagnostics;

/// <summary>
/// The "AgenteFilms.Agents" meter: how long each agent step takes, by agent and outcome.
/// Skipped steps (resume) are not measured.
/// </summary>
public sealed class AgentMetrics : IDisposable
{
    public const string MeterName = "AgenteFilms.Agents";

    /// <summary>Bucket bounds in seconds: agent steps take from milliseconds (offline) to minutes (a slow model).</summary>
    internal static readonly IReadOnlyList<double> StepBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600];

    private readonly Meter _meter;
    private readonly Histogram<double> _stepDuration;

    public AgentMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _stepDuration = _meter.CreateHistogram(
            "agentefilms.step.duration", "s", "Duration of an agent step; tag outcome is completed, failed or cancelled.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBuckets });
    }

    internal void RecordStep(string agent, string outcome, TimeSpan duration) =>
        _stepDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("agent", agent), new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
