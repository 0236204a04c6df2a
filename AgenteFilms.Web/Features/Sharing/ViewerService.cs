using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AgenteFilms.Web.Features.Sharing;

/// <summary>
/// Sharing a pitch with a registered account as a viewer (DECISIONS §6). Only the owner manages viewers; a viewer
/// reads the pitch and downloads its exports, nothing else.
/// </summary>
public sealed class ViewerService(SessionAccessStore store, ICurrentUser user, ILookupNormalizer normalizer)
{
    public const int MaxEmailLength = 256;

    /// <summary>The viewers of the user's session (empty when it is not theirs).</summary>
    public Task<IReadOnlyList<SessionViewerInfo>> ListAsync(Guid sessionId, CancellationToken cancellationToken) =>
        store.ListViewersAsync(user.Id, sessionId, cancellationToken);

    /// <summary>Shares the user's session with the account registered under <paramref name="email"/>. Null when the session is not theirs.</summary>
    /// <exception cref="InputValidationException">No such account, or the owner's own address.</exception>
    public async Task<SessionViewerInfo?> AddAsync(Guid sessionId, string? email, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var address = errors.Required("email", email, MaxEmailLength, "The e-mail address");
        errors.ThrowIfAny();
        var viewer = await store.FindUserIdByEmailAsync(normalizer.NormalizeEmail(address), cancellationToken)
            ?? throw new InputValidationException("email", "No account is registered with that e-mail address.");
        if (viewer == user.Id)
        {
            throw new InputValidationException("email", "That is your own account: you already own this pitch.");
        }
        return await store.AddViewerAsync(user.Id, sessionId, viewer, cancellationToken);
    }

    public Task<bool> RemoveAsync(Guid sessionId, Guid viewerId, CancellationToken cancellationToken) =>
        store.RemoveViewerAsync(user.Id, sessionId, viewerId, cancellationToken);
}
