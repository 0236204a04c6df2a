using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static AgenteFilms.UiBenchmarks.Stats;

namespace AgenteFilms.UiBenchmarks;

/// <summary>
/// Time from the model's first token to that text in the page. Per sample: a new pitch on the simulated-latency profile,
/// its workspace open and idle in Chromium (circuit connected), a MutationObserver in the page, then the run starts.
/// Server side, the first text delta's engine stamp (set as the model's streamed update reaches the engine) and hub
/// stamp (published to circuits); page side, Date.now() when the step's text first appears in the DOM and at the next
/// animation frame. Same machine, same wall clock. The run is cancelled once measured.
/// </summary>
internal static class FirstTokenBenchmark
{
    private const int WarmUp = 3;
    private const int StreamSamples = 5;
    private static readonly TimeSpan StreamWindow = TimeSpan.FromMilliseconds(3000);

    // Installed in the page before the run starts. Records when any agent step's text first appears, the next frame,
    // and each later change of the steps' text (one entry per observer callback, i.e. per applied render batch).
    private const string Observer = """
        () => {
          const bench = window.__bench = { first: null, frame: null, updates: [] };
          let last = '';
          new MutationObserver(() => {
            const now = Date.now();
            const text = Array.from(document.querySelectorAll('[data-testid=step-text]'), e => e.textContent).join('\u0001');
            if (text.trim().length === 0 || text === last) return;
            last = text;
            bench.updates.push(now);
            if (bench.first === null) {
              bench.first = now;
              requestAnimationFrame(() => { bench.frame = Date.now(); });
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public static async Task<bool> RunAsync(Uri address, IBrowser browser, int runs)
    {
        using var http = BenchAccount.ApiClient(address);
        await using var context = await BenchAccount.NewSignedInContextAsync(browser, address);
        context.SetDefaultTimeout(30_000);

        var toDom = new List<double>();
        var toFrame = new List<double>();
        var hubToDom = new List<double>();
        var engineToHub = new List<double>();
        for (var i = 0; i < WarmUp + runs; i++)
        {
            var sample = await SampleAsync(http, context, "latency", TimeSpan.Zero, i);
            if (i < WarmUp)
            {
                continue;
            }
            var engine = sample.Server.GetProperty("engineMs")[0].GetDouble();
            var hub = sample.Server.GetProperty("hubMs")[0].GetDouble();
            var first = sample.Page.GetProperty("first").GetDouble();
            toDom.Add(first - engine);
            toFrame.Add(sample.Page.GetProperty("frame").GetDouble() - engine);
            hubToDom.Add(first - hub);
            engineToHub.Add(hub - engine);
        }

        Console.WriteLine();
        Console.WriteLine($"## Model's first token → visible in the page ({runs} runs after {WarmUp} warm-up; profile: FirstTokenMs 500, TokensPerSecond 40)");
        Console.WriteLine("| interval | median ms | p95 ms | min ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|");
        Row("first text delta (engine) → text in the DOM", toDom);
        Row("first text delta (engine) → next animation frame", toFrame);
        Row("  of which: engine → published by the hub", engineToHub);
        Row("  of which: hub → text in the DOM (circuit render, WebSocket, DOM)", hubToDom);
        var median = Percentile(Sorted(toDom), 0.5);
        Console.WriteLine($"Target: median ≤ 100 ms → {(median <= 100 ? "met" : "NOT met")} ({Ms(median)} ms).");

        // Coalescing: a fast stream (about 100 deltas per second) should cause about 20 text updates per second, plus
        // the ones that must show at once (a step's first text, its final text).
        var deltasPerSecond = new List<double>();
        var updatesPerSecond = new List<double>();
        var gaps = new List<double>();
        for (var i = 0; i < StreamSamples; i++)
        {
            var sample = await SampleAsync(http, context, "stream", StreamWindow, i);
            var engine = sample.Server.GetProperty("engineMs").EnumerateArray().Select(e => e.GetDouble()).ToList();
            var updates = sample.Page.GetProperty("updates").EnumerateArray().Select(e => e.GetDouble()).ToList();
            var seconds = StreamWindow.TotalSeconds;
            deltasPerSecond.Add(engine.Count(t => t <= engine[0] + StreamWindow.TotalMilliseconds) / seconds);
            var window = updates.Where(t => t <= updates[0] + StreamWindow.TotalMilliseconds).ToList();
            updatesPerSecond.Add(window.Count / seconds);
            gaps.AddRange(window.Zip(window.Skip(1), (a, b) => b - a));
        }
        Console.WriteLine();
        Console.WriteLine($"## Streaming renders ({StreamSamples} runs, {StreamWindow.TotalMilliseconds:0} ms from the first text; profile: FirstTokenMs 50, TokensPerSecond 400)");
        Console.WriteLine("| what | median | max |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| text deltas produced per second | {Ms(Percentile(Sorted(deltasPerSecond), 0.5))} | {Ms(deltasPerSecond.Max())} |");
        Console.WriteLine($"| text updates applied in the page per second | {Ms(Percentile(Sorted(updatesPerSecond), 0.5))} | {Ms(updatesPerSecond.Max())} |");
        var sortedGaps = Sorted(gaps);
        Console.WriteLine($"| gap between page updates, ms (p5 / median) | {Ms(Percentile(sortedGaps, 0.05))} / {Ms(Percentile(sortedGaps, 0.5))} | min {Ms(sortedGaps.FirstOrDefault())} |");
        Console.WriteLine("(A step's first text and its completion render at once; text in between at most once per 50 ms.)");
        return true;
    }

    private static void Row(string label, List<double> values)
    {
        var sorted = Sorted(values);
        Console.WriteLine($"| {label} | {Ms(Percentile(sorted, 0.5))} | {Ms(Percentile(sorted, 0.95))} | {Ms(sorted[0])} | {Ms(sorted[^1])} |");
    }

    private static List<double> Sorted(IEnumerable<double> values) => [.. values.Order()];

    private sealed record Sample(JsonElement Page, JsonElement Server);

    private static async Task<Sample> SampleAsync(HttpClient http, IBrowserContext context, string profile, TimeSpan linger, int index)
    {
        var created = await http.PostAsJsonAsync("/api/sessions", new
        {
            title = $"Latency {index}",
            concept = $"A night-ferry pilot number {index} hears a voice on the radio that knows her childhood name",
            genre = "thriller",
            modelProfile = profile,
        });
        created.EnsureSuccessStatusCode();
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync($"/pitches/{session}");
            // "No run yet" shows only once the circuit's live view is subscribed.
            await Assertions.Expect(page.GetByTestId("timeline-empty")).ToBeVisibleAsync();
            await page.EvaluateAsync(Observer);
            (await http.PostAsync($"/__bench/watch/{session}", null)).EnsureSuccessStatusCode();

            var started = await http.PostAsJsonAsync($"/api/sessions/{session}/runs", new { });
            started.EnsureSuccessStatusCode();
            var run = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await page.WaitForFunctionAsync("() => window.__bench.first !== null && window.__bench.frame !== null", null, new() { Timeout = 30_000 });
            if (linger > TimeSpan.Zero)
            {
                await Task.Delay(linger);
            }
            var pageData = await page.EvaluateAsync<JsonElement>("() => window.__bench");
            var server = await http.GetFromJsonAsync<JsonElement>($"/__bench/watch/{session}");
            (await http.PostAsync($"/api/sessions/{session}/runs/{run}/cancel", null)).EnsureSuccessStatusCode();
            return new Sample(pageData, server);
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
