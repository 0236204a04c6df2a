using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>The <c>Agents</c> configuration section: loop bound, per-agent model overrides and timeouts.</summary>
public sealed class AgentsOptions : IValidatableObject
{
    public const string Section = "Agents";

    /// <summary>
    /// How many writers'-room iterations a run makes at most before the loop stops with "max iterations", unless the
    /// writer chose another number for the pitch (<see cref="RunContext.WritersRoomIterations"/>).
    /// </summary>
    [Range(1, 10)]
    public int LoopMaxIterations { get; set; } = 3;

    /// <summary>
    /// The most writers'-room iterations a writer may choose for a pitch (the new-pitch form's upper bound). Each
    /// iteration is four model-backed agent steps, so this caps what one pitch can cost.
    /// </summary>
    [Range(1, 10)]
    public int LoopIterationsCeiling { get; set; } = 5;

    /// <summary>
    /// Agent name (e.g. <c>critic</c>, <c>screenwriter</c>) → model profile name (<c>Llm:Profiles:&lt;name&gt;</c>).
    /// An agent without an entry uses the session's profile.
    /// </summary>
    public Dictionary<string, string> ModelOverrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Default time one agent step may take (all its model round trips and tool calls), in seconds.</summary>
    [Range(1, 7200)]
    public int AgentTimeoutSeconds { get; set; } = 600;

    /// <summary>Agent name → timeout in seconds, overriding <see cref="AgentTimeoutSeconds"/>.</summary>
    public Dictionary<string, int> AgentTimeouts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The profile an agent runs on: its override, else the session's profile (null: the default profile).</summary>
    public string? ProfileFor(string agentName, string? sessionProfile)
        => ModelOverrides.TryGetValue(agentName, out var profile) && !string.IsNullOrWhiteSpace(profile) ? profile : sessionProfile;

    /// <summary>The loop bound for a run: the writer's choice within 1..<see cref="LoopIterationsCeiling"/>, else <see cref="LoopMaxIterations"/>.</summary>
    public int LoopIterationsFor(int? chosen) => chosen is { } n ? Math.Clamp(n, 1, LoopIterationsCeiling) : LoopMaxIterations;

    /// <summary>The timeout for one step of the named agent.</summary>
    public TimeSpan TimeoutFor(string agentName)
        => TimeSpan.FromSeconds(AgentTimeouts.TryGetValue(agentName, out var seconds) ? seconds : AgentTimeoutSeconds);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A typo in an agent name would silently do nothing, so unknown names fail start-up instead.
        foreach (var name in ModelOverrides.Keys.Concat(AgentTimeouts.Keys))
        {
            if (!AgentNames.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult(
                    $"Unknown agent '{name}'. Known agents: {string.Join(", ", AgentNames.All)}.",
                    [nameof(ModelOverrides)]);
            }
        }
        if (LoopMaxIterations > LoopIterationsCeiling)
        {
            yield return new ValidationResult(
                $"LoopMaxIterations ({LoopMaxIterations}) is the default for a pitch, so it cannot exceed LoopIterationsCeiling ({LoopIterationsCeiling}).",
                [nameof(LoopMaxIterations), nameof(LoopIterationsCeiling)]);
        }
        foreach (var (name, seconds) in AgentTimeouts)
        {
            if (seconds is < 1 or > 7200)
            {
                yield return new ValidationResult($"Timeout for '{name}' must be between 1 and 7200 seconds.", [nameof(AgentTimeouts)]);
            }
        }
    }
}
