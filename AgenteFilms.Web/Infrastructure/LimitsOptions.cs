using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>The <c>Limits</c> section: request rate limits (per client, fixed window).</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Requests that start work (POST under /api) a client may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>Length of the rate-limit window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
