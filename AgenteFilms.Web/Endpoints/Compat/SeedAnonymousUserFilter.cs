using System.Security.Claims;
using AgenteFilms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Endpoints.Compat;

/// <summary>
/// With <c>Compat:AllowAnonymous</c>, a seed call without a token acts as the account of <c>Compat:UserEmail</c>
/// (DECISIONS §7): the original client never sends one. A call with a valid token still acts as that token's account.
/// Without a configured, existing account the call is refused: anonymous never means "nobody's".
/// </summary>
internal sealed class SeedAnonymousUserFilter(IOptions<CompatOptions> options, UserManager<AppUser> users) : IEndpointFilter
{
    private const string AuthenticationType = "SeedAnonymous";

    public const string NoAccount = "Compat:AllowAnonymous needs Compat:UserEmail to name a registered account; send an API token instead.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await ActAsConfiguredUserAsync(context.HttpContext, options.Value, users)
            ? await next(context)
            : SeedError.Result(StatusCodes.Status401Unauthorized, NoAccount);

    /// <summary>Signs an anonymous request in as the configured account; false when there is none to act as.</summary>
    public static async Task<bool> ActAsConfiguredUserAsync(HttpContext http, CompatOptions options, UserManager<AppUser> users)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }
        var email = options.UserEmail;
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            return false;
        }
        http.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Email, email!)], AuthenticationType));
        return true;
    }
}
