using System.Diagnostics.Metrics;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// The "AgenteFilms.Llm" meter: tokens, cost and latency of every model request, tagged by profile and model.
/// Export it with OpenTelemetry's <c>AddMeter(LlmMetrics.MeterName)</c>.
/// </summary>
public sealed class LlmMetrics : IDisposable
{
    /// <summary>Name of the meter and of the OpenTelemetry activity source of the model pipeline.</summary>
    public const string MeterName = "AgenteFilms.Llm";

    private readonly Meter _meter;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _timeToFirstUpdate;

    public LlmMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tokens = _meter.CreateCounter<long>("agentefilms.llm.tokens", "{token}", "Tokens billed by the provider; tag token.type is input or output.");
        _cost = _meter.CreateCounter<double>("agentefilms.llm.cost", "USD", "Cost of model requests at the profile's prices.");
        _requests = _meter.CreateCounter<long>("agentefilms.llm.requests", "{request}", "Model requests; tag outcome is success or failure.");
        // Bucket bounds in seconds (the exporters' defaults suit milliseconds).
        _duration = _meter.CreateHistogram("agentefilms.llm.request.duration", "s", "Duration of a model request (for streams: until the last update).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300] });
        _timeToFirstUpdate = _meter.CreateHistogram("agentefilms.llm.time_to_first_update", "s", "Streaming: time until the first update arrived.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    internal void RecordSuccess(string profile, string model, Usage usage, bool streaming, TimeSpan? timeToFirstUpdate)
    {
        var tags = Tags(profile, model, streaming);
        _tokens.Add(usage.InputTokens, [.. tags, new("token.type", "input")]);
        _tokens.Add(usage.OutputTokens, [.. tags, new("token.type", "output")]);
        _cost.Add((double)usage.CostUsd, tags);
        _requests.Add(1, [.. tags, new("outcome", "success")]);
        _duration.Record(usage.Latency.TotalSeconds, tags);
        if (timeToFirstUpdate is { } first)
        {
            _timeToFirstUpdate.Record(first.TotalSeconds, tags);
        }
    }

    internal void RecordFailure(string profile, string model, bool streaming, TimeSpan elapsed, Exception exception)
    {
        var tags = Tags(profile, model, streaming);
        KeyValuePair<string, object?> error = new("error.type", exception is ModelRequestException m ? m.Kind.ToString() : exception.GetType().Name);
        _requests.Add(1, [.. tags, new("outcome", "failure"), error]);
        _duration.Record(elapsed.TotalSeconds, [.. tags, error]);
    }

    private static KeyValuePair<string, object?>[] Tags(string profile, string model, bool streaming) =>
    [
        new("profile", profile),
        new("model", model),
        new("streaming", streaming),
    ];

    public void Dispose() => _meter.Dispose();
}
