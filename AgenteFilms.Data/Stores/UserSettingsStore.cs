using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>One row of preferences per user.</summary>
public sealed class UserSettingsStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    /// <summary>The user's settings, or defaults when they never saved any.</summary>
    public async Task<UserSettings> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken)
            ?? new UserSettings { UserId = userId };
    }

    /// <summary>Changes what <paramref name="change"/> sets and saves (creating the row the first time).</summary>
    public async Task<UserSettings> UpdateAsync(Guid userId, Action<UserSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            settings = new UserSettings { UserId = userId };
            db.UserSettings.Add(settings);
        }
        change(settings);
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(settings).State == EntityState.Added)
        {
            // Two tabs saved the first settings at once: apply this change to the row the other one created.
            return await UpdateAsync(userId, change, cancellationToken);
        }
        return settings;
    }
}
