using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>Read-only share links of a session. Only token hashes are stored.</summary>
public sealed class ShareLinkStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    /// <summary>Adds a link to the user's session; null when the session is not theirs.</summary>
    public async Task<ShareLink?> CreateAsync(Guid ownerId, Guid sessionId, string tokenHash, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken))
        {
            return null;
        }
        var link = new ShareLink
        {
            Id = SequentialId.Next(time),
            SessionId = sessionId,
            TokenHash = tokenHash,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>The session's links, newest first (empty when the session is not the user's).</summary>
    public async Task<IReadOnlyList<ShareLink>> ListAsync(Guid ownerId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ShareLinks.AsNoTracking()
            .Where(l => l.SessionId == sessionId && db.Sessions.Any(s => s.Id == sessionId && s.OwnerId == ownerId))
            .OrderByDescending(l => l.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one link of the user's session. False when there is no such link.</summary>
    public async Task<bool> RevokeAsync(Guid ownerId, Guid sessionId, Guid linkId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var link = await db.ShareLinks
            .Where(l => l.Id == linkId && l.SessionId == sessionId && db.Sessions.Any(s => s.Id == sessionId && s.OwnerId == ownerId))
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return false;
        }
        link.RevokedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The link with this token hash and its session's title, or null.</summary>
    public async Task<(ShareLink Link, string Title)?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ShareLinks.AsNoTracking()
            .Where(l => l.TokenHash == tokenHash)
            .Select(l => new { Link = l, Title = db.Sessions.Where(s => s.Id == l.SessionId).Select(s => s.Title).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Link, found.Title ?? "");
    }
}
