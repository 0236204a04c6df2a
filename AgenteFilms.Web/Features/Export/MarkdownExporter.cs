using System.Text;
using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Web.Features.Export;

/// <summary>
/// The Markdown export: the pitch as the agents' own Markdown renderer writes it (one renderer, one format), with the
/// confidentiality notice as an italic line under the title, where a reader meets it first (the agents' Markdown
/// parser reads that line as preamble and ignores it).
/// </summary>
public sealed class MarkdownExporter
{
    public string Export(PitchDocument pitch, string? notice)
    {
        var markdown = PitchMarkdown.Render(pitch);
        if (string.IsNullOrWhiteSpace(notice))
        {
            return markdown;
        }

        var titleEnd = markdown.IndexOf('\n', StringComparison.Ordinal) + 1;
        return markdown[..titleEnd] + "\n*" + Escape(notice) + "*\n" + markdown[titleEnd..];
    }

    /// <summary>Backslash-escapes what Markdown would read as markup (an author name with underscores stays literal).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
