using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>What a user's model calls were billed, from the usage stored on agent steps.</summary>
public sealed class UsageStore(IDbContextFactory<AgenteFilmsDbContext> contexts)
{
    /// <summary>
    /// Tokens and cost of the owner's agent steps that ended (completed, failed or cancelled) at or after
    /// <paramref name="fromUtc"/>. Steps still running are not stored yet: the caller accounts for them.
    /// </summary>
    public async Task<TokenUsage> GetSpentSinceAsync(Guid ownerId, DateTime fromUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var totals = await (
                from step in db.AgentSteps
                join run in db.AgentRuns on step.RunId equals run.Id
                join session in db.Sessions on run.SessionId equals session.Id
                where session.OwnerId == ownerId && step.CompletedAt >= fromUtc
                group step by 1 into all
                select new TokenUsage(all.Sum(s => s.InputTokens), all.Sum(s => s.OutputTokens), all.Sum(s => s.CostUsd)))
            .FirstOrDefaultAsync(cancellationToken);
        return totals ?? TokenUsage.Zero;
    }
}
