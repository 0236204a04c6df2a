using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>The numbered versions of a session's pitch document.</summary>
public sealed class PitchStore(IDbContextFactory<AgenteFilmsDbContext> contexts)
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
}

public sealed record PitchVersionInfo(int Number, string? AuthorAgent, Guid? AuthorUserId, string? Note, Guid? RunId, DateTime CreatedAt);
