using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>Billed usage written as the runner stores it: an agent step of a run in one of the user's sessions.</summary>
public static class UsageSeed
{
    /// <summary>A completed step with this usage, ended at <paramref name="at"/> (default: now), in a new session of <paramref name="ownerId"/>.</summary>
    public static async Task SpentAsync(this TestDatabase database, Guid ownerId, long tokens, decimal costUsd = 0m, DateTime? at = null)
    {
        var session = await database.Services.GetRequiredService<SessionStore>()
            .CreateAsync(ownerId, new NewSession("Spent"), TestContext.Current.CancellationToken);
        var when = at ?? DateTime.UtcNow;
        await using var db = await database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var run = new AgentRun { Id = Guid.CreateVersion7(), SessionId = session.Id, Workflow = "pitch", Status = RunStatus.Completed, CreatedAt = when };
        db.AgentRuns.Add(run);
        db.AgentSteps.Add(new AgentStep
        {
            Id = Guid.CreateVersion7(), RunId = run.Id, StepKey = "writers_room/1/researcher", Agent = "researcher",
            Status = StepStatus.Completed, StartedAt = when, CompletedAt = when,
            InputTokens = tokens / 2, OutputTokens = tokens - tokens / 2, CostUsd = costUsd,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
