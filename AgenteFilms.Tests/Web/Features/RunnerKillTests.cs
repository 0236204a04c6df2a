using System.Net;
using AgenteFilms.Data.Entities;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Tests.Web.Features;

/// <summary>A run survives a killed process: nothing completed is lost, redone or duplicated.</summary>
public sealed class RunnerKillTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledMidRun_TheRunIsInterrupted_AndResumeCompletesItWithEveryStepOnce()
    {
        database.Require();
        var settings = new Dictionary<string, string?>(database.AppSettings);
        foreach (var (key, value) in RunApiClient.SlowModelSettings(firstTokenMs: 300))
        {
            settings[key] = value;
        }

        Guid session;
        Uri location;
        int completedBeforeKill;
        await using (var first = await AppProcess.StartAsync(settings, Ct))
        {
            using var client = new HttpClient { BaseAddress = first.Address }.SignedIn();
            session = await client.CreateSessionAsync("Crash Test", "An air-traffic controller hears her own voice on a frequency nobody uses", "slow");
            var started = await client.PostMessageAsync(session, "Go");
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            location = started.Headers.Location!;
            var mid = await client.PollRunAsync(location, r => r.CompletedSteps() >= 3);
            Assert.Equal("Running", mid.Status());

            await first.KillAsync();
            completedBeforeKill = await CompletedStepsAsync(session);
        }
        Assert.True(completedBeforeKill >= 3);

        await using var second = await AppProcess.StartAsync(settings, Ct);
        using var again = new HttpClient { BaseAddress = second.Address }.SignedIn();
        var interrupted = await again.PollRunAsync(location, r => r.Status() != "Running");
        Assert.Equal("Interrupted", interrupted.Status());
        Assert.Equal(completedBeforeKill, interrupted.CompletedSteps());

        var resume = await again.PostAsync($"{location}/resume", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var done = await again.PollRunAsync(location, r => r.Status() is "Completed" or "Failed", timeoutSeconds: 120);
        Assert.Equal("Completed", done.Status());

        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var run = await db.AgentRuns.Include(r => r.Steps).SingleAsync(r => r.SessionId == session, Ct);
        var answers = await db.Answers.Where(a => a.RunId == run.Id).ToListAsync(Ct);
        Assert.All(run.Steps, s => Assert.Equal(StepStatus.Completed, s.Status));
        Assert.Equal(run.Steps.Count, run.Steps.Select(s => s.StepKey).Distinct().Count());
        // One answer per step: none lost to the kill, none duplicated by the resume.
        Assert.Equal(run.Steps.Select(s => s.Id).Order(), answers.Select(a => a.StepId!.Value).Order());
        Assert.Contains(run.Steps, s => s.StepKey == "pitch_writer");
        Assert.Equal(1, await db.Questions.CountAsync(q => q.SessionId == session, Ct));
    }

    private async Task<int> CompletedStepsAsync(Guid session)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await db.AgentSteps.CountAsync(s => s.Status == StepStatus.Completed
            && db.AgentRuns.Any(r => r.Id == s.RunId && r.SessionId == session), Ct);
    }
}
