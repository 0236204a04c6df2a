using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Web.Features.Export;

/// <summary>Configuration section "Export": fonts, paper and the confidentiality notice of the exports.</summary>
public sealed class ExportOptions : IValidatableObject
{
    public const string Section = "Export";

    /// <summary>
    /// Optional folder of font files that replace the system fonts, named by role and style:
    /// <c>Sans-Regular</c>, <c>Sans-Bold</c>, <c>Sans-Italic</c>, <c>Sans-BoldItalic</c> and the same for <c>Serif</c>
    /// (<c>.ttf</c> or <c>.otf</c>). Missing files fall back to Liberation, then DejaVu. Env: <c>Export__FontsFolder</c>.
    /// </summary>
    public string? FontsFolder { get; set; }

    /// <summary>Paper for the long-form pitch document: "A4" or "Letter". Env: <c>Export__PageSize</c>.</summary>
    [Required]
    [RegularExpression("^(?i:a4|letter)$", ErrorMessage = "Export:PageSize must be \"A4\" or \"Letter\".")]
    public string PageSize { get; set; } = "A4";

    /// <summary>
    /// Whether every exported page carries the confidentiality notice (PDF footers, the share page, the Fountain
    /// title page and the Markdown file). Default true. Env: <c>Export__ConfidentialityNoticeEnabled</c>.
    /// </summary>
    public bool ConfidentialityNoticeEnabled { get; set; } = true;

    /// <summary>
    /// The notice's text, with the placeholders <c>{year}</c>, <c>{author}</c>, <c>{version}</c> and <c>{date}</c>
    /// (see <see cref="ConfidentialityNoticeFormatter"/>); any other <c>{...}</c> is a start-up error.
    /// Env: <c>Export__ConfidentialityNotice</c>.
    /// </summary>
    public string ConfidentialityNotice { get; set; } = ConfidentialityNoticeFormatter.DefaultTemplate;

    public bool IsLetter => string.Equals(PageSize, "Letter", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(FontsFolder) && !Directory.Exists(FontsFolder))
        {
            yield return new ValidationResult($"Export:FontsFolder \"{FontsFolder}\" does not exist.", [nameof(FontsFolder)]);
        }

        if (ConfidentialityNoticeEnabled && ConfidentialityNoticeFormatter.Problem(ConfidentialityNotice) is { } problem)
        {
            yield return new ValidationResult($"Export:ConfidentialityNotice {problem}", [nameof(ConfidentialityNotice)]);
        }
    }
}
