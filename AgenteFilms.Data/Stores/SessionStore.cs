using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>Creates, lists and edits sessions. Every method takes the acting user and only sees that user's sessions.</summary>
public sealed class SessionStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    public async Task<Session> CreateAsync(Guid ownerId, NewSession input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new Session
        {
            Id = SequentialId.Next(time),
            OwnerId = ownerId,
            Title = input.Title,
            BriefJson = input.BriefJson,
            ModelProfile = input.ModelProfile,
            MetadataJson = input.MetadataJson,
            Status = SessionStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>The user's sessions, most recently updated first.</summary>
    public async Task<IReadOnlyList<Session>> ListAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.OwnerId == ownerId)
            .OrderByDescending(s => s.UpdatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The session, or null when it does not exist or is not the user's (callers answer 404 either way).</summary>
    public async Task<Session?> GetAsync(Guid ownerId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken);
    }

    /// <summary>
    /// Sets the brief's concept (the seed's flow: the first message is the concept). A session created without a title
    /// (its brief has none, as the seed API creates them) is named after the concept, so the writer can tell it apart;
    /// the brief's title stays empty for the agents to invent.
    /// </summary>
    public async Task SetBriefConceptAsync(Guid ownerId, Guid sessionId, string concept, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken);
        if (session is null)
        {
            return;
        }
        var brief = System.Text.Json.Nodes.JsonNode.Parse(session.BriefJson) as System.Text.Json.Nodes.JsonObject ?? [];
        brief["concept"] = concept;
        if (brief["title"] is null)
        {
            session.Title = TitleFrom(concept);
        }
        session.BriefJson = brief.ToJsonString();
        session.UpdatedAt = time.GetUtcNow().UtcDateTime;
        session.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The concept's first words, cut at a word boundary to fit a card.</summary>
    internal static string TitleFrom(string concept)
    {
        const int max = 60;
        var text = string.Join(' ', concept.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', '.', '-') + "…";
    }

    /// <summary>Deletes a session and everything it owns (cascade). Returns false when it is not the user's.</summary>
    public async Task<bool> DeleteAsync(Guid ownerId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken);
        if (session is null)
        {
            return false;
        }
        db.Sessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Renames a session the writer saw with <paramref name="expectedToken"/>. Throws
    /// <see cref="ConcurrencyConflictException"/> when someone changed it since; returns null when it is not found.
    /// </summary>
    public async Task<Session?> RenameAsync(Guid ownerId, Guid sessionId, string title, Guid expectedToken, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        // The token the writer saw, not the one just loaded, decides whether this edit is based on current data.
        db.Entry(session).Property(s => s.ConcurrencyToken).OriginalValue = expectedToken;
        session.Title = title;
        session.UpdatedAt = time.GetUtcNow().UtcDateTime;
        session.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(sessionId, ex);
        }
        return session;
    }
}

/// <summary>What the writer gives to start a session.</summary>
/// <param name="MetadataJson">A JSON object a client attached (the seed API's <c>session_metadata</c>), or null.</param>
public sealed record NewSession(string Title, string BriefJson = "{}", string? ModelProfile = null, string? MetadataJson = null);

/// <summary>The row changed since the writer loaded it.</summary>
public sealed class ConcurrencyConflictException(Guid id, Exception inner)
    : Exception($"Session {id} was changed by someone else. Reload and try again.", inner)
{
    public Guid SessionId { get; } = id;
}
