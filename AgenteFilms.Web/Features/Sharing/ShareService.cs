using System.Security.Cryptography;
using System.Text;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Sharing;

/// <summary>
/// Read-only links for producers. The token is 256 random bits, shown once at creation; only its SHA-256 hash is
/// stored, so a database leak reveals no usable link.
/// </summary>
public sealed class ShareService(ShareLinkStore links, PitchStore pitches, SessionAccessStore access, ICurrentUser user, TimeProvider time)
{
    public const int MaxExpiryDays = 365;

    /// <summary>Creates a link; null when the session is not the user's.</summary>
    public async Task<CreatedShareLink?> CreateAsync(Guid sessionId, int? expiresInDays, CancellationToken cancellationToken)
    {
        if (expiresInDays is < 1 or > MaxExpiryDays)
        {
            throw new InputValidationException("expiresInDays", $"A link can expire after 1 to {MaxExpiryDays} days, or never.");
        }
        var token = Base64UrlToken();
        var expiresAt = expiresInDays is { } days ? time.GetUtcNow().UtcDateTime.AddDays(days) : (DateTime?)null;
        var link = await links.CreateAsync(user.Id, sessionId, Hash(token), expiresAt, cancellationToken);
        return link is null ? null : new CreatedShareLink(link, token, $"/share/{token}");
    }

    public Task<IReadOnlyList<ShareLink>> ListAsync(Guid sessionId, CancellationToken cancellationToken) =>
        links.ListAsync(user.Id, sessionId, cancellationToken);

    public Task<bool> RevokeAsync(Guid sessionId, Guid linkId, CancellationToken cancellationToken) =>
        links.RevokeAsync(user.Id, sessionId, linkId, cancellationToken);

    /// <summary>What a token opens (anonymous): the latest pitch, or why not.</summary>
    public async Task<SharedPitch> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return SharedPitch.Unavailable(ShareStatus.Unknown);
        }
        var found = await links.FindAsync(Hash(token), cancellationToken);
        if (found is not { } match)
        {
            return SharedPitch.Unavailable(ShareStatus.Unknown);
        }
        if (match.Link.RevokedAt is not null)
        {
            return SharedPitch.Unavailable(ShareStatus.Revoked);
        }
        if (match.Link.ExpiresAt is { } expiry && expiry <= time.GetUtcNow().UtcDateTime)
        {
            return SharedPitch.Unavailable(ShareStatus.Expired, expiry);
        }
        // The owner's id is not needed: the link itself is the grant, to this session only.
        var version = await pitches.GetLatestForShareAsync(match.Link.SessionId, cancellationToken);
        if (version is null)
        {
            return new SharedPitch(ShareStatus.Valid, match.Title, null, null, match.Link.ExpiresAt);
        }
        var author = await access.GetOwnerNameAsync(match.Link.SessionId, cancellationToken) ?? PitchAttribution.UnknownAuthor;
        return new SharedPitch(ShareStatus.Valid, match.Title, Pitch.StoredPitch.Parse(version.DocumentJson), version.Number, match.Link.ExpiresAt)
        {
            Attribution = new PitchAttribution(author, version.Number, version.CreatedAt),
        };
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

public enum ShareStatus
{
    Valid,
    Unknown,
    Revoked,
    Expired,
}

/// <summary>A new link: <see cref="Token"/> is shown to the writer once and never stored.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token, string Path);

/// <summary>What a share link shows. <see cref="Pitch"/> is null when the link is not valid or nothing is written yet.</summary>
public sealed record SharedPitch(ShareStatus Status, string Title, PitchDocument? Pitch, int? Version, DateTime? ExpiresAt)
{
    /// <summary>What the confidentiality notice states for the shared version; set whenever <see cref="Pitch"/> is.</summary>
    public PitchAttribution? Attribution { get; init; }

    public static SharedPitch Unavailable(ShareStatus status, DateTime? expiredAt = null) => new(status, "", null, null, expiredAt);
}
