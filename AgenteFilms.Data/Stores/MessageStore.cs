using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data.Stores;

/// <summary>The conversation of a session: the writer's questions and the agents' answers.</summary>
public sealed class MessageStore(IDbContextFactory<AgenteFilmsDbContext> contexts, TimeProvider time)
{
    public async Task<Question> AddQuestionAsync(Guid sessionId, string content, CancellationToken cancellationToken)
    {
        var question = new Question
        {
            Id = SequentialId.Next(time),
            SessionId = sessionId,
            Content = content,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Questions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public async Task<Answer> AddAnswerAsync(Answer answer, CancellationToken cancellationToken)
    {
        if (answer.Id == Guid.Empty)
        {
            answer.Id = SequentialId.Next(time);
        }
        if (answer.CreatedAt == default)
        {
            answer.CreatedAt = time.GetUtcNow().UtcDateTime;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Answers.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }

    /// <summary>
    /// One page of history, oldest first, ending just before <paramref name="before"/> (null: the newest page).
    /// Keyset paging on (CreatedAt, Id) keeps a 10,000-message session as fast to open as a short one.
    /// </summary>
    public async Task<HistoryPage> GetHistoryPageAsync(Guid ownerId, Guid sessionId, HistoryCursor? before, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.OwnerId == ownerId, cancellationToken))
        {
            return HistoryPage.Empty;
        }

        var questions = db.Questions.AsNoTracking().Where(q => q.SessionId == sessionId);
        var answers = db.Answers.AsNoTracking().Where(a => a.SessionId == sessionId);
        if (before is { } cursor)
        {
            questions = questions.Where(q => q.CreatedAt < cursor.CreatedAt || (q.CreatedAt == cursor.CreatedAt && q.Id.CompareTo(cursor.Id) < 0));
            answers = answers.Where(a => a.CreatedAt < cursor.CreatedAt || (a.CreatedAt == cursor.CreatedAt && a.Id.CompareTo(cursor.Id) < 0));
        }

        // The newest pageSize+1 of each table contain the newest pageSize+1 of their union.
        var take = pageSize + 1;
        var q = await questions.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(take)
            .Select(x => new HistoryItem(x.Id, HistoryRole.Writer, null, x.Content, x.CreatedAt, 0, 0, 0m, null))
            .ToListAsync(cancellationToken);
        var a = await answers.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(take)
            .Select(x => new HistoryItem(x.Id, HistoryRole.Agent, x.Agent, x.Content, x.CreatedAt, x.InputTokens, x.OutputTokens, x.CostUsd, x.Model))
            .ToListAsync(cancellationToken);

        var newest = q.Concat(a)
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Take(take)
            .ToList();
        var hasMore = newest.Count > pageSize;
        var page = newest.Take(pageSize).Reverse().ToList();
        return new HistoryPage(page, hasMore);
    }
}

public enum HistoryRole
{
    Writer,
    Agent,
}

/// <summary>One message of the history; <see cref="Agent"/> is null for the writer.</summary>
public sealed record HistoryItem(
    Guid Id, HistoryRole Role, string? Agent, string Content, DateTime CreatedAt,
    long InputTokens, long OutputTokens, decimal CostUsd, string? Model)
{
    public HistoryCursor Cursor => new(CreatedAt, Id);
}

/// <summary>Position in the history: everything strictly older than this item.</summary>
public readonly record struct HistoryCursor(DateTime CreatedAt, Guid Id);

public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, bool HasMore)
{
    public static readonly HistoryPage Empty = new([], false);

    /// <summary>The cursor for the next (older) page, when there is one.</summary>
    public HistoryCursor? Next => HasMore && Items.Count > 0 ? Items[0].Cursor : null;
}
