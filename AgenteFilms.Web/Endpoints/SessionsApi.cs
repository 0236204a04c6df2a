using AgenteFilms.Web.Features.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgenteFilms.Web.Endpoints;

public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapPost("/", CreateAsync).WithSummary("Create a pitch session from a brief");
        sessions.MapGet("/", ListAsync).WithSummary("List my pitch sessions, most recently updated first (?archived=true: the archived ones)");
        sessions.MapGet("/{id}", GetAsync).WithName("GetSession").WithSummary("Get one session");
        sessions.MapPatch("/{id}", UpdateAsync).WithSummary("Rename and/or archive (unarchive) a session");
        sessions.MapPost("/{id}/duplicate", DuplicateAsync).WithSummary("A new session from this one's latest pitch version and brief");
        sessions.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a session and everything it owns (a running run is cancelled first)");
        return api;
    }

    private static async Task<Created<SessionDto>> CreateAsync(NewPitch request, SessionService sessions, CancellationToken cancellationToken)
    {
        var session = await sessions.CreatePitchAsync(request, cancellationToken);
        return TypedResults.Created($"/api/sessions/{session.Id}", SessionDto.From(session));
    }

    private static async Task<Ok<SessionDto[]>> ListAsync(SessionService sessions, CancellationToken cancellationToken, bool archived = false)
    {
        var list = await sessions.ListAsync(cancellationToken, archived);
        return TypedResults.Ok(list.Select(SessionDto.From).ToArray());
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> GetAsync(
        Guid id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.GetAsync(id, cancellationToken) is { } session
            ? TypedResults.Ok(SessionDto.From(session))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, SessionPatch request, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.UpdateAsync(id, request, cancellationToken) is { } session
            ? TypedResults.Ok(SessionDto.From(session))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<Created<SessionDto>, ProblemHttpResult>> DuplicateAsync(
        Guid id, SessionService sessions, CancellationToken cancellationToken, DuplicateRequest? request = null) =>
        await sessions.DuplicateAsync(id, request?.Title, cancellationToken) is { } copy
            ? TypedResults.Created($"/api/sessions/{copy.Id}", SessionDto.From(copy))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.SessionNotFound();
}
