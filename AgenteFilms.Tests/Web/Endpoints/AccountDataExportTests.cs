using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.Web.Export;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>"Download all my data": every owned pitch in every format, with its conversation, in one zip.</summary>
public abstract class AccountDataExportTests<TDatabase>(AppFixture<TDatabase> fixture) : IClassFixture<AppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheZip_HoldsEveryPitchInEveryFormat_WithItsMessages()
    {
        using var client = fixture.Require().App.CreateClient();
        var lighthouse = await client.CreateSessionAsync("The Last Lighthouse", "A lighthouse keeper on a drowning island hides a smuggler from the coast guard");
        var orbit = await client.CreateSessionAsync("Low Orbit", "A retired astronaut must talk a teenage hacker down from hijacking a satellite", genre: "science fiction");
        var draft = await client.CreateSessionAsync("Untitled Draft", "A baker in Lisbon discovers her sourdough starter predicts earthquakes");
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(lighthouse, "Pitch it", wait: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(orbit, "Pitch it", wait: true)).StatusCode);

        var response = await client.GetAsync("/api/account/export.zip", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("agente-films-export-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        var index = JsonDocument.Parse(Read(zip, "index.json")).RootElement.GetProperty("pitches");
        Assert.Equal(3, index.GetArrayLength());

        foreach (var (id, title) in new[] { (lighthouse, "The Last Lighthouse"), (orbit, "Low Orbit") })
        {
            var folder = index.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id).GetProperty("folder").GetString()!;
            var files = zip.Entries.Where(e => e.FullName.StartsWith(folder + "/", StringComparison.Ordinal)).Select(e => e.Name).ToHashSet();
            Assert.Contains("session.json", files);
            Assert.Contains("messages.json", files);
            Assert.Contains("pitch.json", files);
            Assert.Single(files, f => f.EndsWith(".md", StringComparison.Ordinal));
            Assert.Single(files, f => f.EndsWith(".fountain", StringComparison.Ordinal));
            Assert.Equal(2, files.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)));

            var stored = JsonDocument.Parse(Read(zip, $"{folder}/pitch.json")).RootElement;
            var pitch = stored.GetProperty("pitch");
            var pitchTitle = pitch.GetProperty("title").GetString()!;
            var notice = ConfidentialityNoticeApiTests.Expected(
                TestUser.Default.Email, stored.GetProperty("version").GetInt32(), stored.GetProperty("createdAt").GetDateTime());
            foreach (var pdf in files.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)))
            {
                var bytes = ReadBytes(zip, $"{folder}/{pdf}");
                var text = Poppler.Text(bytes);
                Assert.Contains(pitchTitle.Split(' ')[0], text, StringComparison.OrdinalIgnoreCase);
                var pages = ConfidentialityNoticeTests.PageTexts(bytes);
                Assert.Equal(ConfidentialityNoticeTests.PageCount(bytes), pages.Count);
                Assert.All(pages, page => Assert.Equal(1, ConfidentialityNoticeTests.Occurrences(page, notice)));
            }
            Assert.Contains(pitchTitle, Read(zip, $"{folder}/{files.Single(f => f.EndsWith(".md", StringComparison.Ordinal))}"));

            var messages = JsonDocument.Parse(Read(zip, $"{folder}/messages.json")).RootElement;
            Assert.Equal("Pitch it", messages[0].GetProperty("content").GetString());
            Assert.Equal("Writer", messages[0].GetProperty("role").GetString());
            Assert.True(messages.GetArrayLength() > 5, "every agent's answer is there, after the writer's message");
            Assert.All(messages.EnumerateArray().Skip(1), m => Assert.Equal("Agent", m.GetProperty("role").GetString()));
            Assert.Equal(title, JsonDocument.Parse(Read(zip, $"{folder}/session.json")).RootElement.GetProperty("title").GetString());
        }

        var draftFolder = index.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == draft).GetProperty("folder").GetString()!;
        Assert.Equal(["messages.json", "session.json"],
            zip.Entries.Where(e => e.FullName.StartsWith(draftFolder + "/", StringComparison.Ordinal)).Select(e => e.Name).Order().ToArray());
    }

    private static string Read(ZipArchive zip, string path) => System.Text.Encoding.UTF8.GetString(ReadBytes(zip, path));

    private static byte[] ReadBytes(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the zip: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

public sealed class SqliteAccountDataExportTests(AppFixture<SqliteTestDatabase> fixture) : AccountDataExportTests<SqliteTestDatabase>(fixture);

public sealed class PostgresAccountDataExportTests(AppFixture<PostgresTestDatabase> fixture) : AccountDataExportTests<PostgresTestDatabase>(fixture);
