using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>POST /api/screenplay/generate keeps the seed's contract.</summary>
public sealed class ScreenplayApiTests(AppFixture<SqliteTestDatabase> fixture) : IClassFixture<AppFixture<SqliteTestDatabase>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generates_TitleLoglineActsAndCharacters_InTheSeedsShape()
    {
        using var client = fixture.Require().App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/screenplay/generate",
            new { concept = "A detective who can see the future must prevent a crime in Valparaíso" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("logline").GetString()));
        var acts = body.GetProperty("three_act_structure");
        foreach (var act in new[] { "act_1", "act_2", "act_3" })
        {
            Assert.False(string.IsNullOrWhiteSpace(acts.GetProperty(act).GetString()), act);
        }
        var characters = body.GetProperty("characters").EnumerateArray().ToList();
        Assert.NotEmpty(characters);
        Assert.All(characters, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("name").GetString())));
        Assert.Equal("screenwriter", body.GetProperty("agent_used").GetString());
    }

    [Fact]
    public async Task TheOutline_HasExactlyTheSeedsMembers_AllStrings()
    {
        using var client = fixture.Require().App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/screenplay/generate",
            new { concept = "A lighthouse keeper in Valparaíso finds letters from a vanished sailor" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["agent_used", "characters", "logline", "three_act_structure", "title"], body.Members());
        Assert.Equal(["act_1", "act_2", "act_3"], body.GetProperty("three_act_structure").Members());
        foreach (var text in new[] { body.GetProperty("title"), body.GetProperty("logline"), body.GetProperty("agent_used") }
            .Concat(body.GetProperty("three_act_structure").EnumerateObject().Select(p => p.Value)))
        {
            Assert.Equal(JsonValueKind.String, text.ValueKind);
        }
        Assert.All(body.GetProperty("characters").EnumerateArray(), c =>
        {
            Assert.Equal(["description", "name"], c.Members());
            Assert.Equal(JsonValueKind.String, c.GetProperty("name").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString()));
        });
    }

    [Theory]
    [InlineData(9, HttpStatusCode.UnprocessableEntity)]
    [InlineData(10, HttpStatusCode.Created)]
    [InlineData(500, HttpStatusCode.Created)]
    [InlineData(501, HttpStatusCode.UnprocessableEntity)]
    public async Task TheConcept_MayHaveTenToFiveHundredCharacters(int length, HttpStatusCode expected)
    {
        using var client = fixture.Require().App.CreateClient();
        // Ends in a letter, so trimming cannot shorten it.
        var concept = string.Concat(Enumerable.Repeat("A heist on the Moon goes wrong. ", 20))[..(length - 1)] + "x";

        var response = await client.PostAsJsonAsync("/api/screenplay/generate", new { concept }, Ct);

        Assert.Equal(length, concept.Length);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"concept":"too short"}""")]
    [InlineData("""{"concept":""}""")]
    [InlineData("""{}""")]
    [InlineData("""{"concept":12345678901}""")]
    [InlineData("""{"concept":""")]
    public async Task InvalidInput_Is422_WithADetail(string body)
    {
        using var client = fixture.Require().App.CreateClient();

        var response = await client.PostAsync("/api/screenplay/generate", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task ATooLongConcept_Is422()
    {
        using var client = fixture.Require().App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/screenplay/generate", new { concept = new string('a', 501) }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownModel_Is400_WithADetail()
    {
        using var client = fixture.Require().App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/screenplay/generate",
            new { concept = "A heist on the Moon goes wrong in zero gravity", model = "no-such-model" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("no-such-model", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AKnownProfileName_IsAcceptedAsTheModel()
    {
        using var client = fixture.Require().App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/screenplay/generate",
            new { concept = "A heist on the Moon goes wrong in zero gravity", model = "offline" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
