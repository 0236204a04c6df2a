using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class UsageMeteringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordsTokensAndCost_IntoTheUsageScope()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("Hi", new FakeUsage(1000, 500)));
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, inputPricePer1M: 2.50m, outputPricePer1M: 10.00m));

        using var scope = UsageScope.Begin();
        await services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct);

        var total = scope.Total;
        Assert.Equal(1000, total.InputTokens);
        Assert.Equal(500, total.OutputTokens);
        Assert.Equal(0.0075m, total.CostUsd); // 1000 × 2.50 / 1M + 500 × 10.00 / 1M
        Assert.Equal(1, total.Requests);
        Assert.True(total.Latency > TimeSpan.Zero);
    }

    [Fact]
    public async Task Streaming_SumsTheUsageChunk()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("A short streamed answer", new FakeUsage(1200, 300)));
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, inputPricePer1M: 2.50m, outputPricePer1M: 10.00m));

        using var scope = UsageScope.Begin();
        await foreach (var _ in services.Factory.Create("fake").GetStreamingResponseAsync("Hi", cancellationToken: Ct))
        {
        }

        Assert.Equal(new Usage(1200, 300, 0.006m, scope.Total.Latency, 1), scope.Total);
    }

    [Fact]
    public async Task PublishesMetrics_TaggedByProfileAndModel()
    {
        var profile = $"metered-{Guid.NewGuid():N}";
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("Hi", new FakeUsage(100, 40)) with { Model = "served-model" }, FakeResponse.Error(400, "bad"));
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, name: profile, inputPricePer1M: 1m, outputPricePer1M: 2m));
        using var metrics = new MetricsRecorder(profile);

        await services.Factory.Create(profile).GetResponseAsync("Hi", cancellationToken: Ct);
        await Assert.ThrowsAsync<ModelRequestException>(() => services.Factory.Create(profile).GetResponseAsync("Hi", cancellationToken: Ct));

        Assert.Equal(100, metrics.Sum("agentefilms.llm.tokens", ("token.type", "input")));
        Assert.Equal(40, metrics.Sum("agentefilms.llm.tokens", ("token.type", "output")));
        Assert.Equal(0.00018, metrics.Sum("agentefilms.llm.cost"), precision: 10);
        Assert.Equal(1, metrics.Sum("agentefilms.llm.requests", ("outcome", "success")));
        Assert.Equal(1, metrics.Sum("agentefilms.llm.requests", ("outcome", "failure")));
        Assert.Equal(2, metrics.Count("agentefilms.llm.request.duration"));
        Assert.All(metrics.Measurements("agentefilms.llm.tokens"), m => Assert.Equal("served-model", m.Tags["model"]));
    }

    [Fact]
    public async Task Streaming_RecordsTimeToFirstUpdate()
    {
        var profile = $"ttft-{Guid.NewGuid():N}";
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("one two three") with { ChunkDelay = TimeSpan.FromMilliseconds(100) });
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, name: profile));
        using var metrics = new MetricsRecorder(profile);

        await foreach (var _ in services.Factory.Create(profile).GetStreamingResponseAsync("Hi", cancellationToken: Ct))
        {
        }

        var first = Assert.Single(metrics.Measurements("agentefilms.llm.time_to_first_update")).Value;
        var total = Assert.Single(metrics.Measurements("agentefilms.llm.request.duration")).Value;
        // Chunks 100 ms apart: the stream cannot take less than their delays, and its first update comes before its end.
        // (Only lower bounds and order: upper bounds on timings fail on a loaded machine.)
        Assert.True(total >= 0.4, $"total {total:0.000} s");
        Assert.True(first > 0 && first < total, $"first {first:0.000} s, total {total:0.000} s");
    }

    /// <summary>Listens to the "AgenteFilms.Llm" meter, keeping only measurements of one profile (tests run in parallel).</summary>
    private sealed class MetricsRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

        public MetricsRecorder(string profile)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LlmMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            {
                var dictionary = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    dictionary[tag.Key] = tag.Value;
                }
                if (dictionary.TryGetValue("profile", out var p) && Equals(p, profile))
                {
                    _measurements.Enqueue((instrument.Name, value, dictionary));
                }
            }
            _listener.SetMeasurementEventCallback<long>((i, v, t, _) => OnMeasurement(i, v, t));
            _listener.SetMeasurementEventCallback<double>((i, v, t, _) => OnMeasurement(i, v, t));
            _listener.Start();
        }

        public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Measurements(string instrument) =>
            [.. _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags))];

        public double Sum(string instrument, params (string Key, string Value)[] tags) =>
            Measurements(instrument).Where(m => tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);

        public int Count(string instrument) => Measurements(instrument).Count;

        public void Dispose() => _listener.Dispose();
    }
}
