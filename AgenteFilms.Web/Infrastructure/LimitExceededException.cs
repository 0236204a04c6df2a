namespace AgenteFilms.Web.Infrastructure;

/// <summary>
/// A rate limit, the concurrent-runs cap or the daily budget refused the request. The API answers 429 with
/// <c>Retry-After</c>; the UI shows <see cref="Exception.Message"/> and keeps what the writer typed. Nothing is saved.
/// </summary>
public sealed class LimitExceededException(string message, TimeSpan retryAfter) : Exception(message)
{
    /// <summary>When trying again can succeed.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds for the <c>Retry-After</c> header (at least 1).</summary>
    public int RetryAfterSeconds => (int)Math.Max(1, Math.Ceiling(RetryAfter.TotalSeconds));
}
