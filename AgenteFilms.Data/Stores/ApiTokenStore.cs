using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>Personal API tokens. Callers hash tokens; only hashes reach this store.</summary>
public sealed class ApiTokenStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    /// <summary>How stale <see cref="ApiToken.LastUsedAt"/> may get before a use writes it again (one write per minute, not per request).</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiToken> AddAsync(Guid userId, string name, string prefix, string tokenHash, CancellationToken cancellationToken)
    {
        var token = new ApiToken
        {
            Id = SequentialId.Next(time),
            UserId = userId,
            Name = name,
            Prefix = prefix,
            TokenHash = tokenHash,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<bool> ExistsAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AnyAsync(t => t.TokenHash == tokenHash, cancellationToken);
    }

    /// <summary>The user's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's tokens; false when it is not theirs.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The owner of a live (not revoked) token with this hash, recording the use; null otherwise.</summary>
    public async Task<Guid?> UseAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == tokenHash && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is not { } last || now - last > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return token.UserId;
    }
}
