using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Data;

public abstract class UsageStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private T Get<T>() where T : notnull => database.Require().Services.GetRequiredService<T>();

    [Fact]
    public async Task Usage_SumsTheOwnersBilledSteps_PerDayPitchAgentAndModel_AndEqualsTheDatabaseSums()
    {
        var owner = Guid.NewGuid();
        var first = await Get<SessionStore>().CreateAsync(owner, new NewSession("First"), Ct);
        var second = await Get<SessionStore>().CreateAsync(owner, new NewSession("Second"), Ct);
        var someoneElse = await Get<SessionStore>().CreateAsync(Guid.NewGuid(), new NewSession("Not mine"), Ct);
        await CommitAsync(first.Id, ("researcher", "gpt-4o-mini", 1000, 200, 0.00027m), ("critic", "gpt-4o-mini", 500, 100, 0.000135m), ("critic", "gpt-4o-mini", 700, 50, 0.000135m));
        await CommitAsync(second.Id, ("researcher", "gpt-4o", 900, 300, 0.00525m));
        await CommitAsync(someoneElse.Id, ("researcher", "gpt-4o", 5000, 5000, 1m));

        var rows = await Get<UsageStore>().GetAsync(owner, DateTime.UtcNow.AddDays(-1), Ct);

        Assert.Equal(3, rows.Count);
        var critic = Assert.Single(rows, r => r.SessionId == first.Id && r.Agent == "critic");
        Assert.Equal((1200, 150, 0.00027m, 2), (critic.InputTokens, critic.OutputTokens, critic.CostUsd, critic.Steps));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), critic.Day);
        Assert.Equal("Second", Assert.Single(rows, r => r.SessionId == second.Id).SessionTitle);
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var mine = await db.AgentSteps
            .Where(s => db.AgentRuns.Any(r => r.Id == s.RunId && db.Sessions.Any(x => x.Id == r.SessionId && x.OwnerId == owner)))
            .Select(s => new { s.InputTokens, s.OutputTokens, s.CostUsd })
            .ToListAsync(Ct);
        Assert.Equal(mine.Sum(s => s.InputTokens + s.OutputTokens), rows.Sum(r => r.InputTokens + r.OutputTokens));
        Assert.Equal(mine.Sum(s => s.CostUsd), rows.Sum(r => r.CostUsd));
        Assert.Empty(await Get<UsageStore>().GetAsync(owner, DateTime.UtcNow.AddMinutes(1), Ct));
    }

    private async Task CommitAsync(Guid sessionId, params (string Agent, string Model, long Input, long Output, decimal Cost)[] steps)
    {
        var runs = Get<RunStore>();
        var run = (await runs.EnqueueAsync(await OwnerOfAsync(sessionId), sessionId, new NewRun("pitch"), Ct))!.Run;
        var i = 0;
        foreach (var (agent, model, input, output, cost) in steps)
        {
            var key = $"writers_room/{++i}/{agent}";
            var stepId = await runs.StartStepAsync(run.Id, key, agent, i, model, Ct);
            await runs.CommitStepAsync(new StepCommit(sessionId, run.Id, stepId, null, agent, "text", input, output, cost, 10, model, "{}", []), Ct);
        }
        await runs.FinishAsync(run.Id, AgenteFilms.Data.Entities.RunStatus.Completed, null, Ct);
    }

    private async Task<Guid> OwnerOfAsync(Guid sessionId)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.OwnerId).SingleAsync(Ct);
    }
}

public sealed class SqliteUsageStoreTests(SqliteTestDatabase database) : UsageStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresUsageStoreTests(PostgresTestDatabase database) : UsageStoreTests<PostgresTestDatabase>(database);
