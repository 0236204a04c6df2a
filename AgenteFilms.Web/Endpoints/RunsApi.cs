using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Endpoints;

/// <summary>Messages, runs, live events and state of a session.</summary>
public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var session = api.MapGroup("/sessions/{id}").WithTags("Runs");
        session.MapPost("/messages", SendMessageAsync)
            .WithSummary("Send a message: starts the pitch workflow (first message) or a showrunner chat turn. 202 with the run's location; ?wait=true answers when it ends.");
        session.MapGet("/messages", GetMessagesAsync).WithSummary("The conversation, newest page first; pass nextCursor as ?before= for older pages");
        session.MapPost("/runs", StartRunAsync).WithSummary("Start the full pitch workflow from the session's brief");
        session.MapGet("/runs", ListRunsAsync).WithSummary("The session's runs, newest first");
        session.MapGet("/runs/{runId}", GetRunAsync).WithName("GetRun").WithSummary("A run with its agent steps");
        session.MapPost("/runs/{runId}/cancel", CancelAsync).WithSummary("Cancel a queued or running run; completed steps stay saved");
        session.MapPost("/runs/{runId}/resume", ResumeAsync).WithSummary("Resume an interrupted, failed or cancelled run from its first unfinished step");
        session.MapPost("/regenerate", RegenerateAsync).WithSummary("Regenerate one pitch section with an optional note");
        session.MapGet("/state", GetStateAsync).WithSummary("The latest version of every state key");
        session.MapGet("/events", StreamEventsAsync).WithSummary("Server-sent events of the session's runs (Last-Event-ID resumes without gaps)");
        return api;
    }

    private static async Task<Results<Accepted<RunDto>, Ok<MessageResultDto>, ProblemHttpResult>> SendMessageAsync(
        Guid id, MessageRequest request, bool? wait, HttpRequest http, RunService runs, CancellationToken cancellationToken)
    {
        var key = request.IdempotencyKey ?? (http.Headers.TryGetValue("Idempotency-Key", out var header) ? header.ToString() : null);
        var result = await runs.SendMessageAsync(id, request.Message, key, cancellationToken);
        if (result is null)
        {
            return ApiProblems.SessionNotFound();
        }
        if (wait != true)
        {
            return TypedResults.Accepted($"/api/sessions/{id}/runs/{result.Run.Id}", RunDto.From(result.Run));
        }
        var finished = await runs.WaitAsync(id, result.Run.Id, cancellationToken);
        return TypedResults.Ok(await MessageResultAsync(finished, runs, cancellationToken));
    }

    /// <summary>The seed's answer shape: the final text and one thought per agent step, in order.</summary>
    internal static async Task<MessageResultDto> MessageResultAsync(AgentRun run, RunService runs, CancellationToken cancellationToken)
    {
        var answers = await runs.GetAnswersAsync(run.Id, cancellationToken);
        var byStep = answers.Where(a => a.StepId is not null).ToDictionary(a => a.StepId!.Value);
        var thoughts = run.Steps.OrderBy(s => s.StartedAt).Select(s => new ThoughtDto(
            s.Agent,
            byStep.TryGetValue(s.Id, out var answer) ? answer.Content : s.Error ?? "",
            s.Status switch
            {
                StepStatus.Completed => "completed",
                StepStatus.Running => "starting",
                StepStatus.Cancelled => "cancelled",
                _ => "error",
            })).ToList();
        // The showrunner's reply is the answer to a chat turn; otherwise the last agent's text (the pitch writer's).
        var response = run.Workflow == RunArguments.Chat
            ? answers.FirstOrDefault(a => a.Agent == Agents.Orchestration.AgentNames.Greeter)?.Content ?? answers.LastOrDefault()?.Content
            : answers.LastOrDefault()?.Content;
        return new MessageResultDto(run.SessionId, run.Id, run.Status.ToString(), response ?? "", thoughts, run.Error);
    }

    private static async Task<Results<Ok<HistoryPageDto>, ProblemHttpResult>> GetMessagesAsync(
        Guid id, string? before, int? limit, SessionService sessions, ConversationService conversation, CancellationToken cancellationToken)
    {
        if (!HistoryCursorCodec.TryDecode(before, out var cursor))
        {
            throw new InputValidationException("before", "The cursor is not valid: pass a nextCursor value from an earlier page.");
        }
        if (limit is < 1 or > 200)
        {
            throw new InputValidationException("limit", "The limit must be between 1 and 200.");
        }
        if (await sessions.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.SessionNotFound();
        }
        var page = await conversation.GetPageAsync(id, cursor, limit ?? 50, cancellationToken);
        return TypedResults.Ok(new HistoryPageDto(
            page.Items.Select(HistoryItemDto.From).ToList(),
            page.Next is { } next ? HistoryCursorCodec.Encode(next) : null));
    }

    private static async Task<Results<Accepted<RunDto>, ProblemHttpResult>> StartRunAsync(
        Guid id, StartRunRequest? request, RunService runs, CancellationToken cancellationToken) =>
        await runs.StartPitchAsync(id, request?.IdempotencyKey, cancellationToken) is { } result
            ? TypedResults.Accepted($"/api/sessions/{id}/runs/{result.Run.Id}", RunDto.From(result.Run))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<Ok<RunDto[]>, ProblemHttpResult>> ListRunsAsync(
        Guid id, SessionService sessions, RunService runs, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.SessionNotFound();
        }
        var list = await runs.ListAsync(id, cancellationToken);
        return TypedResults.Ok(list.Select(RunDto.From).ToArray());
    }

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> GetRunAsync(
        Guid id, Guid runId, RunService runs, CancellationToken cancellationToken) =>
        await runs.GetAsync(id, runId, cancellationToken) is { } run
            ? TypedResults.Ok(RunDto.From(run))
            : ApiProblems.RunNotFound();

    private static async Task<Results<Accepted<RunDto>, ProblemHttpResult>> CancelAsync(
        Guid id, Guid runId, RunService runs, CancellationToken cancellationToken) =>
        await runs.CancelAsync(id, runId, cancellationToken) is { } run
            ? TypedResults.Accepted($"/api/sessions/{id}/runs/{runId}", RunDto.From(run))
            : ApiProblems.RunNotFound();

    private static async Task<Results<Accepted<RunDto>, ProblemHttpResult>> ResumeAsync(
        Guid id, Guid runId, RunService runs, CancellationToken cancellationToken) =>
        await runs.ResumeAsync(id, runId, cancellationToken) is { } run
            ? TypedResults.Accepted($"/api/sessions/{id}/runs/{runId}", RunDto.From(run))
            : ApiProblems.RunNotFound();

    private static async Task<Results<Accepted<RunDto>, ProblemHttpResult>> RegenerateAsync(
        Guid id, RegenerateRequest request, RunService runs, CancellationToken cancellationToken) =>
        await runs.RegenerateAsync(id, request.Section ?? "", request.Note, cancellationToken) is { } result
            ? TypedResults.Accepted($"/api/sessions/{id}/runs/{result.Run.Id}", RunDto.From(result.Run))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<Ok<Dictionary<string, StateValueDto>>, ProblemHttpResult>> GetStateAsync(
        Guid id, SessionService sessions, StateStore state, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.SessionNotFound();
        }
        var latest = await state.GetLatestAsync(id, cancellationToken);
        return TypedResults.Ok(latest.ToDictionary(kv => kv.Key, kv =>
        {
            using var value = JsonDocument.Parse(kv.Value.ValueJson);
            return new StateValueDto(kv.Value.Version, value.RootElement.Clone(), kv.Value.CreatedAt);
        }));
    }

    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> StreamEventsAsync(
        Guid id, HttpRequest http, SessionService sessions, RunService runs, RunEventHub hub, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.SessionNotFound();
        }
        long? after = long.TryParse(http.Headers["Last-Event-ID"], out var last) ? last : null;
        return TypedResults.ServerSentEvents(StreamAsync(id, after, hub, runs, json.Value.SerializerOptions, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        Guid sessionId, long? after, RunEventHub hub, RunService runs, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(sessionId, after);
        if (subscription.NeedsPersistedReplay && (await runs.ListAsync(sessionId, cancellationToken)).FirstOrDefault() is { } latest
            && await runs.GetAsync(sessionId, latest.Id, cancellationToken) is { } run)
        {
            // What this process never saw (a restart, or nothing buffered yet): the persisted state of the latest run.
            yield return new SseItem<string>(JsonSerializer.Serialize(RunDto.From(run), json), "run_snapshot");
        }
        foreach (var evt in subscription.Replay)
        {
            yield return Item(evt, json);
        }
        await foreach (var evt in subscription.Live.ReadAllAsync(cancellationToken))
        {
            yield return Item(evt, json);
        }
    }

    private static SseItem<string> Item(SessionEvent evt, JsonSerializerOptions json) =>
        new(JsonSerializer.Serialize(evt.Data, evt.Data.GetType(), json), evt.Type)
        {
            EventId = evt.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
}
