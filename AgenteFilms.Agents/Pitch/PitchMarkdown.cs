using System.Globalization;
using System.Text;

namespace AgenteFilms.Agents.Pitch;

/// <summary>
/// Renders a <see cref="PitchDocument"/> as Markdown (the long-form document, and what a model is asked to write when
/// it cannot give JSON). <see cref="PitchMarkdownParser"/> reads this layout back.
/// </summary>
public static class PitchMarkdown
{
    public const string SynopsisHeading = "Synopsis";
    public const string CharactersHeading = "Characters";
    public const string WorldHeading = "World and tone";
    public const string StructureHeading = "Structure";
    public const string ThemesHeading = "Themes";
    public const string ComparablesHeading = "Comparables";
    public const string AudienceHeading = "Audience and market";
    public const string CastingHeading = "Casting ideas";
    public const string ProductionHeading = "Production notes";
    public const string StatementHeading = "Writer's statement";

    /// <summary>Shown under the comparables: figures are illustrative until someone sources them.</summary>
    public const string UnverifiedNote = "Comparables are illustrative; figures are unverified unless a source is given.";

    public static string Render(PitchDocument pitch)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(pitch.Title).AppendLine();
        if (!string.IsNullOrWhiteSpace(pitch.Logline))
        {
            md.Append("> ").AppendLine(OneLine(pitch.Logline)).AppendLine();
        }
        var overview = new List<string>();
        AddField(overview, "Genre", pitch.Genre);
        AddField(overview, "Format", pitch.Format);
        AddField(overview, "Runtime", pitch.Runtime);
        if (overview.Count > 0)
        {
            md.AppendLine(string.Join(" · ", overview)).AppendLine();
        }

        Prose(md, SynopsisHeading, pitch.Synopsis);
        if (pitch.Characters.Count > 0)
        {
            md.Append("## ").AppendLine(CharactersHeading).AppendLine();
            foreach (var c in pitch.Characters)
            {
                md.Append("### ").Append(c.Name);
                if (!string.IsNullOrWhiteSpace(c.Role))
                {
                    md.Append(" — ").Append(c.Role);
                }
                md.AppendLine().AppendLine();
                md.Append("- **Want:** ").AppendLine(OneLine(c.Want));
                md.Append("- **Need:** ").AppendLine(OneLine(c.Need));
                md.Append("- **Arc:** ").AppendLine(OneLine(c.Arc)).AppendLine();
            }
        }
        Prose(md, WorldHeading, pitch.WorldAndTone);
        if (pitch.Acts.Count > 0)
        {
            md.Append("## ").AppendLine(StructureHeading).AppendLine();
            foreach (var act in pitch.Acts)
            {
                md.Append("### Act ").Append(act.Number.ToString(CultureInfo.InvariantCulture));
                if (!string.IsNullOrWhiteSpace(act.Title))
                {
                    md.Append(": ").Append(act.Title);
                }
                md.AppendLine().AppendLine();
                if (!string.IsNullOrWhiteSpace(act.Summary))
                {
                    md.AppendLine(OneLine(act.Summary)).AppendLine();
                }
                foreach (var beat in act.Beats)
                {
                    md.Append("- **").Append(beat.Name).Append(":** ").AppendLine(OneLine(beat.Description));
                }
                md.AppendLine();
            }
        }
        List(md, ThemesHeading, pitch.Themes);
        if (pitch.Comparables.Count > 0)
        {
            md.Append("## ").AppendLine(ComparablesHeading).AppendLine();
            md.Append('_').Append(UnverifiedNote).AppendLine("_").AppendLine();
            foreach (var c in pitch.Comparables)
            {
                md.Append("- **").Append(c.Title).Append("**");
                if (c.Year is { } year)
                {
                    md.Append(" (").Append(year.ToString(CultureInfo.InvariantCulture)).Append(')');
                }
                md.Append(" — ").Append(OneLine(c.Why));
                if (!string.IsNullOrWhiteSpace(c.Figures))
                {
                    md.Append(" Figures: ").Append(OneLine(c.Figures));
                    md.Append(c.IsVerified ? $" (source: {c.Source})" : " (unverified)");
                }
                md.AppendLine();
            }
            md.AppendLine();
        }
        Prose(md, AudienceHeading, pitch.AudienceAndMarket);
        if (pitch.Casting.Count > 0)
        {
            md.Append("## ").AppendLine(CastingHeading).AppendLine();
            md.Append('_').Append(CastingReport.AspirationalNote).AppendLine("_").AppendLine();
            foreach (var idea in pitch.Casting)
            {
                md.Append("- **").Append(idea.Character).Append(":** ").Append(string.Join(", ", idea.Suggestions));
                if (!string.IsNullOrWhiteSpace(idea.Rationale))
                {
                    md.Append(" — ").Append(OneLine(idea.Rationale));
                }
                md.AppendLine();
            }
            md.AppendLine();
        }
        if (!string.IsNullOrWhiteSpace(pitch.ProductionNotes) || !string.IsNullOrWhiteSpace(pitch.BudgetRange))
        {
            md.Append("## ").AppendLine(ProductionHeading).AppendLine();
            if (!string.IsNullOrWhiteSpace(pitch.BudgetRange))
            {
                md.Append("**Budget range:** ").AppendLine(OneLine(pitch.BudgetRange)).AppendLine();
            }
            if (!string.IsNullOrWhiteSpace(pitch.ProductionNotes))
            {
                md.AppendLine(pitch.ProductionNotes.Trim()).AppendLine();
            }
        }
        Prose(md, StatementHeading, pitch.WritersStatement);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void AddField(List<string> fields, string name, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add($"**{name}:** {OneLine(value)}");
        }
    }

    private static void Prose(StringBuilder md, string heading, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            md.Append("## ").AppendLine(heading).AppendLine().AppendLine(text.Trim()).AppendLine();
        }
    }

    private static void List(StringBuilder md, string heading, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            md.Append("## ").AppendLine(heading).AppendLine();
            foreach (var item in items)
            {
                md.Append("- ").AppendLine(OneLine(item));
            }
            md.AppendLine();
        }
    }

    // List items and block quotes are one line in this layout; a stray newline would end them early.
    private static string OneLine(string? text) => string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
