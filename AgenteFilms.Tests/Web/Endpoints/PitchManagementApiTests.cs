using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>Rename, archive, duplicate and delete through the REST API, on the real runner and a real database.</summary>
public abstract class PitchManagementApiTests<TDatabase>(RunsAppFixture<TDatabase> fixture) : IClassFixture<RunsAppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => fixture.Require().App.CreateClient();

    [Fact]
    public async Task Delete_RemovesEveryRowOfThePitch_AndNothingOfAnother()
    {
        using var client = Client();
        var doomed = await client.CreateSessionAsync("Salt Archive", "A museum night guard finds the archive rewrites itself every night");
        var kept = await client.CreateSessionAsync("Kept", "A lighthouse keeper counts ships that do not exist");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(doomed, "Pitch it", wait: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(kept, "Pitch it", wait: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/sessions/{doomed}/share-links", new { }, Ct)).StatusCode);
        var before = await CountRowsAsync(doomed);
        Assert.All(before, table => Assert.True(table.Value > 0, $"{table.Key} has no row before the delete"));
        var keptBefore = await CountRowsAsync(kept);

        var response = await client.DeleteAsync($"/api/sessions/{doomed}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.All(await CountRowsAsync(doomed), table => Assert.True(table.Value == 0, $"{table.Key} still has {table.Value} rows"));
        Assert.Equal(keptBefore, await CountRowsAsync(kept));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sessions/{doomed}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/sessions/{doomed}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Delete_WithARunInFlight_CancelsItFirst_AndTheWorkerLeavesNoRowBehind()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Mid Flight", "A cartographer maps a city that moves its streets at dawn", modelProfile: "slow");
        var started = await client.PostMessageAsync(session, "Pitch it");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await client.PollRunAsync(started.Headers.Location!, r => r.Status() == "Running" && r.CompletedSteps() >= 1);
        var runId = run.GetProperty("id").GetGuid();

        var response = await client.DeleteAsync($"/api/sessions/{session}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.All(await CountRowsAsync(session, runId), table => Assert.True(table.Value == 0, $"{table.Key} still has {table.Value} rows"));
        // The worker carries on with other work, and the cancelled run wrote nothing after its rows went.
        var next = await client.CreateSessionAsync("After", "A diver finds a door at the bottom of a quarry lake");
        var after = await client.PostMessageAsync(next, "Pitch it", wait: true);
        Assert.Equal("Completed", (await after.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.All(await CountRowsAsync(session, runId), table => Assert.True(table.Value == 0, $"{table.Key} has {table.Value} rows again"));
    }

    [Fact]
    public async Task Duplicate_StartsANewPitchFromTheLatestVersionAndBrief_AndLeavesTheOriginalUntouched()
    {
        using var client = Client();
        var original = await client.CreateSessionAsync("Glass Harvest", "Greenhouse workers discover the plants are listening");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(original, "Pitch it", wait: true)).StatusCode);
        var originalJson = await client.GetJsonAsync($"/api/sessions/{original}");
        var originalPitch = await client.GetJsonAsync($"/api/sessions/{original}/pitch");
        var originalRows = await CountRowsAsync(original);

        var response = await client.PostAsync($"/api/sessions/{original}/duplicate", null, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var copyId = copy.GetProperty("id").GetGuid();
        Assert.Equal($"/api/sessions/{copyId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Glass Harvest (copy)", copy.GetProperty("title").GetString());
        Assert.Equal(originalJson.GetProperty("brief").GetRawText(), copy.GetProperty("brief").GetRawText());
        var copyPitch = await client.GetJsonAsync($"/api/sessions/{copyId}/pitch");
        Assert.Equal(1, copyPitch.GetProperty("version").GetInt32());
        Assert.Equal(originalPitch.GetProperty("document").GetRawText(), copyPitch.GetProperty("document").GetRawText());
        var copyRows = await CountRowsAsync(copyId);
        Assert.Equal(0, copyRows["Questions"] + copyRows["Answers"] + copyRows["AgentRuns"] + copyRows["ShareLinks"]);
        Assert.Equal(1, copyRows["PitchVersions"]);

        // The original: same rows, same title, same latest pitch.
        Assert.Equal(originalRows, await CountRowsAsync(original));
        Assert.Equal(originalJson.GetRawText(), (await client.GetJsonAsync($"/api/sessions/{original}")).GetRawText());
        Assert.Equal(originalPitch.GetRawText(), (await client.GetJsonAsync($"/api/sessions/{original}/pitch")).GetRawText());

        var named = await client.PostAsJsonAsync($"/api/sessions/{original}/duplicate", new { title = "Glass Harvest, take two" }, Ct);
        Assert.Equal("Glass Harvest, take two", (await named.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Archive_MovesThePitchToTheArchivedList_AndUnarchiveBringsItBack()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Shelved", "A forger is hired to authenticate her own work");

        var archived = await client.PatchAsJsonAsync($"/api/sessions/{session}", new { archived = true }, Ct);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.True((await archived.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("archived").GetBoolean());
        Assert.DoesNotContain(session, Ids(await client.GetJsonAsync("/api/sessions")));
        Assert.Contains(session, Ids(await client.GetJsonAsync("/api/sessions?archived=true")));
        Assert.All((await client.GetJsonAsync("/api/sessions?archived=true")).EnumerateArray(), s => Assert.True(s.GetProperty("archived").GetBoolean()));

        var back = await client.PatchAsJsonAsync($"/api/sessions/{session}", new { archived = false }, Ct);

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains(session, Ids(await client.GetJsonAsync("/api/sessions")));
        Assert.DoesNotContain(session, Ids(await client.GetJsonAsync("/api/sessions?archived=true")));
    }

    [Theory]
    [InlineData("   ", "The title is required.")]
    [InlineData(null, "Give a new title, or archived: true or false.")]
    public async Task Rename_RefusesAnEmptyChange_WithAProblemPerField_AndSavesNothing(string? title, string message)
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Before", "A stenographer hears what the court does not record");
        object body = title is null ? new { } : new { title };

        var response = await client.PatchAsJsonAsync($"/api/sessions/{session}", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal("Before", (await client.GetJsonAsync($"/api/sessions/{session}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Rename_RefusesATooLongTitle_AndAcceptsAGoodOne()
    {
        using var client = Client();
        var session = await client.CreateSessionAsync("Before", "A stenographer hears what the court does not record");

        var tooLong = await client.PatchAsJsonAsync($"/api/sessions/{session}", new { title = new string('x', 201) }, Ct);
        var renamed = await client.PatchAsJsonAsync($"/api/sessions/{session}", new { title = "  The Silent Record  " }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 200", (await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("The Silent Record", (await client.GetJsonAsync($"/api/sessions/{session}")).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/sessions/{Guid.NewGuid()}", new { title = "x" }, Ct)).StatusCode);
    }

    private static List<Guid> Ids(JsonElement list) => list.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

    /// <summary>Rows of every table that belong to the session (steps through its runs, and through <paramref name="runId"/>).</summary>
    private async Task<Dictionary<string, int>> CountRowsAsync(Guid session, Guid? runId = null)
    {
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        return new Dictionary<string, int>
        {
            ["Sessions"] = await db.Sessions.CountAsync(s => s.Id == session, Ct),
            ["Questions"] = await db.Questions.CountAsync(q => q.SessionId == session, Ct),
            ["Answers"] = await db.Answers.CountAsync(a => a.SessionId == session, Ct),
            ["AgentRuns"] = await db.AgentRuns.CountAsync(r => r.SessionId == session, Ct),
            ["AgentSteps"] = await db.AgentSteps.CountAsync(s => db.AgentRuns.Any(r => r.Id == s.RunId && r.SessionId == session) || s.RunId == runId, Ct),
            ["SessionStates"] = await db.SessionStates.CountAsync(s => s.SessionId == session, Ct),
            ["PitchVersions"] = await db.PitchVersions.CountAsync(p => p.SessionId == session, Ct),
            ["ShareLinks"] = await db.ShareLinks.CountAsync(l => l.SessionId == session, Ct),
        };
    }
}

public sealed class SqlitePitchManagementApiTests(RunsAppFixture<SqliteTestDatabase> fixture) : PitchManagementApiTests<SqliteTestDatabase>(fixture);

public sealed class PostgresPitchManagementApiTests(RunsAppFixture<PostgresTestDatabase> fixture) : PitchManagementApiTests<PostgresTestDatabase>(fixture);
