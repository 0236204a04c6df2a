namespace AgenteFilms.Agents.Providers;

/// <summary>
/// The spending limit consulted before every model call (<see cref="UsageBudgetChatClient"/>). The host implements
/// it over its stored usage; the agents layer only asks "may this call go ahead?" and reports what it cost.
/// </summary>
public interface IUsageBudget
{
    /// <summary>
    /// Before a model call: reserves <paramref name="estimate"/> against what remains of the account's budget.
    /// Throws <see cref="UsageBudgetExceededException"/> when the call would not fit.
    /// </summary>
    ValueTask<IUsageReservation> ReserveAsync(UsageAccount account, TokenEstimate estimate, CancellationToken cancellationToken);
}

/// <summary>A reserved estimate. <see cref="Settle"/> replaces it with the billed usage; disposing without settling releases it.</summary>
public interface IUsageReservation : IDisposable
{
    void Settle(Usage billed);
}

/// <summary>Whom a model call is charged to: the user a run acts for, and the run's step that made the call.</summary>
public sealed record UsageAccount(Guid UserId, Guid RunId, string StepKey);

/// <summary>A model call did not go ahead because it would exceed the user's budget.</summary>
public sealed class UsageBudgetExceededException(string message, TimeSpan retryAfter) : Exception(message)
{
    /// <summary>When the budget renews.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
