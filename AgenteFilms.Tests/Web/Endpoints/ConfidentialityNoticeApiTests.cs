using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Data.Entities;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.Web.Export;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>The confidentiality notice wherever a pitch leaves the app: API downloads, share links and their page.</summary>
public sealed class ConfidentialityNoticeApiTests(AppFixture<SqliteTestDatabase> fixture) : IClassFixture<AppFixture<SqliteTestDatabase>>
{
    private static readonly DateTime SecondVersionAt = new(2027, 1, 5, 18, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the default template says, written out here rather than by the formatter under test.</summary>
    internal static string Expected(string author, int version, DateTime createdAt) =>
        $"Confidential \u2014 \u00A9 {createdAt.Year} {author} \u2014 draft v{version}, {createdAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    [Theory]
    [InlineData("deck")]
    [InlineData("document")]
    public async Task PdfDownload_CarriesTheOwnersNoticeOnEveryPage_ForTheVersionAsked(string layout)
    {
        var app = fixture.Require().App;
        using var client = app.CreateClient();
        var session = await SessionWithTwoVersionsAsync(app);

        var latest = await client.GetByteArrayAsync($"/api/sessions/{session}/pitch.pdf?layout={layout}", Ct);
        var first = await client.GetByteArrayAsync($"/api/sessions/{session}/pitch.pdf?layout={layout}&version=1", Ct);

        AssertOnEveryPage(latest, Expected(TestUser.Default.Email, 2, SecondVersionAt));
        AssertOnEveryPage(first, Expected(TestUser.Default.Email, 1, PitchSeed.WrittenAt));
    }

    [Fact]
    public async Task AViewersDownload_NamesTheOwner_NotTheViewer()
    {
        var app = fixture.Require().App;
        using var owner = app.CreateClient();
        var session = await SessionWithTwoVersionsAsync(app);
        using var viewer = (await app.CreateClientForAsync(TestUser.Other)).Client;
        (await owner.PostAsJsonAsync($"/api/sessions/{session}/viewers", new { email = TestUser.Other.Email }, Ct)).EnsureSuccessStatusCode();

        var pdf = await viewer.GetByteArrayAsync($"/api/sessions/{session}/pitch.pdf?layout=document", Ct);
        var fountain = await viewer.GetStringAsync($"/api/sessions/{session}/pitch.fountain", Ct);

        AssertOnEveryPage(pdf, Expected(TestUser.Default.Email, 2, SecondVersionAt));
        Assert.Contains($"Copyright: {Expected(TestUser.Default.Email, 2, SecondVersionAt)}\n", fountain, StringComparison.Ordinal);
        Assert.DoesNotContain(TestUser.Other.Email, fountain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareLink_PageAndEveryDownload_ShowTheSameNotice()
    {
        var app = fixture.Require().App;
        using var client = app.CreateClient();
        var session = await SessionWithTwoVersionsAsync(app);
        var token = await ShareAsync(client, session);
        using var producer = app.CreateAnonymousClient();
        var expected = Expected(TestUser.Default.Email, 2, SecondVersionAt);

        var page = WebUtility.HtmlDecode(await producer.GetStringAsync($"/share/{token}", Ct));
        var deck = await producer.GetByteArrayAsync($"/share/{token}/pitch.pdf", Ct);
        var document = await producer.GetByteArrayAsync($"/share/{token}/pitch.pdf?layout=document", Ct);
        var markdown = await producer.GetStringAsync($"/share/{token}/pitch.md", Ct);
        var fountain = await producer.GetStringAsync($"/share/{token}/pitch.fountain", Ct);

        Assert.Matches("data-testid=\"share-notice\"[^>]*>(<[^>]+>|\\s)*" + System.Text.RegularExpressions.Regex.Escape(expected), page);
        AssertOnEveryPage(deck, expected);
        AssertOnEveryPage(document, expected);
        Assert.Contains($"*{expected}*", markdown, StringComparison.Ordinal);
        Assert.Contains($"Copyright: {expected}\n", fountain, StringComparison.Ordinal);
    }

    private static void AssertOnEveryPage(byte[] pdf, string notice)
    {
        var pages = ConfidentialityNoticeTests.PageTexts(pdf);
        Assert.Equal(ConfidentialityNoticeTests.PageCount(pdf), pages.Count);
        Assert.All(pages, (page, i) => Assert.True(ConfidentialityNoticeTests.Occurrences(page, notice) == 1, $"page {i + 1} carries \"{notice}\":\n{page}"));
    }

    /// <summary>The default user's pitch: version 1 as the workflow wrote it, version 2 a writer's edit on a later date.</summary>
    private async Task<Guid> SessionWithTwoVersionsAsync(AppFactory app)
    {
        var session = await new PitchSeed(fixture.Database).SessionWithPitchAsync(await app.DefaultUserIdAsync(), SamplePitches.Big(characterCount: 8), Ct);
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync(Ct);
        var first = db.PitchVersions.Single(p => p.SessionId == session);
        db.PitchVersions.Add(new PitchVersion
        {
            Id = Guid.CreateVersion7(), SessionId = session, Number = 2, DocumentJson = first.DocumentJson,
            AuthorUserId = await app.DefaultUserIdAsync(), Note = "Edited", CreatedAt = SecondVersionAt,
        });
        await db.SaveChangesAsync(Ct);
        return session;
    }

    internal static async Task<string> ShareAsync(HttpClient client, Guid session)
    {
        var created = await client.PostAsJsonAsync($"/api/sessions/{session}/share-links", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!;
    }
}

/// <summary>An app with <c>Export:ConfidentialityNoticeEnabled=false</c>.</summary>
public sealed class NoticeOffAppFixture : AppFixture<SqliteTestDatabase>
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Export:ConfidentialityNoticeEnabled"] = "false",
    };
}

public sealed class ConfidentialityNoticeOffApiTests(NoticeOffAppFixture fixture) : IClassFixture<NoticeOffAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TurnedOff_NeitherDownloadsNorTheSharePageShowANotice()
    {
        var app = fixture.Require().App;
        using var client = app.CreateClient();
        var session = await new PitchSeed(fixture.Database).SessionWithPitchAsync(await app.DefaultUserIdAsync(), cancellationToken: Ct);
        var token = await ConfidentialityNoticeApiTests.ShareAsync(client, session);
        using var producer = app.CreateAnonymousClient();

        var texts = new[]
        {
            Poppler.Text(await client.GetByteArrayAsync($"/api/sessions/{session}/pitch.pdf", Ct)),
            Poppler.Text(await client.GetByteArrayAsync($"/api/sessions/{session}/pitch.pdf?layout=document", Ct)),
            Poppler.Text(await producer.GetByteArrayAsync($"/share/{token}/pitch.pdf", Ct)),
            await client.GetStringAsync($"/api/sessions/{session}/pitch.fountain", Ct),
            await client.GetStringAsync($"/api/sessions/{session}/pitch.md", Ct),
        };
        var page = await producer.GetStringAsync($"/share/{token}", Ct);

        Assert.All(texts, text => Assert.DoesNotContain("Confidential", text, StringComparison.Ordinal));
        Assert.Contains("data-testid=\"share-downloads\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("share-notice", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }
}
