using System.Security.Claims;
using System.Text.Encodings.Web;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AgenteFilms.Web.Features.Accounts;

/// <summary>
/// Personal API tokens as <c>Authorization: Bearer</c>. On the seed WebSocket path only (<c>/ws/</c>), where browsers
/// cannot set headers, <c>?access_token=</c> works too (DECISIONS §7). A challenge is 401 with
/// <c>WWW-Authenticate: Bearer</c>, never a redirect.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenStore tokens,
    UserManager<AppUser> users,
    IOptions<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }
        if (token.Length > 200 || await tokens.UseAsync(ApiTokenService.Hash(token), Context.RequestAborted) is not { } userId
            || await users.FindByIdAsync(userId.ToString()) is not { } user || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The API token is not valid.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(await PrincipalOfAsync(user), SchemeName));
    }

    /// <summary>
    /// Who the token acts as: the account's id, name and roles, read fresh on every request. Not Identity's claims
    /// factory, which also loads user claims and each role's claims (three more queries per API call) that nothing here uses.
    /// </summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(AppUser user)
    {
        var types = identity.Value.ClaimsIdentity;
        var claims = new ClaimsIdentity(SchemeName, types.UserNameClaimType, types.RoleClaimType);
        claims.AddClaim(new Claim(types.UserIdClaimType, user.Id.ToString()));
        claims.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? user.Email ?? ""));
        foreach (var role in await users.GetRolesAsync(user))
        {
            claims.AddClaim(new Claim(types.RoleClaimType, role));
        }
        return new ClaimsPrincipal(claims);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, SchemeName);
        return Task.CompletedTask;
    }

    /// <summary>True when the request carries a token this handler should judge.</summary>
    internal static bool HasToken(HttpRequest request) => TokenOf(request) is not null;

    private static string? TokenOf(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/health"))
        {
            // Probes are anonymous and must answer even when the database (where tokens live) does not.
            return null;
        }
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (request.Path.StartsWithSegments("/ws") && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return query;
        }
        return null;
    }
}
