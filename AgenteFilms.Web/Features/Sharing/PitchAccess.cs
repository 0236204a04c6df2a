using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Sharing;

/// <summary>
/// What the acting user is to a pitch: owner, viewer (shared with them), or nothing (then it does not exist for them).
/// Read paths read as the owner once this allows it; write paths never come through here and keep checking the owner.
/// </summary>
public sealed class PitchAccess(SessionAccessStore store, ICurrentUser user)
{
    public Task<SessionAccess?> GetAsync(Guid sessionId, CancellationToken cancellationToken) =>
        store.GetAsync(user.Id, sessionId, cancellationToken);

    /// <summary>The owner's id when the user may read the session (owner or viewer), else null.</summary>
    public async Task<Guid?> OwnerForReadAsync(Guid sessionId, CancellationToken cancellationToken) =>
        (await store.GetAsync(user.Id, sessionId, cancellationToken))?.OwnerId;
}
