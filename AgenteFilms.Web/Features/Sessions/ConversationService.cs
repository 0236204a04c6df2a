using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>The conversation of a pitch (the writer's messages and the agents' answers), for the acting user.</summary>
public sealed class ConversationService(MessageStore messages, Sharing.PitchAccess access)
{
    public const int PageSize = 30;

    /// <summary>One page of history, oldest first, ending before <paramref name="before"/> (null: the newest page).</summary>
    public Task<HistoryPage> GetPageAsync(Guid sessionId, HistoryCursor? before, CancellationToken cancellationToken) =>
        GetPageAsync(sessionId, before, PageSize, cancellationToken);

    /// <summary>One page for the owner or a viewer; empty when the session does not exist for the user.</summary>
    public async Task<HistoryPage> GetPageAsync(Guid sessionId, HistoryCursor? before, int pageSize, CancellationToken cancellationToken) =>
        await access.OwnerForReadAsync(sessionId, cancellationToken) is { } owner
            ? await messages.GetHistoryPageAsync(owner, sessionId, before, pageSize, cancellationToken)
            : new HistoryPage([], false);
}
