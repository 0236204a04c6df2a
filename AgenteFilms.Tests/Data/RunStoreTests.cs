using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Data;

public abstract class RunStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RunStore Runs => database.Require().Services.GetRequiredService<RunStore>();

    private SessionStore Sessions => database.Require().Services.GetRequiredService<SessionStore>();

    private async Task<(Guid Owner, Guid Session)> NewSessionAsync()
    {
        var owner = Guid.NewGuid();
        var session = await Sessions.CreateAsync(owner, new NewSession("Runs"), Ct);
        return (owner, session.Id);
    }

    [Fact]
    public async Task LatestStatuses_GiveEachOfTheOwnersSessionsItsNewestRun_AndNothingOfOthers()
    {
        var (owner, finished) = await NewSessionAsync();
        var first = await Runs.EnqueueAsync(owner, finished, new NewRun("pitch"), Ct);
        await Runs.FinishAsync(first!.Run.Id, RunStatus.Failed, "boom", Ct);
        var second = await Runs.EnqueueAsync(owner, finished, new NewRun("chat"), Ct);
        await Runs.FinishAsync(second!.Run.Id, RunStatus.Completed, null, Ct);
        var queued = (await Sessions.CreateAsync(owner, new NewSession("Queued"), Ct)).Id;
        await Runs.EnqueueAsync(owner, queued, new NewRun("pitch"), Ct);
        var idle = (await Sessions.CreateAsync(owner, new NewSession("Idle"), Ct)).Id;
        var (stranger, strangers) = await NewSessionAsync();
        await Runs.EnqueueAsync(stranger, strangers, new NewRun("pitch"), Ct);

        var statuses = await Runs.GetLatestStatusesAsync(owner, Ct);

        Assert.Equal(RunStatus.Completed, statuses[finished]);
        Assert.Equal(RunStatus.Queued, statuses[queued]);
        Assert.False(statuses.ContainsKey(idle));
        Assert.False(statuses.ContainsKey(strangers));
    }

    [Fact]
    public async Task Enqueue_SavesTheQuestionFirst_AndQueuesTheRun()
    {
        var (owner, session) = await NewSessionAsync();

        var result = await Runs.EnqueueAsync(owner, session, new NewRun("pitch", Question: "A heist on the Moon"), Ct);

        Assert.NotNull(result);
        Assert.True(result.Created);
        Assert.Equal(RunStatus.Queued, result.Run.Status);
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var question = await db.Questions.SingleAsync(q => q.SessionId == session, Ct);
        Assert.Equal("A heist on the Moon", question.Content);
        Assert.Equal(question.Id, result.Run.QuestionId);
    }

    [Fact]
    public async Task Enqueue_WithTheSameIdempotencyKey_ReturnsTheFirstRun()
    {
        var (owner, session) = await NewSessionAsync();

        var first = await Runs.EnqueueAsync(owner, session, new NewRun("chat", IdempotencyKey: "k-1", Question: "hi"), Ct);
        var second = await Runs.EnqueueAsync(owner, session, new NewRun("chat", IdempotencyKey: "k-1", Question: "hi"), Ct);

        Assert.Equal(first!.Run.Id, second!.Run.Id);
        Assert.False(second.Created);
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AgentRuns.CountAsync(r => r.SessionId == session, Ct));
        Assert.Equal(1, await db.Questions.CountAsync(q => q.SessionId == session, Ct));
    }

    [Fact]
    public async Task Enqueue_WhileARunIsActive_IsAConflict()
    {
        var (owner, session) = await NewSessionAsync();
        await Runs.EnqueueAsync(owner, session, new NewRun("pitch"), Ct);

        await Assert.ThrowsAsync<RunConflictException>(() => Runs.EnqueueAsync(owner, session, new NewRun("chat"), Ct));
    }

    [Fact]
    public async Task Enqueue_ForAnotherUsersSession_ReturnsNull_AndSavesNothing()
    {
        var (_, session) = await NewSessionAsync();

        Assert.Null(await Runs.EnqueueAsync(Guid.NewGuid(), session, new NewRun("pitch", Question: "steal"), Ct));
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        Assert.False(await db.Questions.AnyAsync(q => q.SessionId == session, Ct));
    }

    [Fact]
    public async Task Claim_TakesEachQueuedRunOnce()
    {
        var (owner, session) = await NewSessionAsync();
        var queued = await Runs.EnqueueAsync(owner, session, new NewRun("pitch"), Ct);

        // Other tests of this class may have left queued runs: claim concurrently until the queue is empty.
        var claimed = new List<AgentRun>();
        while (true)
        {
            var round = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Runs.ClaimNextAsync(Ct)));
            claimed.AddRange(round.OfType<AgentRun>());
            if (round.All(r => r is null))
            {
                break;
            }
        }

        Assert.Equal(claimed.Count, claimed.Select(r => r.Id).Distinct().Count());
        Assert.Equal(RunStatus.Running, Assert.Single(claimed, r => r.Id == queued!.Run.Id).Status);
        Assert.Null(await Runs.ClaimNextAsync(Ct));
    }

    [Fact]
    public async Task CommitStep_WritesAnswerStateStepAndPitchVersion_Together()
    {
        var (owner, session) = await NewSessionAsync();
        var run = (await Runs.EnqueueAsync(owner, session, new NewRun("pitch", Question: "q"), Ct))!.Run;
        var stepId = await Runs.StartStepAsync(run.Id, "pitch_writer", "pitch_writer", 0, "Offline model", Ct);

        var versions = await Runs.CommitStepAsync(new StepCommit(
            session, run.Id, stepId, run.QuestionId, "pitch_writer", "Here is the pitch.", 100, 200, 0.0005m, 1234, "Offline model",
            """{"brief":1}""", [new("pitch", """{"title":"Moon"}""")], PitchJson: """{"title":"Moon"}""",
            RunArgumentsJson: """{"followUps":[]}"""), Ct);

        Assert.Equal(1, versions["pitch"]);
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var step = await db.AgentSteps.SingleAsync(s => s.Id == stepId, Ct);
        Assert.Equal(StepStatus.Completed, step.Status);
        Assert.Equal(0.0005m, step.CostUsd);
        var answer = await db.Answers.SingleAsync(a => a.RunId == run.Id, Ct);
        Assert.Equal(("pitch_writer", 100L, 200L, 1234L), (answer.Agent, answer.InputTokens, answer.OutputTokens, answer.DurationMs));
        Assert.Equal(1, await db.PitchVersions.CountAsync(p => p.SessionId == session && p.Number == 1, Ct));
        Assert.Contains("followUps", (await db.AgentRuns.SingleAsync(r => r.Id == run.Id, Ct)).ArgumentsJson);
        Assert.Equal(1, await db.SessionStates.CountAsync(s => s.SessionId == session && s.Key == "pitch", Ct));
        var latest = await database.Services.GetRequiredService<StateStore>().GetLatestAsync(session, Ct);
        Assert.Equal(("pitch_writer", "Offline model"), (latest["pitch"].Agent, latest["pitch"].Model));
    }

    [Fact]
    public async Task AbandonedRuns_BecomeInterrupted_AndCanBeRequeued()
    {
        var (owner, session) = await NewSessionAsync();
        var run = (await Runs.EnqueueAsync(owner, session, new NewRun("pitch"), Ct))!.Run;
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            await db.AgentRuns.Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Running), Ct);
        }
        var stepId = await Runs.StartStepAsync(run.Id, "writers_room/1/researcher", "researcher", 1, null, Ct);

        Assert.True(await Runs.MarkAbandonedRunsInterruptedAsync(Ct) >= 1);
        var interrupted = await Runs.GetAsync(owner, session, run.Id, Ct);
        Assert.Equal(RunStatus.Interrupted, interrupted!.Status);
        Assert.Equal(StepStatus.Cancelled, interrupted.Steps.Single(s => s.Id == stepId).Status);

        Assert.True(await Runs.RequeueAsync(owner, run.Id, session, null, Ct));
        Assert.Equal(RunStatus.Queued, (await Runs.GetAsync(owner, session, run.Id, Ct))!.Status);
    }
}

public sealed class SqliteRunStoreTests(SqliteTestDatabase database) : RunStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresRunStoreTests(PostgresTestDatabase database) : RunStoreTests<PostgresTestDatabase>(database);
