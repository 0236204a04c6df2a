using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AgenteFilms.Web.Infrastructure.Operations;

/// <summary>
/// The "AgenteFilms.Web" meter: Blazor circuits the server holds (open until disposed, including those kept for a
/// while after their browser disconnected) and those with a live connection.
/// </summary>
public sealed class CircuitMetrics : IDisposable
{
    public const string MeterName = "AgenteFilms.Web";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _active;
    private readonly UpDownCounter<long> _connected;

    public CircuitMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _active = _meter.CreateUpDownCounter<long>("agentefilms.circuits.active", "{circuit}",
            "Blazor circuits open on this instance (a disconnected circuit stays open until it expires).");
        _connected = _meter.CreateUpDownCounter<long>("agentefilms.circuits.connected", "{circuit}",
            "Blazor circuits with a live connection to a browser.");
    }

    internal void Opened() => _active.Add(1);

    internal void Closed() => _active.Add(-1);

    internal void ConnectionUp() => _connected.Add(1);

    internal void ConnectionDown() => _connected.Add(-1);

    public void Dispose() => _meter.Dispose();
}

/// <summary>One per circuit (scoped): reports the circuit's life to <see cref="CircuitMetrics"/>.</summary>
internal sealed class CircuitMetricsHandler(CircuitMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.Closed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.ConnectionUp();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.ConnectionDown();
        return Task.CompletedTask;
    }
}
