using System.Globalization;
using System.Text;
using AgenteFilms.Agents.Pitch;
using static AgenteFilms.Web.Features.Export.PitchBlocks;

namespace AgenteFilms.Web.Features.Export;

/// <summary>
/// The pitch as one Markdown file. Text fields are Markdown already and pass through; tables escape pipes.
/// (A pitch Markdown renderer in AgenteFilms.Agents/Pitch should replace this once it exists.)
/// </summary>
public sealed class MarkdownExporter
{
    public string Export(PitchDocument pitch)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Or(pitch.Title, "Untitled pitch")).Append("\n\n");
        if (Has(pitch.Logline))
        {
            md.Append("> ").Append(Flatten(pitch.Logline)).Append("\n\n");
        }

        foreach (var (label, value) in new[] { ("Genre", pitch.Genre), ("Format", pitch.Format), ("Runtime", pitch.Runtime), ("Budget range", pitch.BudgetRange) })
        {
            if (Has(value))
            {
                md.Append("- **").Append(label).Append(":** ").Append(Flatten(value)).Append('\n');
            }
        }

        md.Append('\n');
        Section(md, "Synopsis", pitch.Synopsis);

        if (pitch.Characters.Count > 0)
        {
            md.Append("## Characters\n\n");
            foreach (var c in pitch.Characters)
            {
                md.Append("### ").Append(Or(c.Name, "Unnamed"));
                if (Has(c.Role))
                {
                    md.Append(" — ").Append(Flatten(c.Role));
                }

                md.Append("\n\n");
                Trait(md, "Wants", c.Want);
                Trait(md, "Needs", c.Need);
                Trait(md, "Arc", c.Arc);
                md.Append('\n');
            }
        }

        Section(md, "World & tone", pitch.WorldAndTone);
        if (pitch.Themes.Any(Has))
        {
            md.Append("## Themes\n\n");
            foreach (var theme in pitch.Themes.Where(Has))
            {
                md.Append("- ").Append(Flatten(theme)).Append('\n');
            }

            md.Append('\n');
        }

        if (pitch.Acts.Count > 0)
        {
            md.Append("## Structure\n\n");
            foreach (var act in pitch.Acts.OrderBy(a => a.Number))
            {
                md.Append("### ").Append(ActHeading(act)).Append("\n\n");
                if (Has(act.Summary))
                {
                    md.Append(act.Summary.Trim()).Append("\n\n");
                }

                foreach (var beat in act.Beats)
                {
                    md.Append("- **").Append(Or(beat.Name, "Beat")).Append("** — ").Append(Flatten(beat.Description)).Append('\n');
                }

                md.Append('\n');
            }
        }

        if (pitch.Comparables.Count > 0)
        {
            md.Append("## Comparables\n\n| Title | Year | Why it compares | Figures |\n|---|---|---|---|\n");
            foreach (var c in pitch.Comparables)
            {
                var figures = !Has(c.Figures) ? "—"
                    : c.IsVerified ? $"{Flatten(c.Figures)} (source: {Flatten(c.Source)})"
                    : $"{Flatten(c.Figures)} {Dagger} *unverified*";
                md.Append("| ").Append(Cell(c.Title)).Append(" | ").Append(c.Year?.ToString(CultureInfo.InvariantCulture) ?? "")
                    .Append(" | ").Append(Cell(c.Why)).Append(" | ").Append(Cell(figures)).Append(" |\n");
            }

            md.Append('\n');
            if (HasUnverifiedFigures(pitch.Comparables))
            {
                md.Append(Dagger).Append(" Unverified: no source was given for these figures. Treat them as indicative until checked.\n\n");
            }
        }

        Section(md, "Audience & market", pitch.AudienceAndMarket);
        if (pitch.Casting.Count > 0)
        {
            md.Append("## Casting ideas\n\n*Aspirational — no one is attached.*\n\n");
            foreach (var idea in pitch.Casting)
            {
                md.Append("- **").Append(Or(idea.Character, "Role")).Append(":** ").Append(string.Join(", ", idea.Suggestions));
                if (Has(idea.Rationale))
                {
                    md.Append(" — ").Append(Flatten(idea.Rationale));
                }

                md.Append('\n');
            }

            md.Append('\n');
        }

        Section(md, "Production notes", pitch.ProductionNotes);
        Section(md, "Budget range", pitch.BudgetRange);
        Section(md, "Writer’s statement", pitch.WritersStatement);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Section(StringBuilder md, string title, string? body)
    {
        if (Has(body))
        {
            md.Append("## ").Append(title).Append("\n\n").Append(body!.Replace("\r\n", "\n").Trim()).Append("\n\n");
        }
    }

    private static void Trait(StringBuilder md, string label, string? text)
    {
        if (Has(text))
        {
            md.Append("- **").Append(label).Append(":** ").Append(Flatten(text)).Append('\n');
        }
    }

    private static string Cell(string? text) => Flatten(text).Replace("|", "\\|", StringComparison.Ordinal);
}
