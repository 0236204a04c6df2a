using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>Removing an account and every row that belongs to it or names it.</summary>
public sealed class AccountStore(IDbContextFactory<AgenteFilmsDbContext> contexts)
{
    /// <summary>
    /// Deletes, in one transaction, what is left of the account: its pitches (every row of each cascades with it,
    /// viewer grants and share links included), the grants it holds on other accounts' pitches, its API tokens, its
    /// settings, its Identity rows (roles, claims, logins, tokens) and the user. A pitch version it authored on a
    /// pitch that stays forgets its author. False when there was no such user.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Sessions.Where(s => s.OwnerId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.SessionViewers.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PitchVersions.Where(p => p.AuthorUserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorUserId, (Guid?)null), cancellationToken);
        // Identity's tables cascade from the user too; deleting them by name keeps this true whatever the schema says.
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    /// <summary>The account's current security stamp, or null when the account no longer exists.</summary>
    public async Task<string?> SecurityStampAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp ?? "").FirstOrDefaultAsync(cancellationToken);
    }
}
