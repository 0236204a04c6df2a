using AgenteFilms.Web.Features.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgenteFilms.Web.Endpoints;

public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapPost("/", CreateAsync).WithSummary("Create a pitch session from a brief");
        sessions.MapGet("/", ListAsync).WithSummary("List my pitch sessions, most recently updated first");
        sessions.MapGet("/{id}", GetAsync).WithName("GetSession").WithSummary("Get one session");
        sessions.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a session and everything it owns");
        return api;
    }

    private static async Task<Created<SessionDto>> CreateAsync(NewPitch request, SessionService sessions, CancellationToken cancellationToken)
    {
        var session = await sessions.CreatePitchAsync(request, cancellationToken);
        return TypedResults.Created($"/api/sessions/{session.Id}", SessionDto.From(session));
    }

    private static async Task<Ok<SessionDto[]>> ListAsync(SessionService sessions, CancellationToken cancellationToken)
    {
        var list = await sessions.ListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(SessionDto.From).ToArray());
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> GetAsync(
        Guid id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.GetAsync(id, cancellationToken) is { } session
            ? TypedResults.Ok(SessionDto.From(session))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.SessionNotFound();
}
