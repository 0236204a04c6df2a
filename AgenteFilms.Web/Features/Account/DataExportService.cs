using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Account;

/// <summary>
/// "Download all my data": every pitch the acting user owns, in every format we export, with its brief and its whole
/// conversation, as one zip. One folder per pitch so two pitches with the same title never overwrite each other.
/// </summary>
public sealed class DataExportService(
    SessionStore sessions, PitchService pitches, MessageStore messages, PitchExportService export, ICurrentUser user, TimeProvider time)
{
    private const int HistoryPageSize = 500;

    private static readonly JsonSerializerOptions Indented = new(AgentJson.Indented) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A file name like <c>agente-films-export-2026-11-25.zip</c>.</summary>
    public string FileName => $"agente-films-export-{time.GetUtcNow():yyyy-MM-dd}.zip";

    /// <summary>Writes the zip to <paramref name="destination"/> (left open, positioned at its end).</summary>
    public async Task WriteZipAsync(Stream destination, CancellationToken cancellationToken)
    {
        var owned = await sessions.ListAsync(user.Id, cancellationToken);
        await using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var index = new List<object>();
        foreach (var session in owned)
        {
            var folder = $"{ExportFileNames.Slug(session.Title)}-{session.Id.ToString("N")[..8]}";
            await AddJsonAsync(zip, $"{folder}/session.json", new
            {
                session.Id,
                session.Title,
                Status = session.Status.ToString(),
                session.ModelProfile,
                Brief = JsonDocument.Parse(session.BriefJson).RootElement,
                session.CreatedAt,
                session.UpdatedAt,
            }, cancellationToken);
            await AddJsonAsync(zip, $"{folder}/messages.json", await ReadHistoryAsync(session.Id, cancellationToken), cancellationToken);

            var latest = await pitches.GetForExportAsync(session.Id, null, cancellationToken);
            if (latest is not null)
            {
                var (document, attribution) = (latest.Document, latest.Attribution);
                await AddJsonAsync(zip, $"{folder}/pitch.json", new { attribution.Version, attribution.CreatedAt, Pitch = document }, cancellationToken);
                foreach (var file in new[]
                {
                    export.Markdown(document, attribution),
                    export.Fountain(document, attribution),
                    export.DeckPdf(document, attribution, cancellationToken),
                    export.DocumentPdf(document, attribution, cancellationToken),
                })
                {
                    await AddBytesAsync(zip, $"{folder}/{file.FileName}", file.Content, cancellationToken);
                }
            }
            index.Add(new { session.Id, session.Title, Folder = folder, PitchVersion = latest?.Attribution.Version });
        }
        await AddJsonAsync(zip, "index.json", new { ExportedAt = time.GetUtcNow().UtcDateTime, UserId = user.Id, Pitches = index }, cancellationToken);
    }

    // Oldest first, the way a conversation reads.
    private async Task<IReadOnlyList<HistoryItem>> ReadHistoryAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var pages = new List<IReadOnlyList<HistoryItem>>();
        HistoryCursor? before = null;
        do
        {
            var page = await messages.GetHistoryPageAsync(user.Id, sessionId, before, HistoryPageSize, cancellationToken);
            pages.Add(page.Items);
            before = page.Next;
        }
        while (before is not null);
        pages.Reverse();
        return [.. pages.SelectMany(p => p)];
    }

    private static async Task AddJsonAsync(ZipArchive zip, string path, object value, CancellationToken cancellationToken) =>
        await AddBytesAsync(zip, path, JsonSerializer.SerializeToUtf8Bytes(value, Indented), cancellationToken);

    private static async Task AddBytesAsync(ZipArchive zip, string path, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }
}
