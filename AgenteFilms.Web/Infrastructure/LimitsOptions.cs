using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>
/// The <c>Limits</c> section, against unbounded consumption: a per-client request limit on the API, per-user rate limits
/// on runs and messages (API and UI alike), a cap on a user's concurrent runs, and a daily token and cost budget per user
/// (UTC day). Every limit answers 429 with <c>Retry-After</c> on the API and a message in the UI.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Requests that start work (POST under /api) a client may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>Length of the rate-limit window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Tokens (input + output, as billed) a user's model calls may use per UTC day; 0 = unlimited.</summary>
    [Range(0, long.MaxValue)]
    public long DailyTokenBudget { get; set; } = 2_000_000;

    /// <summary>What a user's model calls may cost per UTC day, in USD at the profiles' prices; 0 = unlimited.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal DailyCostBudgetUsd { get; set; } = 10m;

    /// <summary>A user's queued and running runs at once, across all their pitches.</summary>
    [Range(1, 1_000)]
    public int MaxConcurrentRunsPerUser { get; set; } = 2;

    /// <summary>Runs a user may start per minute (a pitch, a chat turn, a regeneration, a resume).</summary>
    [Range(1, 100_000)]
    public int RunsPerMinutePerUser { get; set; } = 10;

    /// <summary>Messages a user may send to the showrunner per minute.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinutePerUser { get; set; } = 30;
}
