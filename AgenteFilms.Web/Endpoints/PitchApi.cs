using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgenteFilms.Web.Endpoints;

/// <summary>The pitch document: JSON or Markdown, any version.</summary>
public static class PitchApi
{
    public static RouteGroupBuilder MapPitchApi(this RouteGroupBuilder api)
    {
        var pitch = api.MapGroup("/sessions/{id}").WithTags("Pitch");
        pitch.MapGet("/pitch", GetAsync)
            .WithSummary("The pitch document (latest, or ?version=N) as JSON; as Markdown with ?format=markdown or Accept: text/markdown");
        pitch.MapGet("/pitch.md", (Guid id, int? version, PitchService pitches, PitchExportService export, CancellationToken ct) =>
                ExportAsync(id, version, pitches, p => export.Markdown(p.Document, p.Attribution), ct))
            .WithSummary("The pitch document as a Markdown file (?version=N for an earlier version)");
        pitch.MapGet("/pitch.fountain", (Guid id, int? version, PitchService pitches, PitchExportService export, CancellationToken ct) =>
                ExportAsync(id, version, pitches, p => export.Fountain(p.Document, p.Attribution), ct))
            .WithSummary("The pitch as a Fountain outline (title page, acts as sections, beats as synopses)");
        pitch.MapGet("/pitch.pdf", (Guid id, int? version, string? layout, PitchService pitches, PitchExportService export, CancellationToken ct) =>
                ExportAsync(id, version, pitches, p => export.Pdf(p.Document, p.Attribution, ParseLayout(layout), ct), ct))
            .WithSummary("The pitch as a PDF: ?layout=deck (16:9 slides, default) or ?layout=document (portrait pitch bible)");
        pitch.MapGet("/pitch/versions", ListVersionsAsync).WithSummary("Every version of the pitch, newest first");
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, int? version, string? format, HttpRequest http, PitchService pitches, CancellationToken cancellationToken)
    {
        var markdown = string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Headers.Accept.ToString().Contains("text/markdown", StringComparison.OrdinalIgnoreCase));
        if (format is not null && !markdown && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputValidationException("format", "The format must be json or markdown.");
        }
        var stored = await LoadAsync(id, version, pitches, cancellationToken);
        if (stored is null)
        {
            return PitchNotFound(version);
        }
        return markdown
            ? TypedResults.Text(PitchMarkdown.Render(stored.Document), "text/markdown; charset=utf-8")
            : TypedResults.Ok(new PitchDto(stored.Number, stored.CreatedAt, stored.Document));
    }

    private static async Task<IResult> ExportAsync(
        Guid id, int? version, PitchService pitches, Func<ExportablePitch, ExportedFile> export, CancellationToken cancellationToken)
    {
        CheckVersion(version);
        var stored = await pitches.GetForExportAsync(id, version, cancellationToken);
        if (stored is null)
        {
            return PitchNotFound(version);
        }
        var file = export(stored);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static PdfLayout ParseLayout(string? layout) => layout?.ToLowerInvariant() switch
    {
        null or "" or "deck" => PdfLayout.Deck,
        "document" => PdfLayout.Document,
        _ => throw new InputValidationException("layout", "The layout must be deck or document."),
    };

    private static async Task<Results<Ok<IReadOnlyList<PitchVersionInfo>>, ProblemHttpResult>> ListVersionsAsync(
        Guid id, PitchService pitches, SessionService sessions, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.SessionNotFound();
        }
        return TypedResults.Ok(await pitches.ListVersionsAsync(id, cancellationToken));
    }

    private static Task<StoredPitch?> LoadAsync(Guid id, int? version, PitchService pitches, CancellationToken cancellationToken)
    {
        CheckVersion(version);
        return pitches.GetVersionAsync(id, version, cancellationToken);
    }

    private static void CheckVersion(int? version)
    {
        if (version is < 1)
        {
            throw new InputValidationException("version", "The version must be 1 or more.");
        }
    }

    private static ProblemHttpResult PitchNotFound(int? version) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.",
        detail: version is null ? "This session has no pitch yet (or no session has that id)." : $"No pitch version {version} in this session.");
}

public sealed record PitchDto(int Version, DateTime CreatedAt, PitchDocument Document);
