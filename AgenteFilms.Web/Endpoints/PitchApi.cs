using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Stores;
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
        pitch.MapGet("/pitch.md", GetMarkdownAsync).WithSummary("The pitch document as a Markdown file");
        pitch.MapGet("/pitch/versions", ListVersionsAsync).WithSummary("Every version of the pitch, newest first");
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, int? version, string? format, HttpRequest http, PitchStore pitches, ICurrentUser user, CancellationToken cancellationToken)
    {
        var markdown = string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Headers.Accept.ToString().Contains("text/markdown", StringComparison.OrdinalIgnoreCase));
        if (format is not null && !markdown && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputValidationException("format", "The format must be json or markdown.");
        }
        var stored = await LoadAsync(id, version, pitches, user, cancellationToken);
        if (stored is null)
        {
            return PitchNotFound(version);
        }
        return markdown
            ? TypedResults.Text(PitchMarkdown.Render(stored.Value.Document), "text/markdown; charset=utf-8")
            : TypedResults.Ok(new PitchDto(stored.Value.Number, stored.Value.CreatedAt, stored.Value.Document));
    }

    private static async Task<IResult> GetMarkdownAsync(Guid id, int? version, PitchStore pitches, SessionService sessions, ICurrentUser user, CancellationToken cancellationToken)
    {
        var stored = await LoadAsync(id, version, pitches, user, cancellationToken);
        if (stored is null)
        {
            return PitchNotFound(version);
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(PitchMarkdown.Render(stored.Value.Document));
        return TypedResults.File(bytes, "text/markdown; charset=utf-8", $"{FileSlug(stored.Value.Document.Title)}.md");
    }

    private static async Task<Results<Ok<IReadOnlyList<PitchVersionInfo>>, ProblemHttpResult>> ListVersionsAsync(
        Guid id, PitchStore pitches, SessionService sessions, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.SessionNotFound();
        }
        return TypedResults.Ok(await pitches.ListAsync(user.Id, id, cancellationToken));
    }

    private static async Task<(int Number, DateTime CreatedAt, PitchDocument Document)?> LoadAsync(
        Guid id, int? version, PitchStore pitches, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (version is < 1)
        {
            throw new InputValidationException("version", "The version must be 1 or more.");
        }
        var stored = await pitches.GetAsync(user.Id, id, version, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var document = JsonSerializer.Deserialize<PitchDocument>(stored.DocumentJson, AgentJson.Options) ?? new PitchDocument();
        return (stored.Number, stored.CreatedAt, document);
    }

    private static ProblemHttpResult PitchNotFound(int? version) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.",
        detail: version is null ? "This session has no pitch yet (or no session has that id)." : $"No pitch version {version} in this session.");

    /// <summary>A safe ASCII file name from a title: "The Last Lighthouse!" → "the-last-lighthouse".</summary>
    internal static string FileSlug(string? title)
    {
        var normalized = (title ?? "").Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '.' or ':') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "pitch" : slug[..Math.Min(slug.Length, 80)].TrimEnd('-');
    }
}

public sealed record PitchDto(int Version, DateTime CreatedAt, PitchDocument Document);
