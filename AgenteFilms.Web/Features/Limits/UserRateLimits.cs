using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Limits;

/// <summary>
/// Per-user rate limits on starting runs and sending messages (<c>Limits:RunsPerMinutePerUser</c>,
/// <c>Limits:MessagesPerMinutePerUser</c>), enforced where pages and endpoints meet: <see cref="Runs.RunService"/>.
/// Also serialises one user's run starts in this process, so two simultaneous starts cannot both slip under the
/// concurrent-runs cap.
/// </summary>
public sealed class UserRateLimits : IDisposable
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<Guid> _runs;
    private readonly PartitionedRateLimiter<Guid> _messages;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _starts = new();

    public UserRateLimits(IOptions<LimitsOptions> options)
    {
        _runs = PerUser(options.Value.RunsPerMinutePerUser);
        _messages = PerUser(options.Value.MessagesPerMinutePerUser);
    }

    /// <summary>Counts a run start; throws <see cref="LimitExceededException"/> when the user has started too many this minute.</summary>
    public void AcquireRun(Guid userId) =>
        Acquire(_runs, userId, 1, "You have started the most runs allowed in a minute. Wait a moment, then try again.");

    /// <summary>Counts a message; throws <see cref="LimitExceededException"/> when the user has sent too many this minute.</summary>
    public void AcquireMessage(Guid userId) =>
        Acquire(_messages, userId, 1, "You have sent the most messages allowed in a minute. Wait a moment, then send it again.");

    /// <summary>Throws like <see cref="AcquireRun"/> when no run could start now, without counting one.</summary>
    public void EnsureRunAllowed(Guid userId) =>
        Acquire(_runs, userId, 0, "You have started the most runs allowed in a minute. Wait a moment, then try again.");

    /// <summary>Holds the user's run starts to one at a time until disposed.</summary>
    public async Task<IDisposable> EnterRunStartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var gate = _starts.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private static void Acquire(PartitionedRateLimiter<Guid> limiter, Guid userId, int permits, string message)
    {
        using var lease = limiter.AttemptAcquire(userId, permits);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : s_window;
            throw new LimitExceededException(message, retryAfter);
        }
    }

    private static PartitionedRateLimiter<Guid> PerUser(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = s_window,
            QueueLimit = 0,
        }));

    public void Dispose()
    {
        _runs.Dispose();
        _messages.Dispose();
        foreach (var gate in _starts.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
