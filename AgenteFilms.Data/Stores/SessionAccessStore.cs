using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>
/// Who may see a session: its owner, and the accounts it was shared with as viewers (DECISIONS §6). Viewer grants
/// only ever open reads; every write path keeps checking <c>OwnerId</c> in its own store method.
/// </summary>
public sealed class SessionAccessStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    /// <summary>The user's relation to the session, or null when it does not exist or they may not see it.</summary>
    public async Task<SessionAccess?> GetAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId
                && (s.OwnerId == userId || db.SessionViewers.Any(v => v.SessionId == s.Id && v.UserId == userId)))
            .Select(s => new { s.OwnerId })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new SessionAccess(found.OwnerId, found.OwnerId == userId ? SessionRole.Owner : SessionRole.Viewer);
    }

    /// <summary>
    /// The name the session's owner goes by (the account's user name, else its e-mail): the author named in export
    /// notices. Null when the session or its owner's account does not exist. Callers check access first.
    /// </summary>
    public async Task<string?> GetOwnerNameAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from s in db.Sessions.AsNoTracking()
            join u in db.Users on s.OwnerId equals u.Id
            where s.Id == sessionId
            select u.UserName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Sessions shared with the user, most recently updated first.</summary>
    public async Task<IReadOnlyList<Session>> ListSharedWithAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.OwnerId != userId && db.SessionViewers.Any(v => v.SessionId == s.Id && v.UserId == userId))
            .OrderByDescending(s => s.UpdatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The viewers of the owner's session (empty when it is not theirs).</summary>
    public async Task<IReadOnlyList<SessionViewerInfo>> ListViewersAsync(Guid ownerId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from v in db.SessionViewers.AsNoTracking()
            join u in db.Users on v.UserId equals u.Id
            where v.SessionId == sessionId && db.Sessions.Any(s => s.Id == sessionId && s.OwnerId == ownerId)
            orderby u.Email
            select new { u.Id, u.Email, v.CreatedAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new SessionViewerInfo(r.Id, r.Email ?? "", r.CreatedAt)).ToList();
    }

    /// <summary>Grants an account read access to the owner's session. Null when the session is not theirs.</summary>
    public async Task<SessionViewerInfo?> AddViewerAsync(Guid ownerId, Guid sessionId, Guid viewerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken))
        {
            return null;
        }
        var email = await db.Users.Where(u => u.Id == viewerId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? "";
        var existing = await db.SessionViewers.FirstOrDefaultAsync(v => v.SessionId == sessionId && v.UserId == viewerId, cancellationToken);
        if (existing is not null)
        {
            return new SessionViewerInfo(viewerId, email, existing.CreatedAt);
        }
        var grant = new SessionViewer { SessionId = sessionId, UserId = viewerId, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.SessionViewers.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return new SessionViewerInfo(viewerId, email, grant.CreatedAt);
    }

    /// <summary>Removes a viewer from the owner's session; false when there is no such grant.</summary>
    public async Task<bool> RemoveViewerAsync(Guid ownerId, Guid sessionId, Guid viewerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.SessionViewers
            .Where(v => v.SessionId == sessionId && v.UserId == viewerId && db.Sessions.Any(s => s.Id == sessionId && s.OwnerId == ownerId))
            .ExecuteDeleteAsync(cancellationToken);
        return removed > 0;
    }

    /// <summary>The account with this normalized e-mail, or null.</summary>
    public async Task<Guid?> FindUserIdByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Gives everything the fixed local user owns (DECISIONS §3) to the earliest account. Idempotent: runs after every
    /// account creation and at start-up; does nothing until an account exists.
    /// </summary>
    public async Task<int> TakeOverLocalDataAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var first = await db.Users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (first is not { } owner)
        {
            return 0;
        }
        var moved = await db.Sessions.Where(s => s.OwnerId == LocalUser.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OwnerId, owner), cancellationToken);
        await db.PitchVersions.Where(p => p.AuthorUserId == LocalUser.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorUserId, owner), cancellationToken);
        return moved;
    }
}

public enum SessionRole
{
    Owner,
    Viewer,
}

/// <summary>Who owns a session and what the asking user is to it.</summary>
public sealed record SessionAccess(Guid OwnerId, SessionRole Role)
{
    public bool IsOwner => Role == SessionRole.Owner;
}

public sealed record SessionViewerInfo(Guid UserId, string Email, DateTime SharedAt);
