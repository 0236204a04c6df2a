using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints.Compat;

/// <summary>
/// The seed's HTTP contract, over real HTTP with the offline model: exact status codes, snake_case member names and
/// JSON types, errors as <c>{"detail": ...}</c>.
/// </summary>
public sealed class SeedHttpContractTests(SeedAppFixture fixture) : IClassFixture<SeedAppFixture>
{
    // ISO 8601 in UTC with microseconds, as the seed's Pydantic wrote timestamps.
    private const string IsoUtc = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_AnswersTheSeedsBody_AndTheOperationsProbesStayAsTheyWere()
    {
        using var client = fixture.Client();

        var health = await client.GetAsync("/health", Ct);
        var live = await client.GetAsync("/health/live", Ct);
        var ready = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"healthy","service":"agente-films-api"}""", await health.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    public static TheoryData<string?, string?> EmptyCreateBodies => new()
    {
        { null, null },                                     // no body at all (the original React client)
        { "", "application/x-www-form-urlencoded" },        // what axios sends for post(url) outside a browser
        { "{}", "application/json" },
        { """{"session_metadata": null}""", "application/json" },
    };

    [Theory]
    [MemberData(nameof(EmptyCreateBodies))]
    public async Task CreateSession_WithoutMetadata_Is201_InTheSeedsShape(string? body, string? contentType)
    {
        using var client = fixture.Client();

        var response = await client.PostAsync("/sessions", body is null ? null : new StringContent(body, Encoding.UTF8, contentType!), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.JsonAsync();
        Assert.Equal(["created_at", "id", "session_metadata", "status", "updated_at"], session.Members());
        Assert.True(Guid.TryParse(session.GetProperty("id").GetString(), out _));
        Assert.Equal("active", session.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("session_metadata").ValueKind);
        Assert.Matches(IsoUtc, session.GetProperty("created_at").GetString());
        Assert.Matches(IsoUtc, session.GetProperty("updated_at").GetString());
        Assert.Equal(TimeSpan.Zero, session.GetProperty("created_at").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task CreateSession_WithMetadata_StoresIt_AndGetReturnsTheSameSession()
    {
        using var client = fixture.Client();

        var created = await client.PostAsJsonAsync("/sessions",
            new { session_metadata = new { user_id = "user_123", source = "web", tags = new[] { "noir" }, retries = 2 } }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.JsonAsync();
        var id = session.GetProperty("id").GetString();
        Assert.Equal($"/sessions/{id}", created.Headers.Location?.OriginalString);
        var fetched = await client.GetAsync($"/sessions/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var again = await fetched.JsonAsync();
        foreach (var body in new[] { session, again })
        {
            var metadata = body.GetProperty("session_metadata");
            Assert.Equal("user_123", metadata.GetProperty("user_id").GetString());
            Assert.Equal("web", metadata.GetProperty("source").GetString());
            Assert.Equal("noir", metadata.GetProperty("tags")[0].GetString());
            Assert.Equal(2, metadata.GetProperty("retries").GetInt32());
        }
        Assert.Equal(session.GetProperty("created_at").GetString(), again.GetProperty("created_at").GetString());
        Assert.Equal(["created_at", "id", "session_metadata", "status", "updated_at"], again.Members());
    }

    [Theory]
    [InlineData("""{"session_metadata": "web"}""")]
    [InlineData("""{"session_metadata": [1, 2]}""")]
    [InlineData("""[]""")]
    [InlineData("""{"session_metadata": """)]
    public async Task CreateSession_WithABodyThatIsNotAnObjectOfMetadata_Is422_WithADetail_AndSavesNothing(string body)
    {
        using var client = fixture.Client();
        var before = (await client.GetJsonAsync("/api/sessions")).GetArrayLength();

        var response = await client.PostAsync("/sessions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await AssertDetailAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, (await client.GetJsonAsync("/api/sessions")).GetArrayLength());
    }

    [Fact]
    public async Task GetSession_Unknown_Is404_SessionNotFound()
    {
        using var client = fixture.Client();

        var response = await client.GetAsync($"/sessions/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"detail":"Session not found"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/sessions/not-a-uuid")]
    [InlineData("/sessions/12345")]
    public async Task GetSession_MalformedId_Is422_WithADetail(string path)
    {
        using var client = fixture.Client();

        await AssertDetailAsync(await client.GetAsync(path, Ct), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task SendMessage_RunsTheWholeWorkflow_AndAnswersMarkdownAndTheAgentsThoughtsInOrder()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();

        var response = await client.PostAsJsonAsync($"/sessions/{session}/messages",
            new { message = "A lighthouse keeper in Valparaíso finds letters from a sailor who vanished in 1973" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(["response", "session_id", "thoughts"], answer.Members());
        Assert.Equal(session.ToString(), answer.GetProperty("session_id").GetString());
        var markdown = answer.GetProperty("response").GetString()!;
        var thoughts = answer.GetProperty("thoughts").EnumerateArray().ToList();
        Assert.All(thoughts, t =>
        {
            Assert.Equal(["agent", "status", "text"], t.Members());
            Assert.Equal(JsonValueKind.String, t.GetProperty("agent").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("text").GetString()));
            Assert.Equal("completed", t.GetProperty("status").GetString());
        });
        var agents = thoughts.Select(t => t.GetProperty("agent").GetString()).ToList();
        Assert.Equal("researcher", agents[0]);
        Assert.Equal("pitch_writer", agents[^1]);
        Assert.Contains("critic", agents);
        Assert.Contains("casting_director", agents);

        // The answer is the pitch, and it is also in the workspace: same session, same runner, same pitch.
        var pitch = await client.GetJsonAsync($"/api/sessions/{session}/pitch");
        var title = pitch.GetProperty("document").GetProperty("title").GetString()!;
        Assert.Contains($"# {title}", markdown);
        Assert.Contains("Valparaíso", markdown);
        var runId = (await client.GetJsonAsync($"/api/sessions/{session}/runs"))[0].GetProperty("id").GetGuid();
        Assert.Equal(thoughts.Count, (await client.GetJsonAsync($"/api/sessions/{session}/runs/{runId}")).CompletedSteps());
        var workspace = await client.GetJsonAsync($"/api/sessions/{session}");
        Assert.StartsWith("A lighthouse keeper in Valparaíso", workspace.GetProperty("title").GetString());
        Assert.Contains("sailor who vanished", workspace.GetProperty("brief").GetProperty("concept").GetString());
    }

    [Fact]
    public async Task ASecondMessage_IsAShowrunnerTurn_OnTheSamePitch()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();
        var first = await client.PostAsJsonAsync($"/sessions/{session}/messages", new { message = "A ferry captain smuggles letters across a frozen strait" }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.PostAsJsonAsync($"/sessions/{session}/messages", new { message = "Please revise the casting ideas with younger, less obvious actors" }, Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var answer = await second.JsonAsync();
        var agents = answer.GetProperty("thoughts").EnumerateArray().Select(t => t.GetProperty("agent").GetString()).ToList();
        Assert.Equal("greeter", agents[0]);
        Assert.Contains("casting_director", agents);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("response").GetString()));
        Assert.Equal(2, (await client.GetJsonAsync($"/api/sessions/{session}/runs")).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"message": ""}""")]
    [InlineData("""{"message": "   \n\t "}""")]
    [InlineData("""{"message": null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"message": 42}""")]
    [InlineData("""{"message": """)]
    [InlineData("")]
    public async Task SendMessage_WithoutAMessage_Is422_WithADetail_AndStartsNoRun(string body)
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();

        var response = await client.PostAsync($"/sessions/{session}/messages", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await AssertDetailAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, (await client.GetJsonAsync($"/api/sessions/{session}/runs")).GetArrayLength());
    }

    [Fact]
    public async Task SendMessage_ToAnUnknownSession_Is404_AndToAMalformedId_Is422()
    {
        using var client = fixture.Client();

        var unknown = await client.PostAsJsonAsync($"/sessions/{Guid.NewGuid()}/messages", new { message = "Hello" }, Ct);
        var malformed = await client.PostAsJsonAsync("/sessions/nope/messages", new { message = "Hello" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"detail":"Session not found"}""", await unknown.Content.ReadAsStringAsync(Ct));
        await AssertDetailAsync(malformed, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task AWrongMethod_Is405_WithADetail_NotAPage()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();

        var response = await client.DeleteAsync($"/sessions/{session}", Ct);

        await AssertDetailAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData(SeedApp.ClientOrigin, "/sessions")]
    [InlineData(SeedApp.OtherClientOrigin, "/sessions/01a212b5-c4f0-7000-8000-022d4de2c8f4/messages")]
    [InlineData("https://evil.example", "/sessions")]
    [InlineData("https://evil.example", "/sessions/01a212b5-c4f0-7000-8000-022d4de2c8f4/messages")]
    public async Task Preflight_SucceedsForConfiguredOrigins_AndNotForOthers(string origin, string path)
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await client.SendAsync(request, Ct);

        var allowed = origin is SeedApp.ClientOrigin or SeedApp.OtherClientOrigin;
        Assert.Equal(allowed ? origin : null, Header(response, "Access-Control-Allow-Origin"));
        if (allowed)
        {
            Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
            Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"));
            Assert.Contains("content-type", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/sessions")]
    public async Task SimpleRequests_FromTheClientsOrigin_CarryTheAllowOriginHeader(string path)
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(path == "/health" ? HttpMethod.Get : HttpMethod.Post, path);
        request.Headers.Add("Origin", SeedApp.ClientOrigin);

        var response = await client.SendAsync(request, Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(SeedApp.ClientOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>The seed's error body: application/json with a <c>detail</c> sentence, not a ProblemDetails.</summary>
    private static async Task AssertDetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(JsonValueKind.String, body.GetProperty("detail").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.False(body.TryGetProperty("type", out _), "a ProblemDetails member leaked into the seed's error");
        Assert.False(body.TryGetProperty("title", out _), "a ProblemDetails member leaked into the seed's error");
    }
}
