using System.Collections.Concurrent;
using System.Net;
using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgenteFilms.Tests.Web.Operations;

/// <summary>OTLP export is on exactly when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public sealed class OtlpExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithTheEndpointSet_TracesAndMetricsArePostedToIt()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUri.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using var client = app.CreateClient();
        await client.CreateSessionAsync("Exported", "A ferry pilot counts the islands and gets a different number each day");

        var flushed = app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

        Assert.True(flushed, string.Join(", ", collector.Posts));
        Assert.Contains(collector.Posts, p => p.Path == "/v1/traces" && p.ContentType == "application/x-protobuf" && p.Length > 0);
        Assert.Contains(collector.Posts, p => p.Path == "/v1/metrics" && p.Length > 0);
    }

    [Fact]
    public async Task WithoutTheEndpoint_NothingIsExported_EvenWhenSignalSpecificEndpointsAreSet()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path, new Dictionary<string, string?>
        {
            // An exporter registered by mistake would post here.
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = new Uri(collector.BaseUri, "v1/traces").ToString(),
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = new Uri(collector.BaseUri, "v1/metrics").ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using var client = app.CreateClient();
        await client.CreateSessionAsync("Private", "A locksmith is hired to break into her own childhood home");

        // No tracer at all (nobody would read the spans); the meters still feed /metrics.
        Assert.Null(app.Services.GetService<TracerProvider>());
        // A pull reader (Prometheus) makes this false; an OTLP reader registered by mistake would post now.
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

        Assert.Empty(collector.Posts);
    }

    /// <summary>Records what an OTLP/HTTP exporter posts (paths, content type, size) and answers 200.</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<Post> _posts = new();

        private FakeOtlpCollector(WebApplication app) => _app = app;

        public Uri BaseUri { get; private set; } = null!;

        public IReadOnlyList<Post> Posts => [.. _posts];

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var collector = new FakeOtlpCollector(app);
            app.MapPost("/{**path}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                collector._posts.Enqueue(new Post(http.Request.Path, http.Request.ContentType, body.Length));
                return Results.Ok();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            collector.BaseUri = new Uri(address.TrimEnd('/') + "/");
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        public sealed record Post(string Path, string? ContentType, long Length);
    }
}
