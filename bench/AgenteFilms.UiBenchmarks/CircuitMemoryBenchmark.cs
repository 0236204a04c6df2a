using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static AgenteFilms.UiBenchmarks.Stats;

namespace AgenteFilms.UiBenchmarks;

/// <summary>
/// Managed memory per idle workspace circuit. One session with a written pitch (a real run on the zero-latency offline
/// model) and a conversation topped up to 200 messages. One page opens it first and stays open (warm-up: caches,
/// JIT, the first circuit). Then, in the server process: full blocking compacting GCs and GC.GetTotalMemory(true);
/// N more pages open the same workspace, each waits until it is fully shown (timeline, 11 section cards, the newest
/// page of chat), all sit idle, and the server is measured again after 10 s and after 75 s (the steady reading: see
/// <see cref="Steady"/>; the warm page idles as long before the first reading). (reading − before) / N is the cost of one circuit.
/// </summary>
internal static class CircuitMemoryBenchmark
{
    private const int Messages = 200;
    private const int ChatPageSize = 30;
    private const int SectionCards = 11;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The steady reading: idle long enough for the shared array pools to trim buffers that page loads rented and
    /// returned (render batches, WebSocket frames: 128–256 KB byte arrays that belong to no circuit), which .NET does for
    /// buffers unused for 60 s at a full GC.
    /// </summary>
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(75);

    public static async Task<bool> RunAsync(HostProcess host, IBrowser browser, int pages, string? gcdumpFolder)
    {
        var address = host.Address;
        using var http = BenchAccount.ApiClient(address);
        var created = await http.PostAsJsonAsync("/api/sessions", new
        {
            title = "The Last Lighthouse",
            concept = "The last keeper of an orbital lighthouse intercepts a distress call from a ship that vanished forty years ago",
            genre = "science fiction",
        });
        created.EnsureSuccessStatusCode();
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync($"/api/sessions/{session}/messages?wait=true", new { message = "Pitch it" })).EnsureSuccessStatusCode();
        var seeded = await (await http.PostAsync($"/__bench/seed/{session}/{Messages}", null)).Content.ReadFromJsonAsync<JsonElement>();
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}/messages?limit=200");
        var shown = history.GetProperty("items").GetArrayLength();

        await using var context = await BenchAccount.NewSignedInContextAsync(browser, address);
        context.SetDefaultTimeout(60_000);
        var warm = await context.NewPageAsync();
        await OpenWorkspaceAsync(warm, session);
        // As long as the steady reading below, so that both readings see the pools trimmed alike.
        await Task.Delay(Steady);
        var before = await MeasureAsync(http);
        await DumpAsync(host, gcdumpFolder, "before");

        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            await OpenWorkspaceAsync(page, session);
            open.Add(page);
        }
        await Task.Delay(Idle);
        var after = await MeasureAsync(http);
        await DumpAsync(host, gcdumpFolder, "after");
        await Task.Delay(Steady - Idle);
        var later = await MeasureAsync(http);
        await DumpAsync(host, gcdumpFolder, "steady");

        var perCircuit = (after.Bytes - before.Bytes) / (double)pages;
        var perCircuitLater = (later.Bytes - before.Bytes) / (double)pages;
        Console.WriteLine();
        Console.WriteLine($"## Managed memory per idle workspace circuit ({seeded.GetProperty("messages").GetInt32()}-message session with a pitch; {pages} pages)");
        Console.WriteLine("| reading | circuits open | managed heap (GC.GetTotalMemory(true)) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| before (1 warm page open, idle {Steady.TotalSeconds:0} s) | {before.Circuits} | {Kb(before.Bytes)} KB |");
        Console.WriteLine($"| after {pages} more pages, idle {Idle.TotalSeconds:0} s | {after.Circuits} | {Kb(after.Bytes)} KB |");
        Console.WriteLine($"| all idle {Steady.TotalSeconds:0} s (steady) | {later.Circuits} | {Kb(later.Bytes)} KB |");
        Console.WriteLine($"Per circuit: **{Kb(perCircuitLater)} KB** idle {Steady.TotalSeconds:0} s (steady), {Kb(perCircuit)} KB idle {Idle.TotalSeconds:0} s; " +
            $"target ≤ 500 KB (steady) → {(perCircuitLater <= 500 * 1024 ? "met" : "NOT met")}.");
        Console.WriteLine($"(The REST history of the session returned {shown} of its messages in one page of 200; the workspace shows the newest {ChatPageSize}.)");

        foreach (var page in open)
        {
            await page.CloseAsync();
        }
        await warm.CloseAsync();
        return after.Circuits == before.Circuits + pages && later.Circuits == after.Circuits;
    }

    private static async Task OpenWorkspaceAsync(IPage page, Guid session)
    {
        await page.GotoAsync($"/pitches/{session}");
        // The run status comes from the circuit's live view; the cards and chat from the pitch and chat panels.
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.Locator("[data-testid=section-card]")).ToHaveCountAsync(SectionCards);
        await Assertions.Expect(page.Locator("[data-testid=chat-message]")).ToHaveCountAsync(ChatPageSize);
    }

    /// <summary>A heap dump of the server (dotnet-gcdump), to see what a circuit holds: compare with <c>dotnet-gcdump report</c>.</summary>
    private static async Task DumpAsync(HostProcess host, string? folder, string name)
    {
        if (folder is null)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        using var dump = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", host.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", Path.Combine(folder, name + ".gcdump")])
            ?? throw new InvalidOperationException("dotnet-gcdump did not start.");
        await dump.WaitForExitAsync();
    }

    private sealed record Reading(long Bytes, int Circuits);

    private static async Task<Reading> MeasureAsync(HttpClient http)
    {
        var result = await (await http.PostAsync("/__bench/gc", null)).Content.ReadFromJsonAsync<JsonElement>();
        return new Reading(result.GetProperty("totalBytes").GetInt64(), result.GetProperty("circuits").GetInt32());
    }
}
