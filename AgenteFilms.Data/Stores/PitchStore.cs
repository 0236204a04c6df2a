using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>The numbered versions of a session's pitch document.</summary>
public sealed class PitchStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    /// <summary>A version of the user's pitch (the latest when <paramref name="number"/> is null), or null.</summary>
    public async Task<PitchVersion?> GetAsync(Guid ownerId, Guid sessionId, int? number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = db.PitchVersions.AsNoTracking()
            .Where(p => p.SessionId == sessionId && db.Sessions.Any(s => s.Id == sessionId && s.OwnerId == ownerId));
        return number is { } n
            ? await versions.FirstOrDefaultAsync(p => p.Number == n, cancellationToken)
            : await versions.OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest version of a session opened through a valid share link (the link is the grant).</summary>
    public async Task<PitchVersion?> GetLatestForShareAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PitchVersions.AsNoTracking()
            .Where(p => p.SessionId == sessionId)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest pitch document of each of the user's sessions that has one (session id → document JSON): the dashboard's cards.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> GetLatestDocumentsAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PitchVersions.AsNoTracking()
            .Where(p => db.Sessions.Any(s => s.Id == p.SessionId && s.OwnerId == ownerId)
                && p.Number == db.PitchVersions.Where(q => q.SessionId == p.SessionId).Max(q => q.Number))
            .Select(p => new { p.SessionId, p.DocumentJson })
            .ToDictionaryAsync(p => p.SessionId, p => p.DocumentJson, cancellationToken);
    }

    /// <summary>Every version's header (no document), newest first.</summary>
    public async Task<IReadOnlyList<PitchVersionInfo>> ListAsync(Guid ownerId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PitchVersions.AsNoTracking()
            .Where(p => p.SessionId == sessionId && db.Sessions.Any(s => s.Id == sessionId && s.OwnerId == ownerId))
            .OrderByDescending(p => p.Number)
            .Select(p => new PitchVersionInfo(p.Number, p.AuthorAgent, p.AuthorUserId, p.Note, p.RunId, p.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Saves a version the writer made (an edit or a restore) and, in the same transaction, the matching new version of
    /// the pitch state key, so staleness and later agent runs see it. Returns null when the session is not the user's.
    /// </summary>
    /// <exception cref="PitchVersionConflictException">The latest version is not <paramref name="expectedLatest"/>.</exception>
    /// <exception cref="RunConflictException">A run is queued or running: it would overwrite the writer's version.</exception>
    public async Task<PitchVersionInfo?> AddWriterVersionAsync(
        Guid ownerId, Guid sessionId, int expectedLatest, string documentJson, string stateKey, string note, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken))
        {
            return null;
        }
        // A run builds on the pitch it loaded when it started; saving under it would be silently overwritten.
        if (await db.AgentRuns.AnyAsync(r => r.SessionId == sessionId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), cancellationToken))
        {
            throw new RunConflictException(sessionId);
        }
        var latest = await db.PitchVersions.Where(p => p.SessionId == sessionId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0;
        if (latest != expectedLatest)
        {
            throw new PitchVersionConflictException(sessionId, expectedLatest, latest);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var version = new PitchVersion
        {
            Id = SequentialId.Next(time),
            SessionId = sessionId,
            Number = latest + 1,
            DocumentJson = documentJson,
            AuthorUserId = ownerId,
            Note = note,
            CreatedAt = now,
        };
        db.PitchVersions.Add(version);
        await StateStore.AddVersionAsync(db, sessionId, stateKey, documentJson, null, null, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The unique (session, number) index: someone else saved the same number first.
            throw new PitchVersionConflictException(sessionId, expectedLatest, latest + 1, ex);
        }
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PitchVersionInfo(version.Number, null, ownerId, note, null, now);
    }
}

/// <summary>The pitch has a newer version than the one the writer edited.</summary>
public sealed class PitchVersionConflictException(Guid sessionId, int expected, int actual, Exception? inner = null)
    : Exception($"The pitch changed while you were editing: you edited version {expected}, the latest is {actual}. Reload, then apply your change again.", inner)
{
    public Guid SessionId { get; } = sessionId;

    public int Expected { get; } = expected;

    public int Actual { get; } = actual;
}

public sealed record PitchVersionInfo(int Number, string? AuthorAgent, Guid? AuthorUserId, string? Note, Guid? RunId, DateTime CreatedAt);
