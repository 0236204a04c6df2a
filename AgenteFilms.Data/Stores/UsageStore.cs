using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>Billed usage as stored on agent steps (tokens and cost the provider reported): usage reports and the daily budget.</summary>
public sealed class UsageStore(IDbContextFactory<AgenteFilmsDbContext> contexts)
{
    /// <summary>
    /// The user's billed usage since <paramref name="fromUtc"/>, summed per UTC day, pitch, agent and model.
    /// A step counts on the day it ended (started, while it runs). Steps that billed nothing are left out.
    /// </summary>
    public async Task<IReadOnlyList<UsageRow>> GetAsync(Guid ownerId, DateTime fromUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Grouping by day needs date functions that differ per provider; the rows of 30 days are few, so group here.
        var steps = await (
                from step in db.AgentSteps.AsNoTracking()
                join run in db.AgentRuns on step.RunId equals run.Id
                join session in db.Sessions on run.SessionId equals session.Id
                where session.OwnerId == ownerId
                    && (step.CompletedAt ?? step.StartedAt) >= fromUtc
                    && (step.InputTokens > 0 || step.OutputTokens > 0)
                select new
                {
                    At = step.CompletedAt ?? step.StartedAt,
                    session.Id,
                    session.Title,
                    step.Agent,
                    step.Model,
                    step.InputTokens,
                    step.OutputTokens,
                    step.CostUsd,
                })
            .ToListAsync(cancellationToken);
        return steps
            .GroupBy(s => (Day: DateOnly.FromDateTime(s.At), s.Id, s.Title, s.Agent, Model: s.Model ?? ""))
            .Select(g => new UsageRow(g.Key.Day, g.Key.Id, g.Key.Title, g.Key.Agent, g.Key.Model,
                g.Sum(s => s.InputTokens), g.Sum(s => s.OutputTokens), g.Sum(s => s.CostUsd), g.Count()))
            .OrderBy(r => r.Day).ThenBy(r => r.SessionTitle, StringComparer.CurrentCulture).ThenBy(r => r.Agent, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal)
            .ToList();
    }

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

/// <summary>Billed usage of one pitch's agent on one model on one UTC day.</summary>
public sealed record UsageRow(
    DateOnly Day,
    Guid SessionId,
    string SessionTitle,
    string Agent,
    string Model,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    int Steps);
