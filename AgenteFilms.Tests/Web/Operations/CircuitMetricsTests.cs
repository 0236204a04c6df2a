using System.Diagnostics.Metrics;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Infrastructure.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgenteFilms.Tests.Web.Operations;

public sealed class CircuitMetricsTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHandler_CountsCircuitsOpenAndConnected()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new CircuitMetrics(factory);
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            // Only this factory's meter: other apps in this process have circuits too.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (totals)
            {
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var first = new CircuitMetricsHandler(metrics);
        var second = new CircuitMetricsHandler(metrics);

        await first.OnCircuitOpenedAsync(null!, Ct);
        await first.OnConnectionUpAsync(null!, Ct);
        await second.OnCircuitOpenedAsync(null!, Ct);
        await second.OnConnectionUpAsync(null!, Ct);
        await first.OnConnectionDownAsync(null!, Ct);

        Assert.Equal(2, totals["agentefilms.circuits.active"]);
        Assert.Equal(1, totals["agentefilms.circuits.connected"]);

        await first.OnCircuitClosedAsync(null!, Ct);
        Assert.Equal(1, totals["agentefilms.circuits.active"]);
    }

    [Fact]
    public async Task AnOperatorOnThisMachine_ScrapesMetrics_AndSeesTheBrowsersCircuit()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        var baseAddress = app.StartKestrel();
        await using var context = await browser.NewSignedInContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        // Interactive once the circuit is up.
        await Assertions.Expect(page.GetByTestId("create-button")).ToBeEnabledAsync();

        // Real HTTP from 127.0.0.1: a loopback client needs no token.
        using var operator_ = new HttpClient { BaseAddress = baseAddress };
        var samples = PrometheusText.Parse(await operator_.GetStringAsync("/metrics", Ct));

        Assert.Contains(samples.Named("agentefilms_circuits_active"), s => s.Value >= 1);
        Assert.Contains(samples.Named("agentefilms_circuits_connected"), s => s.Value >= 1);
        // ASP.NET Core's own meters come along (request durations of this very app).
        Assert.Contains(samples, s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
    }
}
