using Microsoft.AspNetCore.Http.HttpResults;

namespace AgenteFilms.Web.Endpoints;

/// <summary>ProblemDetails answers shared by the endpoints (application/problem+json).</summary>
public static class ApiProblems
{
    /// <summary>404 for a session that does not exist or is not the caller's (no existence leak).</summary>
    public static ProblemHttpResult SessionNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No pitch session with that id.");

    /// <summary>403 for a viewer of a shared pitch attempting what only its owner may do.</summary>
    public static ProblemHttpResult ViewerCannotChange() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.",
            detail: "This pitch was shared with you to read; only its owner can change it.");

    public static ProblemHttpResult RunNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No run with that id in this session.");
}
