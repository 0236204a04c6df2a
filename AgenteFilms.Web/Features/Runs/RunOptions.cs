using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Features.Runs;

/// <summary>The <c>Runs</c> section: the background worker.</summary>
public sealed class RunOptions
{
    public const string Section = "Runs";

    /// <summary>How many runs this instance executes at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>How often the worker looks for queued runs when nothing woke it (other instances, restarts).</summary>
    [Range(50, 60_000)]
    public int PollIntervalMs { get; set; } = 1_000;
}
