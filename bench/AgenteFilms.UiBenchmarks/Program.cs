// UI benchmarks of the writer's workspace (see scripts/bench-ui.sh and docs/BENCHMARKS.md):
//  1. The model's first token → visible in the page (Blazor Server circuit, real Chromium), target ≤ 100 ms;
//     and how many page updates a fast stream causes (DECISIONS §4: at most one render per 50 ms after the first).
//  2. Managed memory per idle workspace circuit with a 200-message session, target ≤ 500 KB.
// Usage: [--runs 30] [--pages 20] [--only first-token|memory] [--gcdump FOLDER (heap dumps before/after, needs dotnet-gcdump)];
// --host is the server side (started by this program).
using System.Globalization;
using Microsoft.Playwright;

namespace AgenteFilms.UiBenchmarks;

// Not top-level statements: the app's own Program class (hosted by BenchHost) is already in the global namespace.
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--host"))
        {
            return await BenchHost.RunAsync(int.Parse(Arg(args, "--port")!, CultureInfo.InvariantCulture), Arg(args, "--data")!);
        }

        var runs = int.Parse(Arg(args, "--runs") ?? "30", CultureInfo.InvariantCulture);
        var pages = int.Parse(Arg(args, "--pages") ?? "20", CultureInfo.InvariantCulture);
        var only = Arg(args, "--only");
        var chromium = Environment.GetEnvironmentVariable("AGENTEFILMS_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
        Console.WriteLine($"# UI benchmarks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, Chromium {browser.Version}, load average {LoadAverage()}");

        var ok = true;
        if (only is null or "first-token")
        {
            await using var host = await HostProcess.StartAsync();
            ok &= await FirstTokenBenchmark.RunAsync(host.Address, browser, runs);
        }
        if (only is null or "memory")
        {
            await using var host = await HostProcess.StartAsync();
            ok &= await CircuitMemoryBenchmark.RunAsync(host, browser, pages, Arg(args, "--gcdump"));
        }
        Console.WriteLine($"(load average at the end: {LoadAverage()})");
        return ok ? 0 : 1;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
