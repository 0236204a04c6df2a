using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Limits;

/// <summary>
/// The per-user limits where pages and endpoints both meet them, <see cref="AgenteFilms.Web.Features.Runs.RunService"/>:
/// one user's limits never touch another's.
/// </summary>
public abstract class RunLimitsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> NewSessionAsync(Guid owner) =>
        (await database.Require().Services.GetRequiredService<SessionStore>()
            .CreateAsync(owner, new NewSession("Limits", """{"concept":"A ferry captain smuggles letters"}"""), Ct)).Id;

    private async Task<int> QueuedRunsAsync(Guid owner)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await db.AgentRuns.CountAsync(r => r.Status == RunStatus.Queued && db.Sessions.Any(s => s.Id == r.SessionId && s.OwnerId == owner), Ct);
    }

    [Fact]
    public async Task UserAtDailyTokenLimit_CannotStartARun_UntilMidnightUtc_WhileAnotherUserCan()
    {
        using var factory = new RunServiceFactory(database.Require(), new LimitsOptions { DailyTokenBudget = 10_000, DailyCostBudgetUsd = 0 });
        var (spender, other) = (Guid.NewGuid(), Guid.NewGuid());
        await database.SpentAsync(spender, tokens: 10_000);
        var session = await NewSessionAsync(spender);

        var refused = await Assert.ThrowsAsync<LimitExceededException>(() => factory.For(spender).StartPitchAsync(session, null, Ct));

        Assert.Contains("10,000 of 10,000 tokens", refused.Message);
        var untilMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        Assert.InRange(refused.RetryAfter, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromMinutes(1));
        Assert.Equal(0, await QueuedRunsAsync(spender));
        Assert.NotNull(await factory.For(other).StartPitchAsync(await NewSessionAsync(other), null, Ct));
    }

    [Fact]
    public async Task UserAtDailyCostLimit_CannotSendAMessage_AndYesterdaysSpendingDoesNotCount()
    {
        using var factory = new RunServiceFactory(database.Require(), new LimitsOptions { DailyTokenBudget = 0, DailyCostBudgetUsd = 1m });
        var (spender, yesterdays) = (Guid.NewGuid(), Guid.NewGuid());
        await database.SpentAsync(spender, tokens: 100, costUsd: 1.25m);
        await database.SpentAsync(yesterdays, tokens: 100, costUsd: 50m, at: DateTime.UtcNow.Date.AddSeconds(-1));

        var refused = await Assert.ThrowsAsync<LimitExceededException>(
            async () => await factory.For(spender).SendMessageAsync(await NewSessionAsync(spender), "Make it a pitch", null, Ct));

        Assert.Contains("$1.25 of $1.00", refused.Message);
        Assert.NotNull(await factory.For(yesterdays).SendMessageAsync(await NewSessionAsync(yesterdays), "Make it a pitch", null, Ct));
    }

    [Fact]
    public async Task SpentToday_CountsOnlyTheOwnersStepsEndedToday()
    {
        var (owner, someoneElse) = (Guid.NewGuid(), Guid.NewGuid());
        await database.Require().SpentAsync(owner, tokens: 1_000, costUsd: 0.5m);
        await database.SpentAsync(owner, tokens: 3_000, costUsd: 0.25m);
        await database.SpentAsync(owner, tokens: 7_000, costUsd: 9m, at: DateTime.UtcNow.Date.AddMinutes(-5));
        await database.SpentAsync(someoneElse, tokens: 5_000, costUsd: 2m);

        var spent = await database.Services.GetRequiredService<UsageStore>().GetSpentSinceAsync(owner, DateTime.UtcNow.Date, Ct);

        Assert.Equal(4_000, spent.Tokens);
        Assert.Equal(0.75m, spent.CostUsd);
        Assert.Equal(TokenUsage.Zero, await database.Services.GetRequiredService<UsageStore>().GetSpentSinceAsync(Guid.NewGuid(), DateTime.UtcNow.Date, Ct));
    }

    [Fact]
    public async Task ConcurrentRunCap_RefusesARunBeyondTheUsersQueuedAndRunning()
    {
        using var factory = new RunServiceFactory(database.Require(), new LimitsOptions { MaxConcurrentRunsPerUser = 2 });
        var (writer, other) = (Guid.NewGuid(), Guid.NewGuid());
        var runs = factory.For(writer);
        Assert.NotNull(await runs.StartPitchAsync(await NewSessionAsync(writer), null, Ct));
        Assert.NotNull(await runs.StartPitchAsync(await NewSessionAsync(writer), null, Ct));

        var third = await NewSessionAsync(writer);
        var refused = await Assert.ThrowsAsync<LimitExceededException>(() => runs.StartPitchAsync(third, null, Ct));

        Assert.Contains("2 runs in progress", refused.Message);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Equal(2, await QueuedRunsAsync(writer));
        Assert.NotNull(await factory.For(other).StartPitchAsync(await NewSessionAsync(other), null, Ct));
    }

    [Fact]
    public async Task RunsPerMinute_RefusesTheRunOverTheLimit_ForThatUserOnly()
    {
        using var factory = new RunServiceFactory(database.Require(), new LimitsOptions { RunsPerMinutePerUser = 2, MaxConcurrentRunsPerUser = 10 });
        var (writer, other) = (Guid.NewGuid(), Guid.NewGuid());
        var runs = factory.For(writer);
        await runs.StartPitchAsync(await NewSessionAsync(writer), null, Ct);
        await runs.RegenerateAsync(await NewSessionAsync(writer), "logline", null, Ct);

        var refused = await Assert.ThrowsAsync<LimitExceededException>(async () => await runs.StartPitchAsync(await NewSessionAsync(writer), null, Ct));

        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<LimitExceededException>(() => runs.EnsureCanStartAsync(Ct));
        Assert.Equal(2, await QueuedRunsAsync(writer));
        Assert.NotNull(await factory.For(other).StartPitchAsync(await NewSessionAsync(other), null, Ct));
    }

    [Fact]
    public async Task MessagesPerMinute_RefusesTheMessageOverTheLimit_AndSavesNothing()
    {
        using var factory = new RunServiceFactory(database.Require(), new LimitsOptions { MessagesPerMinutePerUser = 1, MaxConcurrentRunsPerUser = 10 });
        var writer = Guid.NewGuid();
        var runs = factory.For(writer);
        await runs.SendMessageAsync(await NewSessionAsync(writer), "Make it a pitch", null, Ct);
        var second = await NewSessionAsync(writer);

        await Assert.ThrowsAsync<LimitExceededException>(() => runs.SendMessageAsync(second, "And this one", null, Ct));

        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        Assert.False(await db.Questions.AnyAsync(q => q.SessionId == second, Ct));
        Assert.Equal(1, await QueuedRunsAsync(writer));
    }
}

public sealed class SqliteRunLimitsTests(SqliteTestDatabase database) : RunLimitsTests<SqliteTestDatabase>(database);

public sealed class PostgresRunLimitsTests(PostgresTestDatabase database) : RunLimitsTests<PostgresTestDatabase>(database);
