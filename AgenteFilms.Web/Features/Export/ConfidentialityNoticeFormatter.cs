using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Export;

/// <summary>Who wrote the exported pitch version and when: what the confidentiality notice states.</summary>
/// <param name="Author">The pitch owner's name as the account shows it.</param>
/// <param name="Version">The exported pitch version number.</param>
/// <param name="CreatedAt">When that version was saved (UTC).</param>
public sealed record PitchAttribution(string Author, int Version, DateTime CreatedAt)
{
    /// <summary>Shown when the owner has no account row (data from before accounts existed).</summary>
    public const string UnknownAuthor = "Unknown author";
}

/// <summary>
/// The one place the confidentiality notice ("Confidential — © 2026 ana@example.com — draft v3, 25 Nov 2026") is
/// computed, from the <c>Export:ConfidentialityNotice</c> template. PDFs, the Fountain and Markdown files and the
/// share page all show this string, so they never disagree.
/// </summary>
public sealed partial class ConfidentialityNoticeFormatter(IOptions<ExportOptions> options)
{
    public const string DefaultTemplate = "Confidential \u2014 \u00A9 {year} {author} \u2014 draft v{version}, {date}";

    /// <summary>Long enough for any sensible notice, short enough to stay a footer line or two.</summary>
    public const int MaxTemplateLength = 240;

    private static readonly string[] Placeholders = ["year", "author", "version", "date"];

    /// <summary>The notice for this pitch version, or null when notices are turned off.</summary>
    public string? For(PitchAttribution attribution)
    {
        var settings = options.Value;
        return settings.ConfidentialityNoticeEnabled ? Format(settings.ConfidentialityNotice, attribution) : null;
    }

    /// <summary>Fills the template's placeholders in one pass (an author named "{date}" stays as written).</summary>
    public static string Format(string template, PitchAttribution attribution) =>
        Placeholder().Replace(template, match => match.Groups[1].Value.ToLowerInvariant() switch
        {
            "year" => attribution.CreatedAt.Year.ToString(CultureInfo.InvariantCulture),
            "author" => OneLine(attribution.Author),
            "version" => attribution.Version.ToString(CultureInfo.InvariantCulture),
            "date" => attribution.CreatedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            _ => match.Value,
        }).ReplaceLineEndings(" ").Trim();

    /// <summary>Why a template cannot be used (completing "Export:ConfidentialityNotice ..."), or null when it is fine.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "is empty; set Export:ConfidentialityNoticeEnabled to false to turn the notice off.";
        }

        if (template.Length > MaxTemplateLength)
        {
            return $"is {template.Length} characters long; keep it to {MaxTemplateLength} or fewer.";
        }

        var unknown = Placeholder().Matches(template).Select(m => m.Value)
            .Where(p => !Placeholders.Contains(p[1..^1], StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return $"has unknown placeholder{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}; use {Known}.";
        }

        // A brace outside a placeholder ("{year" or "}") is almost always a typo; it would print literally.
        return Placeholder().Replace(template, "").IndexOfAny(['{', '}']) >= 0
            ? $"has an unmatched brace; placeholders are {Known}."
            : null;
    }

    private static string Known => string.Join(", ", Placeholders.Select(p => $"{{{p}}}"));

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length > 0 ? flat : PitchAttribution.UnknownAuthor;
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
