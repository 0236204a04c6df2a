// Warm render times for the PDF exports. Run in Release:
//   dotnet run -c Release --project bench/AgenteFilms.ExportBenchmarks [-- iterations]
// Sample PDFs for visual review (then `pdftoppm -png -r 50 deck.pdf deck`):
//   dotnet run -c Release --project bench/AgenteFilms.ExportBenchmarks -- --samples /tmp/samples
// Budget (docs/ARCHITECTURE.md): a 20-page deck renders in ≤ 100 ms median, warm.
using System.Diagnostics;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Export.Layout;
using Microsoft.Extensions.Options;

var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 60;
// Every production export carries the confidentiality notice in its footers; measure with it.
var notice = ConfidentialityNoticeFormatter.Format(
    ConfidentialityNoticeFormatter.DefaultTemplate, new PitchAttribution("writer@example.com", 7, new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc)));

using var fonts = new FontRegistry();
var deck = new PitchDeckRenderer(fonts);
var document = new PitchDocumentRenderer(fonts, Options.Create(new ExportOptions()));

if (args is ["--samples", var folder])
{
    Directory.CreateDirectory(folder);
    File.WriteAllBytes(Path.Combine(folder, "deck.pdf"), deck.Render(SamplePitches.TheLastLighthouse(), notice));
    File.WriteAllBytes(Path.Combine(folder, "document.pdf"), document.Render(SamplePitches.TheLastLighthouse(), notice));
    File.WriteAllBytes(Path.Combine(folder, "big-deck.pdf"), deck.Render(SamplePitches.Big(), notice));
    File.WriteAllBytes(Path.Combine(folder, "big-document.pdf"), document.Render(SamplePitches.Big(), notice));
    var letter = new PitchDocumentRenderer(fonts, Options.Create(new ExportOptions { PageSize = "Letter" }));
    File.WriteAllBytes(Path.Combine(folder, "document-letter.pdf"), letter.Render(SamplePitches.TheLastLighthouse(), notice));
    Console.WriteLine($"Sample PDFs written to {folder}");
    return;
}

// First call: this process's first render (font loading, JIT), before anything else has touched the renderers.
var cold = Stopwatch.StartNew();
var firstDeck = deck.Render(SamplePitches.TheLastLighthouse(), notice);
cold.Stop();
Console.WriteLine($"First call (cold process, sample deck of {firstDeck.Length / 1024} KB): {cold.Elapsed.TotalMilliseconds:F0} ms");

// The smallest "big" pitches whose deck reaches 20 slides and whose document reaches 20 pages.
var pitch = Enumerable.Range(6, 40)
    .Select(characters => SamplePitches.Big(characters, synopsisParagraphs: 8))
    .First(p => deck.Layout(p, notice).Count >= 20);
var documentPitch = Enumerable.Range(6, 80)
    .Select(characters => SamplePitches.Big(characters, synopsisParagraphs: 16))
    .First(p => document.Layout(p, notice).Count >= 20);
var slides = deck.Layout(pitch, notice).Count;
var pages = document.Layout(documentPitch, notice).Count;

Console.WriteLine($"Deck pitch: {pitch.Characters.Count} characters → {slides} slides; document pitch: {documentPitch.Characters.Count} characters → {pages} pages; {iterations} warm iterations each.");
Report($"Deck PDF ({slides} slides, {deck.Render(pitch, notice).Length / 1024} KB)", Measure(() => deck.Render(pitch, notice)));
Report($"Document PDF ({pages} pages, {document.Render(documentPitch, notice).Length / 1024} KB)", Measure(() => document.Render(documentPitch, notice)));
Report("Deck layout only (no PDF)", Measure(() => deck.Layout(pitch, notice)));
Report("Sample pitch deck (The Last Lighthouse)", Measure(() => deck.Render(SamplePitches.TheLastLighthouse(), notice)));
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine($"Peak working set of the benchmark process: {self.PeakWorkingSet64 / (1024 * 1024)} MB");

List<double> Measure(Func<object> render)
{
    for (var i = 0; i < 10; i++)
    {
        render();
    }

    var times = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        render();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times;
}

static void Report(string name, List<double> sorted)
{
    var median = sorted[sorted.Count / 2];
    var p95 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)];
    Console.WriteLine($"{name,-52} median {median,7:F1} ms   p95 {p95,7:F1} ms   min {sorted[0],7:F1} ms");
}
