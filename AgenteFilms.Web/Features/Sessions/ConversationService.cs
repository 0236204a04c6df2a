using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>The conversation of a pitch (the writer's messages and the agents' answers), for the acting user.</summary>
public sealed class ConversationService(MessageStore messages, ICurrentUser user)
{
    public const int PageSize = 30;

    /// <summary>One page of history, oldest first, ending before <paramref name="before"/> (null: the newest page).</summary>
    public Task<HistoryPage> GetPageAsync(Guid sessionId, HistoryCursor? before, CancellationToken cancellationToken) =>
        messages.GetHistoryPageAsync(user.Id, sessionId, before, PageSize, cancellationToken);
}
