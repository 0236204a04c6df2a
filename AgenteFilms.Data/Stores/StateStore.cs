using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>Versioned state snapshots: each save of a key is a new version, earlier versions stay.</summary>
public sealed class StateStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    /// <summary>Saves a new version of <paramref name="key"/> and returns its version number (1 for the first).</summary>
    public async Task<int> SaveAsync(Guid sessionId, string key, string valueJson, Guid? runId, Guid? stepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await AddVersionAsync(db, sessionId, key, valueJson, runId, stepId, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Adds (does not save) the next version of a key to <paramref name="db"/>, so a caller can commit it together
    /// with an answer and a step in one transaction.
    /// </summary>
    public static async Task<int> AddVersionAsync(AgenteFilmsDbContext db, Guid sessionId, string key, string valueJson, Guid? runId, Guid? stepId, DateTime now, CancellationToken cancellationToken)
    {
        var current = await db.SessionStates
            .Where(s => s.SessionId == sessionId && s.Key == key)
            .MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0;
        var version = current + 1;
        db.SessionStates.Add(new SessionState
        {
            SessionId = sessionId,
            Key = key,
            ValueJson = valueJson,
            Version = version,
            RunId = runId,
            StepId = stepId,
            CreatedAt = now,
        });
        return version;
    }

    /// <summary>The latest version of every key of the session.</summary>
    public async Task<IReadOnlyDictionary<string, StateValue>> GetLatestAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.SessionStates.AsNoTracking()
            .Where(s => s.SessionId == sessionId
                && s.Version == db.SessionStates.Where(x => x.SessionId == sessionId && x.Key == s.Key).Max(x => x.Version))
            .Select(s => new
            {
                s.Key,
                s.ValueJson,
                s.Version,
                s.CreatedAt,
                // Who wrote it: the agent step (null for a writer's edit or the seeded brief).
                Step = db.AgentSteps.Where(a => a.Id == s.StepId).Select(a => new { a.Agent, a.Model }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(s => s.Key, s => new StateValue(s.ValueJson, s.Version, s.CreatedAt, s.Step?.Agent, s.Step?.Model));
    }

    /// <summary>Every version of one key, newest first.</summary>
    public async Task<IReadOnlyList<SessionState>> GetVersionsAsync(Guid sessionId, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SessionStates.AsNoTracking()
            .Where(s => s.SessionId == sessionId && s.Key == key)
            .OrderByDescending(s => s.Version)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every version of every key without values, in insertion order: which versions existed when a given version was
    /// written (for staleness of what the writer saved, which has no agent step recording its reads).
    /// </summary>
    public async Task<IReadOnlyList<StateVersionHeader>> GetVersionHeadersAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SessionStates.AsNoTracking()
            .Where(s => s.SessionId == sessionId)
            .OrderBy(s => s.Id)
            .Select(s => new StateVersionHeader(s.Id, s.Key, s.Version, s.StepId))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>The latest version of a key; <see cref="Agent"/> and <see cref="Model"/> name the agent step that wrote it.</summary>
public sealed record StateValue(string ValueJson, int Version, DateTime CreatedAt, string? Agent = null, string? Model = null);
public sealed record StateVersionHeader(long Id, string Key, int Version, Guid? StepId);

