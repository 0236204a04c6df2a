using System.Globalization;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Limits;

/// <summary>
/// Each user's daily token and cost budget (<c>Limits:DailyTokenBudget</c>, <c>Limits:DailyCostBudgetUsd</c>; UTC day).
/// What a user spent today is the usage stored on their agent steps plus, in memory, what is not stored yet: estimates
/// reserved for model calls in flight and billed usage of steps that have not committed. The runner hands the latter
/// over when a step commits or ends (<see cref="TakeUnstored"/>), so nothing is counted twice for long.
/// </summary>
public sealed class DailyUsageBudget(UsageStore usage, IOptionsMonitor<LimitsOptions> options, TimeProvider time) : IUsageBudget
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid RunId, string StepKey), Unstored> _unstored = [];
    private readonly List<Reservation> _reserved = [];

    private bool Unlimited => options.CurrentValue is { DailyTokenBudget: 0, DailyCostBudgetUsd: 0 };

    /// <summary>Throws <see cref="LimitExceededException"/> when the user has used up today's budget (starting a run).</summary>
    public async Task EnsureAvailableAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (Unlimited)
        {
            return;
        }
        var (tokens, cost, renews) = await SpentAsync(userId, cancellationToken);
        var limits = options.CurrentValue;
        if (limits.DailyTokenBudget > 0 && tokens >= limits.DailyTokenBudget)
        {
            throw new LimitExceededException(
                $"You have used today's model budget: {tokens:N0} of {limits.DailyTokenBudget:N0} tokens. It renews at midnight UTC, {Until(renews)}.", renews);
        }
        if (limits.DailyCostBudgetUsd > 0 && cost >= limits.DailyCostBudgetUsd)
        {
            throw new LimitExceededException(
                $"You have used today's model budget: {Usd(cost)} of {Usd(limits.DailyCostBudgetUsd)}. It renews at midnight UTC, {Until(renews)}.", renews);
        }
    }

    public async ValueTask<IUsageReservation> ReserveAsync(UsageAccount account, TokenEstimate estimate, CancellationToken cancellationToken)
    {
        var needTokens = (long)estimate.InputTokens + estimate.ExpectedOutputTokens;
        if (Unlimited)
        {
            // Nothing to check, but the billed usage is still tracked, so a failed step stores what it cost.
            return Track(new Reservation(this, account, needTokens, estimate.ExpectedCostUsd));
        }
        var stored = await usage.GetSpentSinceAsync(account.UserId, DayStart(), cancellationToken);
        var limits = options.CurrentValue;
        lock (_gate)
        {
            var (tokens, cost) = Pending(account.UserId);
            tokens += stored.Tokens;
            cost += stored.CostUsd;
            var renews = DayStart().AddDays(1) - time.GetUtcNow().UtcDateTime;
            if (limits.DailyTokenBudget > 0 && tokens + needTokens > limits.DailyTokenBudget)
            {
                throw new UsageBudgetExceededException(
                    $"the daily token budget would be exceeded ({tokens:N0} of {limits.DailyTokenBudget:N0} tokens used today, UTC; this call needs about {needTokens:N0}).", renews);
            }
            if (limits.DailyCostBudgetUsd > 0 && cost + estimate.ExpectedCostUsd > limits.DailyCostBudgetUsd)
            {
                throw new UsageBudgetExceededException(
                    $"the daily cost budget would be exceeded ({Usd(cost)} of {Usd(limits.DailyCostBudgetUsd)} used today, UTC; this call costs about {Usd(estimate.ExpectedCostUsd)}).", renews);
            }
            var reservation = new Reservation(this, account, needTokens, estimate.ExpectedCostUsd);
            _reserved.Add(reservation);
            return reservation;
        }
    }

    private Reservation Track(Reservation reservation)
    {
        lock (_gate)
        {
            _reserved.Add(reservation);
        }
        return reservation;
    }

    /// <summary>
    /// Billed usage of a step's model calls that is not stored yet, removed from memory: when the step commits, its
    /// stored usage includes it (the result can be ignored); when it fails, store it on the step.
    /// </summary>
    public TokenUsage TakeUnstored(Guid runId, string stepKey)
    {
        lock (_gate)
        {
            return _unstored.Remove((runId, stepKey), out var entry) ? entry.Billed : TokenUsage.Zero;
        }
    }

    /// <summary>Today's spend: stored usage plus what is pending in memory, and the time until the budget renews.</summary>
    private async Task<(long Tokens, decimal Cost, TimeSpan Renews)> SpentAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stored = await usage.GetSpentSinceAsync(userId, DayStart(), cancellationToken);
        lock (_gate)
        {
            var (tokens, cost) = Pending(userId);
            return (stored.Tokens + tokens, stored.CostUsd + cost, DayStart().AddDays(1) - time.GetUtcNow().UtcDateTime);
        }
    }

    private (long Tokens, decimal Cost) Pending(Guid userId)
    {
        var today = DayStart();
        long tokens = 0;
        decimal cost = 0;
        // Usage that will never be stored (a call outside a stored run) counts for the day it was billed.
        foreach (var entry in _unstored.Values.Where(e => e.UserId == userId && e.Day == today))
        {
            tokens += entry.Billed.Tokens;
            cost += entry.Billed.CostUsd;
        }
        foreach (var reservation in _reserved.Where(r => r.Account.UserId == userId))
        {
            tokens += reservation.Tokens;
            cost += reservation.Cost;
        }
        return (tokens, cost);
    }

    private void Settle(Reservation reservation, AgenteFilms.Agents.Providers.Usage? billed)
    {
        lock (_gate)
        {
            _reserved.Remove(reservation);
            if (billed is null)
            {
                return;
            }
            var key = (reservation.Account.RunId, reservation.Account.StepKey);
            var today = DayStart();
            var before = _unstored.TryGetValue(key, out var entry) && entry.Day == today ? entry.Billed : TokenUsage.Zero;
            _unstored[key] = new Unstored(reservation.Account.UserId, today, new TokenUsage(
                before.InputTokens + billed.InputTokens, before.OutputTokens + billed.OutputTokens, before.CostUsd + billed.CostUsd));
            // Entries of earlier days no longer count; drop them so calls outside stored runs do not pile up.
            foreach (var stale in _unstored.Where(e => e.Value.Day != today).Select(e => e.Key).ToList())
            {
                _unstored.Remove(stale);
            }
        }
    }

    private DateTime DayStart() => time.GetUtcNow().UtcDateTime.Date;

    private static string Until(TimeSpan wait) => wait.TotalHours >= 1
        ? $"in {(int)wait.TotalHours} h {wait.Minutes} min"
        : $"in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} min";

    private static string Usd(decimal amount) => amount.ToString("$0.00##", CultureInfo.InvariantCulture);

    private sealed record Unstored(Guid UserId, DateTime Day, TokenUsage Billed);

    private sealed class Reservation(DailyUsageBudget owner, UsageAccount account, long tokens, decimal cost) : IUsageReservation
    {
        private int _done;

        public UsageAccount Account { get; } = account;

        public long Tokens { get; } = tokens;

        public decimal Cost { get; } = cost;

        public void Settle(AgenteFilms.Agents.Providers.Usage billed)
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Settle(this, billed);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Settle(this, null);
            }
        }
    }
}
