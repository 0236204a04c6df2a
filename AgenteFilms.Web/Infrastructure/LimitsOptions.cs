using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>The <c>Limits</c> section: request rate limits (per client, fixed window) and daily budgets per user.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Requests that start work (POST under /api) a client may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>Length of the rate-limit window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Tokens (input + output) one user may spend per UTC day; 0 = unlimited.</summary>
    [Range(0, long.MaxValue)]
    public long DailyTokenBudget { get; set; } = 2_000_000;

    /// <summary>Cost in USD one user may spend per UTC day; 0 = unlimited.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal DailyCostBudgetUsd { get; set; } = 10;
}
