using AgenteFilms.Web.Features.Sharing;

namespace AgenteFilms.Web.Endpoints;

/// <summary>Marks a read under <c>/api/sessions/{id}</c> that only the owner may make (share links, viewers).</summary>
public sealed class OwnerOnlyAttribute : Attribute;

/// <summary>
/// One gate for everything under <c>/api/sessions/{id}</c>: a session the caller may not see is 404 (no existence
/// leak); a viewer may read (GET) and is refused with 403 anything else. The services behind check again: writes only
/// ever act on the caller's own sessions.
/// </summary>
internal sealed class SessionAccessFilter(PitchAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        if (!pattern.StartsWith("/api/sessions/{id}", StringComparison.OrdinalIgnoreCase)
            || !Guid.TryParse(http.Request.RouteValues["id"] as string, out var sessionId))
        {
            return await next(context);
        }
        var found = await access.GetAsync(sessionId, http.RequestAborted);
        if (found is null)
        {
            return ApiProblems.SessionNotFound();
        }
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (!found.IsOwner && (!read || http.GetEndpoint()?.Metadata.GetMetadata<OwnerOnlyAttribute>() is not null))
        {
            return ApiProblems.ViewerCannotChange();
        }
        return await next(context);
    }
}
