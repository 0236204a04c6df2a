using System.Globalization;
using System.Text;

namespace AgenteFilms.Web.Features.Export;

/// <summary>Safe download names from a pitch title: "The Last Lighthouse" → <c>the-last-lighthouse.pdf</c>.</summary>
public static class ExportFileNames
{
    private const int MaxSlugLength = 80;

    // Names Windows refuses as files whatever the extension.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>
    /// Lower-case ASCII letters, digits and single hyphens; accents are folded ("Amélie" → "amelie"), everything
    /// else separates words. Never empty ("pitch"), at most 80 characters, cut at a word boundary.
    /// </summary>
    public static string Slug(string? title)
    {
        var builder = new StringBuilder();
        foreach (var c in (title ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = Fold(char.ToLowerInvariant(c));
            if (folded is not null)
            {
                builder.Append(folded);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = (cut > MaxSlugLength / 2 ? slug[..cut] : slug[..MaxSlugLength]).Trim('-');
        }

        if (slug.Length == 0)
        {
            return "pitch";
        }

        return Reserved.Contains(slug) ? "pitch-" + slug : slug;
    }

    /// <summary>The slug with a suffix and extension, e.g. <c>For("The Last Lighthouse", "pdf")</c>.</summary>
    public static string For(string? title, string extension, string? suffix = null) =>
        $"{Slug(title)}{(string.IsNullOrEmpty(suffix) ? "" : "-" + suffix)}.{extension.TrimStart('.')}";

    private static string? Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        '&' => "and",
        '\'' or '\u2019' => "", // "Writer's" → "writers"
        _ => null,
    };
}
