using System.Diagnostics;
using System.Globalization;
using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Agents.Providers.Offline;
using AgenteFilms.Benchmarks;

// Stopwatch harness (warm-up, then many iterations, median and p95) rather than BenchmarkDotNet: the parallel
// measurement needs multi-second iterations with simulated latency, which BenchmarkDotNet's pilot stages make slow
// on a 2-core machine.
var quick = args.Contains("--quick");
var runs = quick ? 30 : 300;
var warmup = quick ? 5 : 30;
var parallelRuns = quick ? 3 : 10;

var brief = new Brief
{
    Concept = "A retired lighthouse keeper in Nova Scotia discovers that the fog rolling into her village is a living thing that steals memories.",
    Genre = "Horror",
    Format = "Feature film",
    BudgetTier = "low",
};

Console.WriteLine($"Agente Films engine benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();

// 1. Engine overhead: the full default workflow (2 writers'-room iterations, parallel pre-production, pitch writer:
//    11 agent steps, 22 model round trips, 10+ tool calls), first with the zero-latency offline model (engine + the
//    offline model's writing), then with a canned model that costs nothing (the engine alone).
var instant = new ModelProfileOptions { Provider = LlmProvider.Offline };
var engine = Engine(instant);
await MeasureAsync("zero-latency offline model", engine);
await MeasureAsync("canned model (engine alone)", Engine(instant, new CannedChatClient()));

async Task MeasureAsync(string label, AgentEngine subject)
{
    var samples = new List<double>();
    var events = 0;
    var allocated = 0L;
    for (var i = 0; i < warmup + runs; i++)
    {
        var context = NewContext(brief);
        var totalBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var count = 0;
        await foreach (var e in subject.RunAsync(context))
        {
            count++;
            if (e is RunFailed failed)
            {
                throw new InvalidOperationException(failed.Message);
            }
        }
        clock.Stop();
        if (i >= warmup)
        {
            samples.Add(clock.Elapsed.TotalMilliseconds);
            events = count;
            allocated += GC.GetTotalAllocatedBytes() - totalBefore;
        }
    }
    Console.WriteLine($"Engine overhead: full default workflow, {label}");
    Console.WriteLine($"  runs: {runs} after {warmup} warm-up; events per run: {events}; allocated per run: {allocated / runs / 1024.0 / 1024.0:F1} MB");
    Console.WriteLine($"  median: {Median(samples):F2} ms   p95: {Percentile(samples, 0.95):F2} ms   min: {samples.Min():F2} ms   per agent step (11): {Median(samples) / 11:F3} ms");
    Console.WriteLine();
}

// 2. Parallel efficiency: Parallel(box office, casting) with simulated latency, against each branch run alone.
var slow = new ModelProfileOptions { Provider = LlmProvider.Offline, FirstTokenMs = 400, TokensPerSecond = 1000 };
var slowEngine = Engine(slow);
var seeded = NewContext(brief);
await foreach (var e in engine.RunAsync(seeded))
{
    _ = e;
}
var state = seeded.State.Snapshot().Values.Where(v => v.Key is StateKeys.Brief or StateKeys.Outline or StateKeys.Characters).ToList();

var simulated = new Dictionary<string, double>();

async Task<double> TimeAsync(IWorkflowStep step)
{
    var context = NewContext(brief) with { State = new RunState(state) };
    var clock = Stopwatch.StartNew();
    await foreach (var e in slowEngine.RunAsync(new Workflow("bench", step), context))
    {
        if (e is RunFailed failed)
        {
            throw new InvalidOperationException(failed.Message);
        }
        if (e is AgentCompleted done)
        {
            // The latency the offline model was asked to simulate: time to first token per request + output at the set rate.
            simulated[done.Agent] = done.Usage.Requests * slow.FirstTokenMs + done.Usage.OutputTokens * 1000.0 / slow.TokensPerSecond;
        }
    }
    return clock.Elapsed.TotalMilliseconds;
}

var workflows = slowEngine.Workflows;
await TimeAsync(workflows.Preproduction()); // warm-up
var boxAlone = new List<double>();
var castingAlone = new List<double>();
var together = new List<double>();
for (var i = 0; i < parallelRuns; i++)
{
    boxAlone.Add(await TimeAsync(workflows.Step(AgentNames.BoxOffice)));
    castingAlone.Add(await TimeAsync(workflows.Step(AgentNames.CastingDirector)));
    together.Add(await TimeAsync(workflows.Preproduction()));
}
var critical = Math.Max(Median(boxAlone), Median(castingAlone));
Console.WriteLine($"Parallel efficiency (FirstTokenMs={slow.FirstTokenMs}, TokensPerSecond={slow.TokensPerSecond}; each agent makes 2 model calls)");
Console.WriteLine($"  runs: {parallelRuns}");
Console.WriteLine($"  box office alone: {Median(boxAlone):F1} ms   casting director alone: {Median(castingAlone):F1} ms");
Console.WriteLine($"  Parallel(box office, casting): median {Median(together):F1} ms, max {together.Max():F1} ms");
Console.WriteLine($"  ratio (parallel ÷ longer branch): {Median(together) / critical:F3}   worst run: {together.Max() / critical:F3}   (target ≤ 1.05)");
Console.WriteLine($"  if sequential it would take ≈ {Median(boxAlone) + Median(castingAlone):F1} ms");
var longestSimulated = simulated.Values.Max();
Console.WriteLine($"  simulated model latency: box office {simulated[AgentNames.BoxOffice]:F0} ms, casting {simulated[AgentNames.CastingDirector]:F0} ms");
Console.WriteLine($"  ratio (parallel ÷ longer branch's simulated latency): {Median(together) / longestSimulated:F3}   worst run: {together.Max() / longestSimulated:F3}");

static AgentEngine Engine(ModelProfileOptions profile, Microsoft.Extensions.AI.IChatClient? client = null)
{
    var model = client ?? new OfflineChatClient(profile, TimeProvider.System, OfflineModelBehavior.Default);
    var runtime = new AgentRuntime(new BenchChatClientFactory(model, profile), new AgentsOptions(), TimeProvider.System);
    return new AgentEngine(new WorkflowFactory(new AgentCatalog(), runtime), TimeProvider.System);
}

static RunContext NewContext(Brief brief)
{
    var state = new RunState();
    state.Set(StateKeys.Brief, brief);
    return new RunContext { SessionId = Guid.NewGuid(), RunId = Guid.NewGuid(), State = state };
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = p * (sorted.Count - 1);
    var low = (int)Math.Floor(rank);
    var high = (int)Math.Ceiling(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
