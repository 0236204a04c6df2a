using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Estimates, before anything is spent, the tokens and cost of a run: the o200k count of each agent's real prompt
/// (<see cref="PromptLibrary"/>) and of the brief (or of the pitch's current state, for a regeneration), plus the
/// expected size of what the agents write, over the writers'-room iterations the loop is expected to take, at each
/// step's profile prices. The range runs from the critic approving the first draft (output 25% shorter) to the loop
/// running to its bound (output 50% longer). The offline model costs nothing; its tokens are still estimated.
/// </summary>
public sealed class PitchCostEstimator(AgentCatalog agents, TokenCounter counter, IChatClientFactory models, IOptions<AgentsOptions> options)
{
    // Expected sizes in tokens of what each agent writes (its final answer plus its tool call), and of each state key
    // as the next agents read it. Measured on offline runs of the sample concepts; typical of GPT-4o-class answers to
    // these prompts too. Requests: an agent that saves through a tool makes a second request to finish.
    private static readonly Dictionary<string, AgentShape> s_shapes = new(StringComparer.Ordinal)
    {
        [AgentNames.Researcher] = new(OutputTokens: 345, Requests: 2),
        [AgentNames.Screenwriter] = new(OutputTokens: 1100, Requests: 2),
        [AgentNames.CharacterDeveloper] = new(OutputTokens: 330, Requests: 2),
        [AgentNames.Critic] = new(OutputTokens: 245, Requests: 1),
        [AgentNames.BoxOffice] = new(OutputTokens: 340, Requests: 2),
        [AgentNames.CastingDirector] = new(OutputTokens: 280, Requests: 2),
        [AgentNames.PitchWriter] = new(OutputTokens: 1800, Requests: 2),
        [AgentNames.Greeter] = new(OutputTokens: 150, Requests: 1),
    };

    private static readonly Dictionary<string, int> s_stateTokens = new(StringComparer.Ordinal)
    {
        [StateKeys.Research] = 310,
        [StateKeys.Outline] = 1000,
        [StateKeys.Characters] = 260,
        [StateKeys.Critique] = 230,
        [StateKeys.Market] = 300,
        [StateKeys.Casting] = 250,
        [StateKeys.Pitch] = 1700,
    };

    // Framing of the user message around the state blocks (task line, labels, tags) and of the chat messages.
    private const int FramingTokens = 40;

    /// <summary>The full pitch workflow for a brief (its JSON as stored) on a profile (null: the default).</summary>
    public CostEstimate EstimatePitch(string? profile, string briefJson)
    {
        var resolved = models.Resolve(profile);
        var max = options.Value.LoopMaxIterations;
        var expected = ExpectedIterations(resolved, max);
        var known = new Dictionary<string, string>(StringComparer.Ordinal) { [StateKeys.Brief] = briefJson };
        string[] room = [AgentNames.Researcher, AgentNames.Screenwriter, AgentNames.CharacterDeveloper, AgentNames.Critic];
        string[] rest = [AgentNames.BoxOffice, AgentNames.CastingDirector, AgentNames.PitchWriter];

        IEnumerable<string> Plan(int iterations) => Enumerable.Repeat(room, iterations).SelectMany(a => a).Concat(rest);
        return Combine(resolved, profile, Plan(expected), Plan(1), Plan(max), known, note: null);
    }

    /// <summary>
    /// Regenerating one section with a note: the agent that owns the section, then the pitch writer, reading the
    /// pitch's current state (<paramref name="state"/>: key → JSON) rather than expected sizes.
    /// </summary>
    public CostEstimate EstimateRegeneration(string? profile, string section, string? note, IReadOnlyDictionary<string, string> state)
    {
        var resolved = models.Resolve(profile);
        var owner = PitchSectionMap.SourceAgent(section);
        string[] plan = owner == AgentNames.PitchWriter ? [AgentNames.PitchWriter] : [owner, AgentNames.PitchWriter];
        return Combine(resolved, profile, plan, plan, plan, state, note);
    }

