using System.Text;
using System.Text.RegularExpressions;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>How prose is set: body text, spacing, and the look of list markers and sub-headings.</summary>
public sealed record ProseStyle(TextStyle Body, float ParagraphSpacing)
{
    public TextStyle? Marker { get; init; }
    public TextStyle? SubHeading { get; init; }
    public float ListIndent { get; init; } = 16;
}

/// <summary>
/// The small Markdown subset agents write in text fields: paragraphs (blank-line separated), "- " / "* " / "1. "
/// lists, "#" sub-headings, **bold**, *italic* / _italic_ and ***both***. Anything else stays literal text, so
/// nothing is lost.
/// </summary>
public static partial class MarkdownLite
{
    public static IReadOnlyList<Block> Blocks(string? markdown, ProseStyle style)
    {
        var blocks = new List<Block>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return blocks;
        }

        var paragraph = new StringBuilder();
        var items = new List<string>();
        var numbered = false;

        void FlushParagraph()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new ParagraphBlock(Inline(paragraph.ToString(), style.Body)) { SpaceAfter = style.ParagraphSpacing });
                paragraph.Clear();
            }
        }

        void FlushList()
        {
            if (items.Count > 0)
            {
                blocks.Add(new BulletListBlock(items.Select(i => (IReadOnlyList<TextSpan>)Inline(i, style.Body)).ToList(), style.Marker ?? style.Body)
                {
                    Numbered = numbered,
                    Indent = style.ListIndent,
                    SpaceAfter = style.ParagraphSpacing,
                });
                items.Clear();
            }
        }

        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                FlushParagraph();
                FlushList();
                continue;
            }

            var bullet = BulletPattern().Match(line);
            var number = NumberPattern().Match(line);
            var heading = HeadingPattern().Match(line);
            if (bullet.Success || number.Success)
            {
                FlushParagraph();
                var isNumbered = number.Success;
                if (items.Count > 0 && numbered != isNumbered)
                {
                    FlushList();
                }

                numbered = isNumbered;
                items.Add((bullet.Success ? bullet : number).Groups["text"].Value);
            }
            else if (heading.Success)
            {
                FlushParagraph();
                FlushList();
                var headingStyle = style.SubHeading ?? style.Body.AsBold();
                blocks.Add(new HeadingBlock(Inline(heading.Groups["text"].Value, headingStyle)) { SpaceBefore = style.ParagraphSpacing / 2, SpaceAfter = style.ParagraphSpacing / 2 });
            }
            else if (items.Count > 0 && raw.StartsWith("  ", StringComparison.Ordinal))
            {
                items[^1] += " " + line; // continuation of a list item
            }
            else
            {
                FlushList();
                if (paragraph.Length > 0)
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(line);
            }
        }

        FlushParagraph();
        FlushList();
        return blocks;
    }

    /// <summary>Spans for one paragraph's inline emphasis. Unmatched markers are kept as literal characters.</summary>
    public static List<TextSpan> Inline(string text, TextStyle style)
    {
        var spans = new List<TextSpan>();
        var buffer = new StringBuilder();
        var bold = false;
        var italic = false;
        var italicMarker = '\0';

        void Flush()
        {
            if (buffer.Length > 0)
            {
                var s = style;
                if (bold)
                {
                    s = s.AsBold();
                }

                if (italic)
                {
                    s = s.AsItalic();
                }

                spans.Add(new TextSpan(buffer.ToString(), s));
                buffer.Clear();
            }
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '*' or '_' or '\\')
            {
                buffer.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                // "**" toggles bold when it closes an open run or a closing "**" exists later.
                if (bold || text.IndexOf("**", i + 2, StringComparison.Ordinal) > i + 2)
                {
                    Flush();
                    bold = !bold;
                    i += 2;
                    continue;
                }
            }
            else if (c is '*' or '_' && (italic ? c == italicMarker : CanOpenItalic(text, i)))
            {
                if (italic || HasClosing(text, i, c))
                {
                    Flush();
                    italic = !italic;
                    italicMarker = c;
                    i++;
                    continue;
                }
            }

            buffer.Append(c);
            i++;
        }

        Flush();
        return spans;
    }

    /// <summary>Text without Markdown emphasis markers (for plain-text contexts).</summary>
    public static string Plain(string? text, TextStyle? style = null) =>
        string.Concat(Inline(text ?? "", style ?? new TextStyle(10, SkiaSharp.SKColors.Black)).Select(s => s.Text));

    private static bool CanOpenItalic(string text, int i) =>
        i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])
        && (text[i] == '*' || i == 0 || !char.IsLetterOrDigit(text[i - 1])); // snake_case stays literal

    private static bool HasClosing(string text, int i, char marker)
    {
        for (var j = i + 2; j < text.Length; j++)
        {
            if (text[j] == marker && !char.IsWhiteSpace(text[j - 1])
                && (marker == '*' ? (j + 1 >= text.Length || text[j + 1] != '*') : (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[-*+•]\s+(?<text>.+)$")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+(?<text>.+)$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex HeadingPattern();
}
