using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What pages and endpoints do with sessions, for the acting user.</summary>
public sealed class SessionService(SessionStore store, ICurrentUser user)
{
    public const int MaxTitleLength = 200;

    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken) =>
        store.ListAsync(user.Id, cancellationToken);

    public Task<Session?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        store.GetAsync(user.Id, id, cancellationToken);

    /// <summary>Creates a session from a title. Throws <see cref="InputValidationException"/> and saves nothing when the title is invalid.</summary>
    public Task<Session> CreateAsync(string? title, CancellationToken cancellationToken)
    {
        var trimmed = ValidateTitle(title);
        return store.CreateAsync(user.Id, new NewSession(trimmed), cancellationToken);
    }

    internal static string ValidateTitle(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new InputValidationException("title", "Give your pitch a title.");
        }
        if (trimmed.Length > MaxTitleLength)
        {
            throw new InputValidationException("title", $"The title can be at most {MaxTitleLength} characters.");
        }
        return trimmed;
    }
}