    private static int ExpectedIterations(ResolvedModelProfile profile, int max)
    {
        if (profile.Options.Provider == LlmProvider.Offline)
        {
            // The offline critic approves from a configured iteration (0: never, so the loop runs to its bound).
            var pass = profile.Options.CriticPassIteration;
            return pass <= 0 ? max : Math.Clamp(pass, 1, max);
        }
        // A real critic usually asks for one revision.
        return Math.Min(2, max);
    }

    private CostEstimate Combine(
        ResolvedModelProfile session, string? sessionProfile, IEnumerable<string> expected, IEnumerable<string> low, IEnumerable<string> high,
        IReadOnlyDictionary<string, string> known, string? note)
    {
        var noteTokens = counter.Count(note);
        var cache = new Dictionary<string, (long Input, long Output, ModelProfileOptions Prices)>(StringComparer.Ordinal);
        (long Input, long Output, ModelProfileOptions Prices) StepOf(string agent)
        {
            if (!cache.TryGetValue(agent, out var step))
            {
                cache[agent] = step = Step(agent, sessionProfile, known, noteTokens);
            }
            return step;
        }

        var offline = true;
        long input = 0, output = 0, lowTokens = 0, highTokens = 0;
        decimal expectedCost = 0, lowCost = 0, highCost = 0;
        foreach (var agent in expected)
        {
            var (i, o, prices) = StepOf(agent);
            offline &= prices.Provider == LlmProvider.Offline;
            input += i;
            output += o;
            expectedCost += Cost(prices, i, o);
        }
        foreach (var agent in low)
        {
            var (i, o, prices) = StepOf(agent);
            var shorter = o * 3 / 4;
            lowTokens += i + shorter;
            lowCost += Cost(prices, i, shorter);
        }
        foreach (var agent in high)
        {
            var (i, o, prices) = StepOf(agent);
            var longer = o * 3 / 2;
            // Longer answers are also re-sent in the tool round.
            var longerInput = i + (longer - o) * (RequestsOf(agent) - 1);
            highTokens += longerInput + longer;
            highCost += Cost(prices, longerInput, longer);
        }
        return new CostEstimate(session.Name, session.Label, offline, input, output,
            Math.Min(lowTokens, input + output), Math.Max(highTokens, input + output),
            Math.Min(lowCost, expectedCost), expectedCost, Math.Max(highCost, expectedCost));
    }

    private (long Input, long Output, ModelProfileOptions Prices) Step(string agentName, string? sessionProfile, IReadOnlyDictionary<string, string> known, int noteTokens)
    {
        var agent = agents[agentName];
        var profile = models.Resolve(options.Value.ProfileFor(agentName, sessionProfile)).Options;
        var prompt = counter.Count(agent.Instructions) + counter.Count(agent.Task) + noteTokens + FramingTokens;
        foreach (var key in agent.Reads)
        {
            prompt += known.TryGetValue(key, out var json) ? counter.Count(json) : s_stateTokens.GetValueOrDefault(key);
        }
        var shape = s_shapes[agentName];
        // Each later request of a tool round sends the prompt again with the call the model made.
        var input = (long)prompt * shape.Requests + (long)shape.OutputTokens * (shape.Requests - 1);
        return (input, shape.OutputTokens, profile);
    }

    private static int RequestsOf(string agent) => s_shapes[agent].Requests;

    private static decimal Cost(ModelProfileOptions prices, long input, long output) =>
        prices.Provider == LlmProvider.Offline ? 0m : prices.CostOf(input, output);

    private sealed record AgentShape(int OutputTokens, int Requests);
}

/// <summary>
/// A pre-flight estimate of a run: expected input and output tokens, the token range, and the cost range in USD
/// (zero on the offline model). <see cref="ProfileLabel"/> is what the UI shows for the session's profile.
/// </summary>
public sealed record CostEstimate(
    string Profile,
    string ProfileLabel,
    bool Offline,
    long InputTokens,
    long OutputTokens,
    long LowTokens,
    long HighTokens,
    decimal LowCostUsd,
    decimal ExpectedCostUsd,
    decimal HighCostUsd)
{
    public long Tokens => InputTokens + OutputTokens;
}
