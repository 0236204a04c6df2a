using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgenteFilms.Web.Endpoints;

/// <summary>ProblemDetails answers shared by the endpoints.</summary>
public static class ApiProblems
{
    /// <summary>404 for a session that does not exist or is not the caller's (no existence leak).</summary>
    public static NotFound<ProblemDetails> SessionNotFound() => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = "No pitch session with that id.",
    });

    public static NotFound<ProblemDetails> RunNotFound() => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = "No run with that id in this session.",
    });
}
