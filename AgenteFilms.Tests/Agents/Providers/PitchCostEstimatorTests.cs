using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.Agents;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class PitchCostEstimatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Concepts => new()
    {
        { "A retired lighthouse keeper in Nova Scotia discovers that the fog rolling into her village is a living thing that steals memories.", "Horror" },
        { "Two rival bell-founders in 1890s Lyon must cast one bell together before the cathedral reopens, and fall for each other over molten bronze.", "Romance" },
        { "A disgraced Venetian glassblower is blackmailed into forging a relic for a cardinal, while the real relic surfaces at auction.", "Thriller" },
    };

    [Theory]
    [MemberData(nameof(Concepts))]
    public async Task OfflineEstimate_IsStable_AndWithinAFifthOfWhatTheOfflineModelBills(string concept, string genre)
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext(brief: OfflineHarness.Brief(concept, genre));
        var brief = context.State.Get(StateKeys.Brief)!.Json;
        var estimator = Estimator(harness.Factory, harness.Options);

        var estimate = estimator.EstimatePitch(null, brief);
        var events = await harness.RunAsync(context, Ct);

        Assert.Equal(estimate, estimator.EstimatePitch(null, brief));
        var completed = events.OfType<AgentCompleted>().ToList();
        foreach (var agent in completed.GroupBy(c => c.Agent))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{agent.Key}: {agent.Count()} steps, in {agent.Sum(c => c.Usage.InputTokens) / agent.Count()}, out {agent.Sum(c => c.Usage.OutputTokens) / agent.Count()}, requests {agent.Sum(c => c.Usage.Requests) / agent.Count()}");
        }
        var billed = completed.Sum(c => c.Usage.InputTokens + c.Usage.OutputTokens);
        TestContext.Current.TestOutputHelper?.WriteLine($"billed {billed}, estimate {estimate.Tokens} ({estimate.LowTokens}–{estimate.HighTokens})");
        // The stated band: the offline model bills about four characters per token, the estimate counts o200k tokens.
        Assert.InRange(billed, estimate.Tokens * 0.8, estimate.Tokens * 1.2);
        Assert.InRange(billed, estimate.LowTokens, estimate.HighTokens);
        Assert.True(estimate.Offline);
        Assert.Equal(0m, estimate.HighCostUsd);
    }

    [Fact]
    public void PricedProfile_CostsTheTokensAtItsPrices_AndALongerConceptCostsMore()
    {
        var profile = new ModelProfileOptions { Provider = LlmProvider.OpenAI, Model = "gpt-4o-mini", InputPricePer1M = 0.15m, OutputPricePer1M = 0.60m };
        var estimator = Estimator(new TestChatClientFactory(new OfflineChatClient(new ModelProfileOptions()), profile), new AgentsOptions());
        const string shortBrief = """{"title":"Fog","concept":"A keeper fights the fog."}""";
        var longBrief = $$"""{"title":"Fog","concept":"{{string.Join(' ', Enumerable.Repeat("A keeper fights the fog that steals the village's memories.", 40))}}"}""";

        var small = estimator.EstimatePitch(null, shortBrief);
        var large = estimator.EstimatePitch(null, longBrief);

        Assert.False(small.Offline);
        Assert.Equal(profile.CostOf(small.InputTokens, small.OutputTokens), small.ExpectedCostUsd);
        Assert.True(small.LowCostUsd < small.ExpectedCostUsd && small.ExpectedCostUsd < small.HighCostUsd);
        Assert.True(small.LowTokens < small.Tokens && small.Tokens < small.HighTokens);
        Assert.True(large.InputTokens > small.InputTokens + 1000, $"{large.InputTokens} vs {small.InputTokens}");
        Assert.Equal(small.OutputTokens, large.OutputTokens);
    }

    [Fact]
    public void Regeneration_CountsTheCurrentState_AndTheNote()
    {
        var estimator = Estimator(OfflineHarness.Create().Factory, new AgentsOptions());
        var state = new Dictionary<string, string> { [StateKeys.Characters] = """{"characters":[{"name":"Ada","role":"lead"}]}""" };

        var plain = estimator.EstimateRegeneration(null, PitchSections.Casting, null, state);
        var noted = estimator.EstimateRegeneration(null, PitchSections.Casting, string.Join(' ', Enumerable.Repeat("younger and less obvious", 50)), state);

        Assert.True(noted.InputTokens > plain.InputTokens);
        Assert.True(plain.Tokens < estimator.EstimatePitch(null, "{}").Tokens);
    }

    private static PitchCostEstimator Estimator(IChatClientFactory factory, AgentsOptions options) =>
        new(new AgentCatalog(), new TokenCounter(), factory, Options.Create(options));
}
