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
/// Scoped: an interactive circuit (or a page being rendered) reads Blazor's authentication state, which in a circuit
/// is revalidated (a deleted or signed-out account becomes anonymous and is refused from then on); any other HTTP
/// request reads its authenticated principal from HttpContext (cookie or Bearer). The background runner never
/// resolves this: a run acts for its session's owner, whose id is on the rows it works on.
/// </summary>
internal sealed class PrincipalCurrentUser(
    IHttpContextAccessor http, IServiceProvider services, IOptions<Features.Accounts.AuthOptions> options) : ICurrentUser
{
    private ClaimsPrincipal? _requestPrincipal;

    public Guid Id => IdOf(Principal);

    public bool CanCreatePitches => options.Value.ProducersCanCreatePitches || !Principal.IsInRole(AgenteFilms.Data.Entities.AppRoles.Producer);

    private ClaimsPrincipal Principal => _requestPrincipal ?? Resolve();

    private ClaimsPrincipal Resolve()
    {
        // First the authentication state: in a circuit, HttpContext is the connection's request, signed in as the
        // account was when the page opened, whatever happened to the account since.
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                var state = provider.GetAuthenticationStateAsync();
                // Server authentication state is set when the circuit starts, so the task is already complete.
                if (state.IsCompletedSuccessfully)
                {
                    return state.Result.User is { Identity.IsAuthenticated: true } user
                        ? user
                        : throw new UnauthorizedAccessException("Nobody is signed in.");
                }
            }
            catch (InvalidOperationException)
            {
                // Not a circuit or a page render (the provider was never given a state).
            }
        }
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } principal)
        {
            return _requestPrincipal = principal;
        }
        throw new UnauthorizedAccessException("Nobody is signed in.");
    }

    internal static Guid IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new UnauthorizedAccessException("The signed-in principal has no user id.");
}
