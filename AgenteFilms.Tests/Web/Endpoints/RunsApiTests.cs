using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Tests.Web.Endpoints;

public class RunsAppFixture<TDatabase> : AppFixture<TDatabase>
    where TDatabase : TestDatabase, new()
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => RunApiClient.SlowModelSettings();
}

/// <summary>Runs through the REST API on the real runner, the offline model and a real database.</summary>
public abstract class RunsApiTests<TDatabase>(RunsAppFixture<TDatabase> fixture) : IClassFixture<RunsAppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => fixture.Require().App.CreateClient();

    [Fact]
    public async Task MessageWithWait_AnswersWithTheAgentsSteps_AndPersistsEveryStepInOrder()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Red Tide", "A marine biologist discovers the algae bloom killing her town is engineered");

        var response = await client.PostMessageAsync(session, "Make it a pitch", wait: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Completed", result.GetProperty("status").GetString());
        Assert.Equal(session, result.GetProperty("sessionId").GetGuid());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("response").GetString()));
        var thoughts = result.GetProperty("thoughts").EnumerateArray().ToList();
        var agents = thoughts.Select(t => t.GetProperty("agent").GetString()).ToList();
        Assert.All(thoughts, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.Equal("researcher", agents[0]);
        Assert.Equal("pitch_writer", agents[^1]);
        Assert.Contains("critic", agents);
        Assert.Contains("box_office", agents);
        Assert.Contains("casting_director", agents);

        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        var runId = result.GetProperty("runId").GetGuid();
        var answers = await db.Answers.Where(a => a.RunId == runId).ToListAsync(Ct);
        var steps = await db.AgentSteps.Where(s => s.RunId == runId).ToListAsync(Ct);
        Assert.Equal(thoughts.Count, answers.Count);
        Assert.Equal(thoughts.Count, steps.Count);
        Assert.All(steps, s => Assert.True(s.OutputTokens > 0, $"{s.StepKey} has no usage"));
        Assert.True(await db.PitchVersions.AnyAsync(p => p.SessionId == session, Ct));
        var question = await db.Questions.SingleAsync(q => q.SessionId == session, Ct);
        Assert.True(answers.All(a => a.CreatedAt >= question.CreatedAt), "the question is saved before any answer");

        var history = await client.GetJsonAsync($"/api/sessions/{session}/messages?limit=200");
        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("writer", items[0].GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("agent").ValueKind);
        Assert.Equal(thoughts.Count + 1, items.Count);
        var state = await client.GetJsonAsync($"/api/sessions/{session}/state");
        Assert.True(state.TryGetProperty("pitch", out _));
    }

    [Fact]
    public async Task WritersRoomIterationsChosenForThePitch_AreStoredWithIt_AndBoundItsRun()
    {
        using var client = Client();
        var created = await client.PostAsJsonAsync("/api/sessions",
            new { title = "One Pass", concept = "A night-shift radio host takes a call from her own future", genre = "thriller", writersRoomIterations = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, body.GetProperty("brief").GetProperty("writersRoomIterations").GetInt32());
        var session = body.GetProperty("id").GetGuid();

        var response = await client.PostMessageAsync(session, "Pitch it", wait: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("runId").GetGuid();
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        var run = await db.AgentRuns.SingleAsync(r => r.Id == runId, Ct);
        Assert.Equal(1, AgenteFilms.Web.Features.Runs.RunArguments.FromJson(run.ArgumentsJson).Iterations);
        var keys = await db.AgentSteps.Where(s => s.RunId == runId).Select(s => s.StepKey).ToListAsync(Ct);
        // The offline critic approves only at iteration 2, so one iteration means the loop stopped at its bound.
        Assert.Contains("writers_room/1/critic", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("writers_room/2/", StringComparison.Ordinal));
        Assert.Contains("pitch_writer", keys);
    }

    [Fact]
    public async Task ChatAfterThePitch_GoesToTheShowrunner_WhoseRevisionRunsAsStepsOfTheSameRun()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Second Act", "A retired stuntwoman is hired to double for her estranged daughter");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(session, "Pitch it", wait: true)).StatusCode);
        var firstVersion = await client.GetJsonAsync($"/api/sessions/{session}/pitch");

        var response = await client.PostMessageAsync(session, "Please revise the casting ideas with younger, less obvious actors", wait: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Completed", result.GetProperty("status").GetString());
        var agents = result.GetProperty("thoughts").EnumerateArray().Select(t => t.GetProperty("agent").GetString()).ToList();
        Assert.Equal("greeter", agents[0]);
        Assert.Contains("casting_director", agents);
        Assert.Equal("pitch_writer", agents[^1]);
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("response").GetString()));
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(2, await db.AgentRuns.CountAsync(r => r.SessionId == session, Ct));
        var latest = await client.GetJsonAsync($"/api/sessions/{session}/pitch");
        Assert.Equal(firstVersion.GetProperty("version").GetInt32() + 1, latest.GetProperty("version").GetInt32());
        var markdown = await client.GetStringAsync($"/api/sessions/{session}/pitch?format=markdown", Ct);
        Assert.Contains(latest.GetProperty("document").GetProperty("title").GetString()!, markdown);
    }

    [Fact]
    public async Task ThePitch_DownloadsAsDeckAndDocumentPdf_FountainAndMarkdown_WithSluggedFileNames()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Exports", "A ferry captain smuggles refugees' letters across a frozen strait");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(session, "Pitch it", wait: true)).StatusCode);
        var title = (await client.GetJsonAsync($"/api/sessions/{session}/pitch")).GetProperty("document").GetProperty("title").GetString()!;

        foreach (var (path, contentType, extension) in new[]
        {
            ("pitch.pdf", "application/pdf", ".pdf"),
            ("pitch.pdf?layout=document&version=1", "application/pdf", "-document.pdf"),
            ("pitch.fountain", "text/plain", ".fountain"),
            ("pitch.md", "text/markdown", ".md"),
        })
        {
            var response = await client.GetAsync($"/api/sessions/{session}/{path}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
            Assert.EndsWith(extension, fileName);
            Assert.Matches("^[a-z0-9-]+[.][a-z]+$", fileName);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            if (contentType == "application/pdf")
            {
                Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
            }
            else
            {
                Assert.Contains(title, System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/sessions/{session}/pitch.pdf?layout=poster", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sessions/{session}/pitch.pdf?version=99", Ct)).StatusCode);
    }

    [Fact]
    public async Task RepeatedSubmit_WithTheSameIdempotencyKey_CreatesOneRun()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Twice", "A courier delivers the same letter every day to a house that burned down", "slow");

        var first = await client.PostMessageAsync(session, "Go", idempotencyKey: "submit-1");
        var second = await client.PostMessageAsync(session, "Go", idempotencyKey: "submit-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await client.PollRunAsync(first.Headers.Location!, r => r.Status() == "Completed");
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AgentRuns.CountAsync(r => r.SessionId == session, Ct));
        Assert.Equal(1, await db.Questions.CountAsync(q => q.SessionId == session, Ct));
    }

    [Fact]
    public async Task ASecondRun_WhileOneIsActive_IsAConflict()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Busy", "Two rival magicians share one haunted theatre", "slow");
        var first = await client.PostMessageAsync(session, "Go");

        var second = await client.PostMessageAsync(session, "And again");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("already has a run", problem.GetProperty("detail").GetString());
        await client.PollRunAsync(first.Headers.Location!, r => r.Status() == "Completed");
    }

    [Fact]
    public async Task Cancel_StopsTheRun_AndKeepsItsCompletedSteps()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Stop", "A chess prodigy plays against her own future self", "slow");
        var started = await client.PostMessageAsync(session, "Go");
        await client.PollRunAsync(started.Headers.Location!, r => r.CompletedSteps() >= 2);

        var cancel = await client.PostAsync($"{started.Headers.Location}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var run = await client.PollRunAsync(started.Headers.Location!, r => r.Status() is "Cancelled" or "Completed");
        Assert.Equal("Cancelled", run.Status());
        var completed = run.CompletedSteps();
        Assert.True(completed >= 2);
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        var runId = run.GetProperty("id").GetGuid();
        Assert.Equal(completed, await db.Answers.CountAsync(a => a.RunId == runId, Ct));
        Assert.DoesNotContain(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("status").GetString() == "Running");

        // Resume continues from the first unfinished step: nothing completed runs twice.
        var resume = await client.PostAsync($"{started.Headers.Location}/resume", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var resumed = await client.PollRunAsync(started.Headers.Location!, r => r.Status() == "Completed");
        var keys = resumed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepKey").GetString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(resumed.CompletedSteps(), await db.Answers.CountAsync(a => a.RunId == runId, Ct));
    }
}

public sealed class SqliteRunsApiTests(RunsAppFixture<SqliteTestDatabase> fixture) : RunsApiTests<SqliteTestDatabase>(fixture);

public sealed class PostgresRunsApiTests(RunsAppFixture<PostgresTestDatabase> fixture) : RunsApiTests<PostgresTestDatabase>(fixture);
