using AgenteFilms.Agents.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgenteFilms.Web.Infrastructure.Operations;

/// <summary>
/// OpenTelemetry. Metrics are always collected for <c>/metrics</c> (Prometheus text format). Traces are collected
/// and, with metrics, exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the exporter reads the
/// other standard variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>, ...).
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DefaultServiceName = "agente-films";

    /// <summary>Our meters: AgenteFilms.Llm (tokens, cost), AgenteFilms.Agents (steps), AgenteFilms.Runs, AgenteFilms.Web (circuits).</summary>
    public const string OurMeters = "AgenteFilms.*";

    /// <summary>Activity sources traced besides ASP.NET Core, HttpClient and EF Core.</summary>
    public static readonly string[] TracedSources =
    [
        AgentTelemetry.SourceName,   // runs, workflows, agent steps
        "AgenteFilms.*",             // AgenteFilms.Llm: the gen-ai spans of the provider pipeline
        "Microsoft.SemanticKernel*", // kernel function (tool) invocations
    ];

    /// <summary>True when OTLP export is on: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (environment or configuration) is set.</summary>
    public static bool IsOtlpEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = IsOtlpEnabled(configuration);
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OurMeters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("System.Runtime")
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // Without an exporter nobody would read the spans: don't make them.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(TracedSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperationsPath(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary>Scrapes and probes are not traced: they would drown the traces people look for.</summary>
    internal static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments(MetricsEndpoint.Path) || path.StartsWithSegments("/health");
}
