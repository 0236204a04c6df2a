using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>Share links through the API and the anonymous downloads they open.</summary>
public sealed class SharingApiTests(AppFixture<SqliteTestDatabase> fixture) : IClassFixture<AppFixture<SqliteTestDatabase>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALink_OpensTheDownloads_UntilItIsRevoked_AndOnlyItsHashIsStored()
    {
        using var client = fixture.Require().App.CreateClient();
        var session = await client.CreateSessionAsync("Shared", "A cartographer maps a city that rearranges itself every night");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(session, "Pitch it", wait: true)).StatusCode);

        var created = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { expiresInDays = 7 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var link = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = link.GetProperty("token").GetString()!;
        Assert.EndsWith($"/share/{token}", link.GetProperty("url").GetString());
        Assert.True(token.Length >= 40, "the token carries 256 random bits");

        var deck = await client.GetAsync($"/share/{token}/pitch.pdf", Ct);
        var fountain = await client.GetAsync($"/share/{token}/pitch.fountain", Ct);
        Assert.Equal(HttpStatusCode.OK, deck.StatusCode);
        Assert.Equal("application/pdf", deck.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, fountain.StatusCode);

        var listed = await client.GetJsonAsync($"/api/sessions/{session}/share-links");
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("token").ValueKind);
        await using (var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct))
        {
            var stored = await db.ShareLinks.SingleAsync(l => l.SessionId == session, Ct);
            Assert.NotEqual(token, stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash);
        }

        var revoke = await client.DeleteAsync($"/api/sessions/{session}/share-links/{link.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/share/{token}/pitch.pdf", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public async Task AnExpiryOutOfRange_IsRejected_AndNothingIsSaved(int days)
    {
        using var client = fixture.Require().App.CreateClient();
        var session = await client.CreateSessionAsync("Bad expiry", "A concept that is long enough");

        var response = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { expiresInDays = days }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await client.GetJsonAsync($"/api/sessions/{session}/share-links")).EnumerateArray());
    }

    [Fact]
    public async Task AnUnknownToken_Is404()
    {
        using var client = fixture.Require().App.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/share/not-a-real-token/pitch.pdf", Ct)).StatusCode);
    }
}
