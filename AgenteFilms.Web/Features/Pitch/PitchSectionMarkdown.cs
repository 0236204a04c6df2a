using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Pitch;

/// <summary>
/// One section of a pitch as the Markdown the writer sees and edits (the body under the section's heading in
/// <see cref="PitchMarkdown"/>), and back. Prose sections are kept verbatim; list-shaped sections (characters, acts,
/// themes, comparables, casting) are read with the agents' <see cref="PitchMarkdownParser"/>, so they must keep its layout.
/// </summary>
public static class PitchSectionMarkdown
{
    /// <summary>The sections shown as cards, in reading order. Title and overview head the panel instead.</summary>
    public static readonly IReadOnlyList<string> CardOrder =
    [
        PitchSections.Logline, PitchSections.Synopsis, PitchSections.Characters, PitchSections.WorldAndTone,
        PitchSections.Structure, PitchSections.Themes, PitchSections.Comparables, PitchSections.AudienceAndMarket,
        PitchSections.Casting, PitchSections.ProductionNotes, PitchSections.WritersStatement,
    ];

    public static string Label(string section) => section switch
    {
        PitchSections.Title => "Title",
        PitchSections.Logline => "Logline",
        PitchSections.Overview => "Overview",
        PitchSections.Synopsis => "Synopsis",
        PitchSections.Characters => "Characters",
        PitchSections.WorldAndTone => "World & tone",
        PitchSections.Structure => "Structure",
        PitchSections.Themes => "Themes",
        PitchSections.Comparables => "Comparables",
        PitchSections.AudienceAndMarket => "Audience & market",
        PitchSections.Casting => "Casting ideas",
        PitchSections.ProductionNotes => "Production & budget",
        PitchSections.WritersStatement => "Writer's statement",
        _ => section,
    };

    /// <summary>The section's body as Markdown, without its heading.</summary>
    public static string Render(PitchDocument pitch, string section)
    {
        switch (section)
        {
            case PitchSections.Title:
                return pitch.Title;
            case PitchSections.Logline:
                return pitch.Logline.Trim();
        }
        var only = PitchSectionMap.CopySection(pitch, new PitchDocument { Title = "-" }, section);
        var lines = PitchMarkdown.Render(only).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // Skip the "# -" title line, and for a headed section everything up to its "## " heading.
        var start = section == PitchSections.Overview
            ? 1
            : Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal)) + 1;
        return start <= 0 ? "" : string.Join('\n', lines[start..]).Trim();
    }

    /// <summary>
    /// <paramref name="current"/> with <paramref name="section"/> replaced by what <paramref name="markdown"/> says.
    /// Throws <see cref="InputValidationException"/> when the text cannot be read as that section.
    /// </summary>
    public static PitchDocument Apply(PitchDocument current, string section, string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Split('\n').Any(l => l.StartsWith("# ", StringComparison.Ordinal) || l.StartsWith("## ", StringComparison.Ordinal)))
        {
            throw new InputValidationException("markdown", "Use ### or smaller headings inside a section: # and ## start new sections.");
        }
        var updated = section switch
        {
            PitchSections.Title => current with { Title = OneLine(text) },
            PitchSections.Logline => current with { Logline = OneLine(string.Join(' ', text.Split('\n').Select(l => l.TrimStart('>', ' ')))) },
            PitchSections.Synopsis => current with { Synopsis = text },
            PitchSections.WorldAndTone => current with { WorldAndTone = text },
            PitchSections.AudienceAndMarket => current with { AudienceAndMarket = text },
            PitchSections.WritersStatement => current with { WritersStatement = text },
            PitchSections.Overview => Parsed(current, section, $"# -\n\n{text}\n"),
            _ => Parsed(current, section, $"# -\n\n## {Heading(section)}\n\n{text}\n"),
        };
        if (section == PitchSections.Title && text.Length == 0)
        {
            throw new InputValidationException("markdown", "The title cannot be empty.");
        }
        if (text.Length > 0 && PitchSectionMap.IsEmpty(updated, section))
        {
            throw new InputValidationException("markdown", $"Nothing in the text could be read as {Label(section).ToLowerInvariant()}: keep the layout the section had ({Hint(section)}).");
        }
        return updated;
    }

    private static PitchDocument Parsed(PitchDocument current, string section, string document)
    {
        var parsed = PitchMarkdownParser.Parse(document) ?? new PitchDocument();
        if (section == PitchSections.ProductionNotes)
        {
            // The parser joins the notes' lines into paragraphs; keep the writer's text as written instead.
            var lines = document.Split('\n').SkipWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Skip(1)
                .Where(l => !l.TrimStart().StartsWith("**Budget", StringComparison.OrdinalIgnoreCase));
            parsed = parsed with { ProductionNotes = string.Join('\n', lines).Trim() };
        }
        return PitchSectionMap.CopySection(parsed, current, section);
    }

    private static string Heading(string section) => section switch
    {
        PitchSections.Characters => PitchMarkdown.CharactersHeading,
        PitchSections.Structure => PitchMarkdown.StructureHeading,
        PitchSections.Themes => PitchMarkdown.ThemesHeading,
        PitchSections.Comparables => PitchMarkdown.ComparablesHeading,
        PitchSections.Casting => PitchMarkdown.CastingHeading,
        PitchSections.ProductionNotes => PitchMarkdown.ProductionHeading,
        _ => throw new InputValidationException("section", $"Unknown section '{section}'."),
    };

    private static string Hint(string section) => section switch
    {
        PitchSections.Characters => "### Name — role, then - **Want:** / - **Need:** / - **Arc:**",
        PitchSections.Structure => "### Act 1: title, a summary line, then - **Beat:** description",
        PitchSections.Themes => "one theme per - bullet",
        PitchSections.Comparables => "- **Title** (year) — why",
        PitchSections.Casting => "- **Character:** names, comma-separated — rationale",
        PitchSections.Overview => "**Genre:** … · **Format:** … · **Runtime:** …",
        _ => "plain text",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
