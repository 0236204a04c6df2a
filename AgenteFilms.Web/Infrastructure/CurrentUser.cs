using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>The acting user: the signed-in account of this request or circuit.</summary>
public interface ICurrentUser
{
    /// <summary>The account's id. Throws when nobody is signed in: services are only reachable by authenticated callers.</summary>
    Guid Id { get; }

    /// <summary>Whether the user may create pitches (a Producer may not, unless <c>Auth:ProducersCanCreatePitches</c>).</summary>
    bool CanCreatePitches => true;
}

/// <summary>
/// Scoped: an HTTP request reads its authenticated principal from HttpContext (cookie or Bearer); an interactive circuit,
/// where HttpContext is not available, reads Blazor's server authentication state. The background runner never
/// resolves this: a run acts for its session's owner, whose id is on the rows it works on.
/// </summary>
internal sealed class PrincipalCurrentUser(
    IHttpContextAccessor http, IServiceProvider services, IOptions<Features.Accounts.AuthOptions> options) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public Guid Id => IdOf(Principal);

    public bool CanCreatePitches => options.Value.ProducersCanCreatePitches || !Principal.IsInRole(AgenteFilms.Data.Entities.AppRoles.Producer);

    private ClaimsPrincipal Principal => _principal ??= Resolve();

    private ClaimsPrincipal Resolve()
    {
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } principal)
        {
            return principal;
        }
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                var state = provider.GetAuthenticationStateAsync();
                // Server authentication state is set when the circuit starts, so the task is already complete.
                if (state.IsCompletedSuccessfully && state.Result.User is { Identity.IsAuthenticated: true } user)
                {
                    return user;
                }
            }
            catch (InvalidOperationException)
            {
                // Not a circuit (the provider was never given a state).
            }
        }
        throw new UnauthorizedAccessException("Nobody is signed in.");
    }

    internal static Guid IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new UnauthorizedAccessException("The signed-in principal has no user id.");
}
