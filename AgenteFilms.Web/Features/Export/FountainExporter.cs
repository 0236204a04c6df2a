using System.Globalization;
using System.Text;
using AgenteFilms.Agents.Pitch;
using static AgenteFilms.Web.Features.Export.PitchBlocks;

namespace AgenteFilms.Web.Features.Export;

/// <summary>
/// Fountain (https://fountain.io) for screenwriting tools: a title page, then the outline as sections
/// (<c># ACT ONE</c>) and synopses (<c>= ...</c>) for act summaries and beats. A sample scene, already in Fountain,
/// is appended when one is given. The title page names the pitch's owner and the exported version's date, and carries
/// the confidentiality notice under Fountain's own <c>Copyright</c> key.
/// </summary>
public sealed class FountainExporter
{
    /// <param name="pitch">The pitch.</param>
    /// <param name="attribution">Whose pitch and which version: the title page's author and draft date.</param>
    /// <param name="notice">The confidentiality notice, or null for none.</param>
    /// <param name="sampleScene">A scene already in Fountain, appended after the outline.</param>
    public string Export(PitchDocument pitch, PitchAttribution attribution, string? notice, string? sampleScene = null)
    {
        var text = new StringBuilder();
        TitleKey(text, "Title", Or(pitch.Title, "Untitled"));
        TitleKey(text, "Credit", "Written by");
        TitleKey(text, "Author", Or(attribution.Author, PitchAttribution.UnknownAuthor));
        TitleKey(text, "Draft date", $"v{attribution.Version.ToString(CultureInfo.InvariantCulture)}, {attribution.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        TitleKey(text, "Contact", "Agente Films");
        if (Has(notice))
        {
            TitleKey(text, "Copyright", notice!);
        }
        text.Append('\n'); // a blank line ends the title page

        if (Has(pitch.Logline))
        {
            text.Append("= ").Append(OneLine(pitch.Logline)).Append("\n\n");
        }

        foreach (var act in pitch.Acts.OrderBy(a => a.Number))
        {
            var heading = ActName(act.Number).ToUpperInvariant();
            text.Append("# ").Append(heading);
            if (Has(act.Title))
            {
                text.Append(": ").Append(OneLine(act.Title));
            }

            text.Append("\n\n");
            if (Has(act.Summary))
            {
                text.Append("= ").Append(OneLine(act.Summary)).Append("\n\n");
            }

            foreach (var beat in act.Beats)
            {
                if (Has(beat.Name))
                {
                    text.Append("## ").Append(OneLine(beat.Name)).Append("\n\n");
                }

                if (Has(beat.Description))
                {
                    text.Append("= ").Append(OneLine(beat.Description)).Append("\n\n");
                }
            }
        }

        if (Has(sampleScene))
        {
            text.Append("# SAMPLE SCENE\n\n").Append(sampleScene!.Replace("\r\n", "\n").Trim()).Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void TitleKey(StringBuilder text, string key, string value)
    {
        var lines = value.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length <= 1)
        {
            text.Append(key).Append(": ").Append(lines.FirstOrDefault() ?? "").Append('\n');
            return;
        }

        // Multi-line values go on indented lines after the key.
        text.Append(key).Append(":\n");
        foreach (var line in lines)
        {
            text.Append("    ").Append(line).Append('\n');
        }
    }

    /// <summary>Synopses and sections are single lines in Fountain; Markdown bullets become running text.</summary>
    private static string OneLine(string text) => Flatten(text);
}
