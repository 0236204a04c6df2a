using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>Every API endpoint answers bad input with the right status and a ProblemDetails body, and saves nothing.</summary>
public abstract class BadInputTests<TDatabase>(AppFixture<TDatabase> fixture) : IClassFixture<AppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Unknown = "0197f0b4-0000-7000-8000-000000000000";
    private static readonly string TooLongConcept = new('x', 8_001);
    private static readonly string TooLongMessage = new('m', 16_001);

    public static TheoryData<string, string, string?, int, string?> Cases => new()
    {
        // method, path ({s} = an existing session, {r} = an existing run), body, status, field with an error
        { "POST", "/api/sessions", """{"title":"","concept":"A heist"}""", 400, "title" },
        { "POST", "/api/sessions", """{"title":"T","concept":"   "}""", 400, "concept" },
        { "POST", "/api/sessions", $$"""{"title":"T","concept":"{{TooLongConcept}}"}""", 400, "concept" },
        { "POST", "/api/sessions", $$"""{"title":"{{new string('t', 201)}}","concept":"c"}""", 400, "title" },
        { "POST", "/api/sessions", """{"title":"T","concept":"c","format":"opera"}""", 400, "format" },
        { "POST", "/api/sessions", """{"title":"T","concept":"c","budgetTier":"infinite"}""", 400, "budgetTier" },
        { "POST", "/api/sessions", """{"title":"T","concept":"c","modelProfile":"nope"}""", 400, "modelProfile" },
        { "POST", "/api/sessions", """{"title":"T","concept":"c","writersRoomIterations":0}""", 400, "writersRoomIterations" },
        { "POST", "/api/sessions", """{"title":"T","concept":"c","writersRoomIterations":11}""", 400, "writersRoomIterations" },
        { "POST", "/api/sessions", """{"title":5,"concept":"c"}""", 400, null },
        { "POST", "/api/sessions", """{"title":"T",""", 400, null },
        { "POST", "/api/sessions", "[]", 400, null },
        { "GET", "/api/sessions/not-a-guid", null, 400, null },
        { "GET", $"/api/sessions/{Unknown}", null, 404, null },
        { "DELETE", $"/api/sessions/{Unknown}", null, 404, null },
        { "DELETE", "/api/sessions/123", null, 400, null },
        { "POST", "/api/sessions/{s}/messages", """{"message":""}""", 400, "message" },
        { "POST", "/api/sessions/{s}/messages", """{"message":"  \n "}""", 400, "message" },
        { "POST", "/api/sessions/{s}/messages", $$"""{"message":"{{TooLongMessage}}"}""", 400, "message" },
        { "POST", "/api/sessions/{s}/messages", """{"message":["a"]}""", 400, null },
        { "POST", "/api/sessions/{s}/messages", """{"message":""", 400, null },
        { "POST", $"/api/sessions/{Unknown}/messages", """{"message":"hello"}""", 404, null },
        { "POST", "/api/sessions/zzz/messages", """{"message":"hello"}""", 400, null },
        { "GET", "/api/sessions/{s}/messages?before=not-a-cursor", null, 400, "before" },
        { "GET", "/api/sessions/{s}/messages?limit=0", null, 400, "limit" },
        { "GET", "/api/sessions/{s}/messages?limit=abc", null, 400, null },
        { "GET", $"/api/sessions/{Unknown}/messages", null, 404, null },
        { "GET", $"/api/sessions/{{s}}/runs/{Unknown}", null, 404, null },
        { "GET", "/api/sessions/{s}/runs/not-a-guid", null, 400, null },
        { "POST", $"/api/sessions/{{s}}/runs/{Unknown}/cancel", null, 404, null },
        { "POST", $"/api/sessions/{{s}}/runs/{Unknown}/resume", null, 404, null },
        { "POST", "/api/sessions/{s}/regenerate", """{"section":"no_such_section"}""", 400, "section" },
        { "GET", $"/api/sessions/{Unknown}/state", null, 404, null },
        { "GET", $"/api/sessions/{Unknown}/events", null, 404, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnswersProblemDetails_AndSavesNothing(string method, string path, string? body, int status, string? field)
    {
        using var client = fixture.Require().App.CreateClient();
        var created = await client.PostAsJsonAsync("/api/sessions", new { title = "Existing", concept = "A lighthouse keeper on Mars" }, Ct);
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var before = await CountRowsAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{s}", session));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
        }
        Assert.Equal(before, await CountRowsAsync());
    }

    private async Task<(int, int, int, int)> CountRowsAsync()
    {
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        return (await db.Sessions.CountAsync(Ct), await db.Questions.CountAsync(Ct), await db.AgentRuns.CountAsync(Ct), await db.SessionStates.CountAsync(Ct));
    }
}

public sealed class SqliteBadInputTests(AppFixture<SqliteTestDatabase> fixture) : BadInputTests<SqliteTestDatabase>(fixture);

public sealed class PostgresBadInputTests(AppFixture<PostgresTestDatabase> fixture) : BadInputTests<PostgresTestDatabase>(fixture);
