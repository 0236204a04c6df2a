using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>
/// The run queue and run progress. A run is a row (Queued → Running → Completed | Failed | Cancelled | Interrupted);
/// a queued run survives a restart because the table, not memory, is the queue.
/// </summary>
public sealed class RunStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time, RunMetrics? metrics = null)
{
    private static readonly RunStatus[] s_active = [RunStatus.Queued, RunStatus.Running];

    /// <summary>
    /// Saves the question (if any) and queues a run, in one transaction. A repeated idempotency key returns the run it
    /// created the first time. Returns null when the session is not the user's; throws <see cref="RunConflictException"/>
    /// when the session already has an active run, and <see cref="ActiveRunLimitException"/> when the owner already has
    /// <see cref="NewRun.MaxActiveRunsPerOwner"/> active runs.
    /// </summary>
    public async Task<EnqueueResult?> EnqueueAsync(Guid ownerId, Guid sessionId, NewRun request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken))
        {
            return null;
        }
        if (await FindByKeyAsync(db, sessionId, request.IdempotencyKey, cancellationToken) is { } existing)
        {
            return new EnqueueResult(existing, Created: false);
        }
        if (await db.AgentRuns.AnyAsync(r => r.SessionId == sessionId && s_active.Contains(r.Status), cancellationToken))
        {
            throw new RunConflictException(sessionId);
        }
        await EnsureBelowActiveLimitAsync(db, ownerId, request.MaxActiveRunsPerOwner, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        Question? question = null;
        if (request.Question is { } content)
        {
            question = new Question { Id = SequentialId.Next(time), SessionId = sessionId, Content = content, CreatedAt = now };
            db.Questions.Add(question);
        }
        var run = new AgentRun
        {
            Id = SequentialId.Next(time),
            SessionId = sessionId,
            QuestionId = question?.Id,
            Workflow = request.Workflow,
            ArgumentsJson = request.ArgumentsJson,
            IdempotencyKey = request.IdempotencyKey,
            Status = RunStatus.Queued,
            CreatedAt = now,
        };
        db.AgentRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race on one of the unique indexes: either the same key (return that run) or another active run.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            if (await FindByKeyAsync(fresh, sessionId, request.IdempotencyKey, cancellationToken) is { } winner)
            {
                return new EnqueueResult(winner, Created: false);
            }
            throw new RunConflictException(sessionId);
        }
        metrics?.Entered(RunStatus.Queued);
        return new EnqueueResult(run, Created: true);
    }

    /// <summary>The owner's queued and running runs, across all their sessions.</summary>
    public async Task<int> CountActiveAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CountActiveAsync(db, ownerId, cancellationToken);
    }

    /// <summary>
    /// The status of each of the owner's sessions' latest run (sessions without runs are absent). An active run wins over
    /// a finished one created at the same instant.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, RunStatus>> GetLatestStatusesAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.AgentRuns.AsNoTracking()
            .Where(r => db.Sessions.Any(s => s.Id == r.SessionId && s.OwnerId == ownerId)
                && (s_active.Contains(r.Status) || r.CreatedAt == db.AgentRuns.Where(q => q.SessionId == r.SessionId).Max(q => q.CreatedAt)))
            .Select(r => new { r.SessionId, r.Status })
            .ToListAsync(cancellationToken);
        return latest.GroupBy(r => r.SessionId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Status).OrderBy(status => Array.IndexOf(s_active, status) is var i && i >= 0 ? i : 2).First());
    }

    private static Task<int> CountActiveAsync(AgenteFilmsDbContext db, Guid ownerId, CancellationToken cancellationToken) =>
        db.AgentRuns.CountAsync(r => s_active.Contains(r.Status) && db.Sessions.Any(s => s.Id == r.SessionId && s.OwnerId == ownerId), cancellationToken);

    private static async Task EnsureBelowActiveLimitAsync(AgenteFilmsDbContext db, Guid ownerId, int? limit, CancellationToken cancellationToken)
    {
        if (limit is { } max && await CountActiveAsync(db, ownerId, cancellationToken) >= max)
        {
            throw new ActiveRunLimitException(max);
        }
    }

    private static Task<AgentRun?> FindByKeyAsync(AgenteFilmsDbContext db, Guid sessionId, string? key, CancellationToken cancellationToken) =>
        key is null
            ? Task.FromResult<AgentRun?>(null)
            : db.AgentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.SessionId == sessionId && r.IdempotencyKey == key, cancellationToken);

    /// <summary>
    /// Claims the oldest queued run (marks it Running) or returns null. PostgreSQL uses FOR UPDATE SKIP LOCKED so several
    /// instances can share the queue; SQLite (one process) claims with a conditional update.
    /// </summary>
    public async Task<AgentRun?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        Guid? claimed = null;
        if (db.Database.IsNpgsql())
        {
            var ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE "AgentRuns" SET "Status" = 'Running', "StartedAt" = {now}
                WHERE "Id" = (SELECT "Id" FROM "AgentRuns" WHERE "Status" = 'Queued'
                              ORDER BY "CreatedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
            claimed = ids.Count == 1 ? ids[0] : null;
        }
        else
        {
            var candidates = await db.AgentRuns.Where(r => r.Status == RunStatus.Queued)
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(5).ToListAsync(cancellationToken);
            foreach (var id in candidates)
            {
                var updated = await db.AgentRuns.Where(r => r.Id == id && r.Status == RunStatus.Queued)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedAt, now), cancellationToken);
                if (updated == 1)
                {
                    claimed = id;
                    break;
                }
            }
        }
        if (claimed is not null)
        {
            metrics?.Entered(RunStatus.Running);
        }
        return claimed is { } runId
            ? await db.AgentRuns.AsNoTracking().Include(r => r.Steps).FirstAsync(r => r.Id == runId, cancellationToken)
            : null;
    }

    /// <summary>At start-up: runs left Running by a dead process become Interrupted (their completed steps stay).</summary>
    public async Task<int> MarkAbandonedRunsInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.AgentSteps.Where(s => s.Status == StepStatus.Running)
            .Where(s => db.AgentRuns.Any(r => r.Id == s.RunId && r.Status == RunStatus.Running))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Cancelled).SetProperty(s => s.CompletedAt, now), cancellationToken);
        var interrupted = await db.AgentRuns.Where(r => r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RunStatus.Interrupted)
                .SetProperty(r => r.Error, "The server stopped while this run was in progress. Resume it to continue."), cancellationToken);
        metrics?.Entered(RunStatus.Interrupted, interrupted);
        return interrupted;
    }

    /// <summary>A run with its steps, or null when it is not in the user's session.</summary>
    public async Task<AgentRun?> GetAsync(Guid ownerId, Guid sessionId, Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AgentRuns.AsNoTracking()
            .Include(r => r.Steps.OrderBy(s => s.StartedAt))
            .Where(r => r.Id == runId && r.SessionId == sessionId)
            .Where(r => db.Sessions.Any(s => s.Id == r.SessionId && s.OwnerId == ownerId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The session's queued or running run, if any (at most one: DECISIONS §3).</summary>
    public async Task<AgentRun?> GetActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AgentRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SessionId == sessionId && s_active.Contains(r.Status), cancellationToken);
    }

    /// <summary>Whether the run's row still exists (false once its session was deleted).</summary>
    public async Task<bool> ExistsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AgentRuns.AnyAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>The session's latest runs, newest first, each with its steps (for totals; answers are not loaded).</summary>
    public async Task<IReadOnlyList<AgentRun>> ListAsync(Guid ownerId, Guid sessionId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AgentRuns.AsNoTracking()
            .Where(r => r.SessionId == sessionId && db.Sessions.Any(s => s.Id == r.SessionId && s.OwnerId == ownerId))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(limit, 1, 200))
            .Include(r => r.Steps.OrderBy(s => s.StartedAt))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records that a step started (or restarted after an interruption). Returns the step id.</summary>
    public async Task<Guid> StartStepAsync(Guid runId, string stepKey, string agent, int iteration, string? model, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var step = await db.AgentSteps.FirstOrDefaultAsync(s => s.RunId == runId && s.StepKey == stepKey, cancellationToken);
        if (step is null)
        {
            step = new AgentStep { Id = SequentialId.Next(time), RunId = runId, StepKey = stepKey };
            db.AgentSteps.Add(step);
        }
        step.Agent = agent;
        step.Iteration = iteration;
        step.Model = model;
        step.Status = StepStatus.Running;
        step.StartedAt = now;
        step.CompletedAt = null;
        step.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        return step.Id;
    }

    /// <summary>
    /// Commits one completed step in one transaction: the answer, the new state versions, the step's status and usage,
    /// and a new pitch version when the pitch changed. A crash before this loses only this step.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CommitStepAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var step = await db.AgentSteps.FirstAsync(s => s.Id == commit.StepId, cancellationToken);
        step.Status = StepStatus.Completed;
        step.CompletedAt = now;
        // Added, not set: an earlier failed attempt of this step (resumed) was billed too.
        step.InputTokens += commit.InputTokens;
        step.OutputTokens += commit.OutputTokens;
        step.CostUsd += commit.CostUsd;
        step.Model = commit.Model;
        step.ReadVersionsJson = commit.ReadVersionsJson;

        db.Answers.Add(new Answer
        {
            Id = SequentialId.Next(time),
            SessionId = commit.SessionId,
            QuestionId = commit.QuestionId,
            RunId = commit.RunId,
            StepId = commit.StepId,
            Agent = commit.Agent,
            Content = commit.Content,
            InputTokens = commit.InputTokens,
            OutputTokens = commit.OutputTokens,
            CostUsd = commit.CostUsd,
            DurationMs = commit.DurationMs,
            Model = commit.Model,
            CreatedAt = now,
        });

        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, json) in commit.StateWrites)
        {
            versions[key] = await StateStore.AddVersionAsync(db, commit.SessionId, key, json, commit.RunId, commit.StepId, now, cancellationToken);
        }
        if (commit.PitchJson is { } pitch)
        {
            var number = (await db.PitchVersions.Where(p => p.SessionId == commit.SessionId)
                .MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
            db.PitchVersions.Add(new PitchVersion
            {
                Id = SequentialId.Next(time),
                SessionId = commit.SessionId,
                Number = number,
                DocumentJson = pitch,
                AuthorAgent = commit.Agent,
                RunId = commit.RunId,
                Note = commit.PitchNote,
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (commit.RunArgumentsJson is { } arguments)
        {
            // Saved with the step that produced them (the showrunner's follow-ups), so a resume after a crash between
            // the two cannot skip the step and lose what it asked for.
            await db.AgentRuns.Where(r => r.Id == commit.RunId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ArgumentsJson, arguments), cancellationToken);
        }
        // The runner never load-modify-saves the session row (DECISIONS §3): touch its timestamp only.
        await db.Sessions.Where(s => s.Id == commit.SessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return versions;
    }

    /// <summary>
    /// Marks a step that did not complete (failed or cancelled), with what its model calls were billed so far: they
    /// count against the owner's budget like a completed step's.
    /// </summary>
    public async Task EndStepAsync(Guid stepId, StepStatus status, string? error, TokenUsage billed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.AgentSteps.Where(s => s.Id == stepId && s.Status == StepStatus.Running)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.CompletedAt, now)
                .SetProperty(s => s.Error, error)
                .SetProperty(s => s.InputTokens, s => s.InputTokens + billed.InputTokens)
                .SetProperty(s => s.OutputTokens, s => s.OutputTokens + billed.OutputTokens)
                .SetProperty(s => s.CostUsd, s => s.CostUsd + billed.CostUsd), cancellationToken);
    }

    /// <summary>Ends a run with its final status.</summary>
    public async Task FinishAsync(Guid runId, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.AgentRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status).SetProperty(r => r.CompletedAt, now).SetProperty(r => r.Error, error), cancellationToken);
        metrics?.Entered(status, updated);
    }

    /// <summary>Cancels a run that is still queued. Returns false when it is not queued (then cancel the running one).</summary>
    public async Task<bool> CancelQueuedAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var cancelled = await db.AgentRuns.Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.CompletedAt, now), cancellationToken) == 1;
        if (cancelled)
        {
            metrics?.Entered(RunStatus.Cancelled);
        }
        return cancelled;
    }

    /// <summary>
    /// Queues an Interrupted, Failed or Cancelled run again; the runner then continues from its first unfinished step.
    /// Returns false when the run is in another state; throws <see cref="RunConflictException"/> when another run is active
    /// and <see cref="ActiveRunLimitException"/> when the owner already has <paramref name="maxActiveRunsPerOwner"/> active runs.
    /// </summary>
    public async Task<bool> RequeueAsync(Guid ownerId, Guid runId, Guid sessionId, int? maxActiveRunsPerOwner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.AgentRuns.AnyAsync(r => r.SessionId == sessionId && r.Id != runId && s_active.Contains(r.Status), cancellationToken))
        {
            throw new RunConflictException(sessionId);
        }
        if (await db.AgentRuns.AnyAsync(r => r.Id == runId && (r.Status == RunStatus.Interrupted || r.Status == RunStatus.Failed || r.Status == RunStatus.Cancelled), cancellationToken))
        {
            await EnsureBelowActiveLimitAsync(db, ownerId, maxActiveRunsPerOwner, cancellationToken);
        }
        try
        {
            var requeued = await db.AgentRuns
                .Where(r => r.Id == runId && (r.Status == RunStatus.Interrupted || r.Status == RunStatus.Failed || r.Status == RunStatus.Cancelled))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Queued).SetProperty(r => r.Error, (string?)null).SetProperty(r => r.CompletedAt, (DateTime?)null), cancellationToken) == 1;
            if (requeued)
            {
                metrics?.Entered(RunStatus.Queued);
            }
            return requeued;
        }
        catch (DbUpdateException)
        {
            throw new RunConflictException(sessionId);
        }
    }

    /// <summary>The answers of a run in the order they were committed.</summary>
    public async Task<IReadOnlyList<Answer>> GetAnswersAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Answers.AsNoTracking().Where(a => a.RunId == runId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The state versions each of these steps read (<see cref="AgentStep.ReadVersionsJson"/>), by step id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> GetReadVersionsAsync(IReadOnlyCollection<Guid> stepIds, CancellationToken cancellationToken)
    {
        if (stepIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AgentSteps.AsNoTracking().Where(s => stepIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.ReadVersionsJson, cancellationToken);
    }
}

/// <summary>
/// What to queue: the workflow, its arguments, an optional idempotency key and the writer's words to save first;
/// <paramref name="MaxActiveRunsPerOwner"/> caps the owner's queued and running runs (null: no cap).
/// </summary>
public sealed record NewRun(string Workflow, string? ArgumentsJson = null, string? IdempotencyKey = null, string? Question = null, int? MaxActiveRunsPerOwner = null);

/// <summary>The queued run; <see cref="Created"/> is false when an earlier submit with the same key created it.</summary>
public sealed record EnqueueResult(AgentRun Run, bool Created);

/// <summary>Everything one completed agent step writes, committed together.</summary>
public sealed record StepCommit(
    Guid SessionId,
    Guid RunId,
    Guid StepId,
    Guid? QuestionId,
    string Agent,
    string Content,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    long DurationMs,
    string? Model,
    string ReadVersionsJson,
    IReadOnlyList<KeyValuePair<string, string>> StateWrites,
    string? PitchJson = null,
    string? PitchNote = null,
    string? RunArgumentsJson = null);

/// <summary>Tokens and cost billed for model calls.</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens, decimal CostUsd)
{
    public static readonly TokenUsage Zero = new(0, 0, 0m);

    public long Tokens => InputTokens + OutputTokens;
}

/// <summary>The owner already has as many queued and running runs as they may.</summary>
public sealed class ActiveRunLimitException(int limit)
    : Exception($"You already have {limit} runs in progress, the most at once. Wait for one to finish, or cancel one.")
{
    public int Limit { get; } = limit;
}

/// <summary>The session already has a queued or running run.</summary>
public sealed class RunConflictException(Guid sessionId)
    : Exception("This pitch already has a run in progress. Wait for it to finish or cancel it.")
{
    public Guid SessionId { get; } = sessionId;
}
