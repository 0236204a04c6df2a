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

    /// <summary>
    /// The user's sessions, most recently updated first: only archived ones when <paramref name="archived"/> is true,
    /// only active ones when false, all when null.
    /// </summary>
    public async Task<IReadOnlyList<Session>> ListAsync(Guid ownerId, CancellationToken cancellationToken, bool? archived = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = db.Sessions.AsNoTracking().Where(s => s.OwnerId == ownerId);
        if (archived is { } onlyArchived)
        {
            sessions = onlyArchived ? sessions.Where(s => s.ArchivedAt != null) : sessions.Where(s => s.ArchivedAt == null);
        }
        return await sessions.OrderByDescending(s => s.UpdatedAt).ToListAsync(cancellationToken);
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

    /// <summary>
    /// Deletes a session and every row of it: questions, answers, runs and their steps, state versions, pitch versions
    /// and share links go with it (foreign keys cascade in the database). Returns false when it is not the user's.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid ownerId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement, whatever the size of the history, and no concurrency check against the writer's edits.
        return await db.Sessions.Where(s => s.Id == sessionId && s.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Renames a session the writer saw with <paramref name="expectedToken"/>. Throws
    /// <see cref="ConcurrencyConflictException"/> when someone changed it since; returns null when it is not found.
    /// </summary>
    public Task<Session?> RenameAsync(Guid ownerId, Guid sessionId, string title, Guid expectedToken, CancellationToken cancellationToken) =>
        UpdateAsync(ownerId, sessionId, new SessionUpdate(title, null), expectedToken, cancellationToken);

    /// <summary>
    /// Changes the title and/or the archived flag (what is null stays). With <paramref name="expectedToken"/>, throws
    /// <see cref="ConcurrencyConflictException"/> when someone changed the session since the writer loaded it.
    /// Returns null when it is not the user's.
    /// </summary>
    public async Task<Session?> UpdateAsync(Guid ownerId, Guid sessionId, SessionUpdate update, Guid? expectedToken, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        if (expectedToken is { } token)
        {
            // The token the writer saw, not the one just loaded, decides whether this edit is based on current data.
            db.Entry(session).Property(s => s.ConcurrencyToken).OriginalValue = token;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (update.Title is { } title)
        {
            session.Title = title;
            session.UpdatedAt = now;
        }
        if (update.Archived is { } archived && archived != (session.ArchivedAt is not null))
        {
            session.ArchivedAt = archived ? now : null;
        }
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

    /// <summary>
    /// A new session from the user's session: the same brief and model profile, the latest version of every state key
    /// as its version 1 (in the original's order, so nothing looks stale) and the latest pitch as its pitch version 1.
    /// Messages, runs and share links stay with the original, which is not changed. Null when it is not the user's.
    /// </summary>
    public async Task<Session?> DuplicateAsync(Guid ownerId, Guid sessionId, string title, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var original = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken);
        if (original is null)
        {
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latestState = await db.SessionStates.AsNoTracking()
            .Where(s => s.SessionId == sessionId
                && s.Version == db.SessionStates.Where(x => x.SessionId == sessionId && x.Key == s.Key).Max(x => x.Version))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var latestPitch = await db.PitchVersions.AsNoTracking()
            .Where(p => p.SessionId == sessionId)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var copy = new Session
        {
            Id = SequentialId.Next(time),
            OwnerId = ownerId,
            Title = title,
            BriefJson = original.BriefJson,
            ModelProfile = original.ModelProfile,
            Status = original.Status,
            CreatedAt = now,
            UpdatedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
        db.Sessions.Add(copy);
        foreach (var state in latestState)
        {
            // Run and step ids belong to the original's history; in the copy every value is where its history starts.
            db.SessionStates.Add(new SessionState { SessionId = copy.Id, Key = state.Key, ValueJson = state.ValueJson, Version = 1, CreatedAt = now });
        }
        if (latestPitch is not null)
        {
            db.PitchVersions.Add(new PitchVersion
            {
                Id = SequentialId.Next(time),
                SessionId = copy.Id,
                Number = 1,
                DocumentJson = latestPitch.DocumentJson,
                AuthorAgent = latestPitch.AuthorAgent,
                AuthorUserId = latestPitch.AuthorUserId,
                Note = $"Duplicated from “{Truncate(original.Title, 150)}”, version {latestPitch.Number}",
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copy;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

/// <summary>A change to a session's title or archived flag; null leaves it as it is.</summary>
public sealed record SessionUpdate(string? Title, bool? Archived);

/// <summary>What the writer gives to start a session.</summary>
/// <param name="MetadataJson">A JSON object a client attached (the seed API's <c>session_metadata</c>), or null.</param>
public sealed record NewSession(string Title, string BriefJson = "{}", string? ModelProfile = null, string? MetadataJson = null);

/// <summary>The row changed since the writer loaded it.</summary>
public sealed class ConcurrencyConflictException(Guid id, Exception inner)
    : Exception($"Session {id} was changed by someone else. Reload and try again.", inner)
{
    public Guid SessionId { get; } = id;
}
