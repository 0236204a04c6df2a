using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace AgenteFilms.Web.Features.Pitch;

/// <summary>
/// Renders untrusted Markdown (agent output, pasted text) to HTML that is safe to put in the page. Two layers, because
/// either alone has gaps: Markdig with raw HTML off turns every tag in the text into escaped text, and an allow-list
/// sanitizer then removes anything Markdown itself can produce that could execute (a <c>javascript:</c> link, say).
/// This is the only place in the UI that makes a <see cref="MarkupString"/> from text.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer s_sanitizer = CreateSanitizer();

    /// <summary>Sanitized HTML for <paramref name="markdown"/>.</summary>
    public static string ToHtml(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? "" : s_sanitizer.Sanitize(Markdown.ToHtml(markdown, s_pipeline));

    /// <summary>The same, ready to render.</summary>
    public static MarkupString Render(string? markdown) => new(ToHtml(markdown));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "em", "del", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "code", "pre",
                "table", "thead", "tbody", "tr", "th", "td", "a",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedCssClasses = new HashSet<string>(),
        });
        // Added after the allow-list ran: a link out of an agent's text gets no opener, no referrer and no ranking.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
