using System.Security.Cryptography;
using System.Text;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// The acting user's personal API tokens: 256 random bits, shown once at creation; only the SHA-256 hash is stored,
/// with a short prefix so the owner can tell tokens apart.
/// </summary>
public sealed class ApiTokenService(ApiTokenStore store, ICurrentUser user)
{
    public const int MaxNameLength = 100;
    public const string TokenPrefix = "af_";

    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(user.Id, cancellationToken);

    /// <summary>Creates a token; <see cref="CreatedApiToken.Token"/> is the only time its value is visible.</summary>
    public async Task<CreatedApiToken> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var label = errors.Required("name", name, MaxNameLength, "The token name");
        errors.ThrowIfAny();
        var token = NewToken();
        var saved = await store.AddAsync(user.Id, label, PrefixOf(token), Hash(token), cancellationToken);
        return new CreatedApiToken(saved, token);
    }

    public Task<bool> RevokeAsync(Guid tokenId, CancellationToken cancellationToken) => store.RevokeAsync(user.Id, tokenId, cancellationToken);

    internal static string NewToken() => TokenPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    internal static string PrefixOf(string token) => token.Length <= 10 ? token : token[..10];

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>A new token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiToken Saved, string Token);
