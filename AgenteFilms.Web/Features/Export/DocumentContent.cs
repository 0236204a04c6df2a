using System.Globalization;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export.Layout;
using static AgenteFilms.Web.Features.Export.ExportTheme;
using static AgenteFilms.Web.Features.Export.PitchBlocks;

namespace AgenteFilms.Web.Features.Export;

/// <summary>One numbered chapter of the pitch document, listed in the table of contents.</summary>
internal sealed record DocumentSection(string Anchor, string Title, IReadOnlyList<Block> Blocks);

/// <summary>What goes into the long-form pitch document, chapter by chapter. Empty chapters are left out.</summary>
internal static class DocumentContent
{
    public static readonly PitchTypeScale Scale = new(Body: 10.5f, Small: 9.5f, Name: 13, Label: 7.5f, ParagraphSpacing: 8);

    public static List<DocumentSection> Sections(PitchDocument pitch)
    {
        var sections = new List<DocumentSection>();
        void Add(string anchor, string title, IReadOnlyList<Block> blocks)
        {
            if (blocks.Count > 0)
            {
                sections.Add(new DocumentSection(anchor, title, blocks));
            }
        }

        Add(PitchSections.Logline, "Logline", Has(pitch.Logline)
            ? [new ParagraphBlock(MarkdownLite.Inline(Flatten(pitch.Logline), Serif(14, Ink).AsItalic() with { LineHeight = 1.4f }))]
            : []);
        Add(PitchSections.Synopsis, "Synopsis", MarkdownLite.Blocks(pitch.Synopsis, Scale.Prose));
        Add(PitchSections.Characters, "Characters", Grid(pitch.Characters.Select(c => (Block)CharacterCard(c, Scale, inlineLabels: true)), 2, 10));
        Add(PitchSections.WorldAndTone, "World & tone", MarkdownLite.Blocks(pitch.WorldAndTone, Scale.Prose));

        var themes = pitch.Themes.Where(Has).ToList();
        Add(PitchSections.Themes, "Themes", themes.Count == 0 ? [] :
            [new BulletListBlock(themes.Select(t => (IReadOnlyList<TextSpan>)MarkdownLite.Inline(t.Trim(), Scale.BodyStyle)).ToList(), Scale.BodyStyle.WithColor(Accent)) { ItemSpacing = 3 }]);

        Add(PitchSections.Structure, "Structure", Structure(pitch.Acts));

        var comparables = new List<Block>();
        if (pitch.Comparables.Count > 0)
        {
            comparables.Add(ComparablesTable(pitch.Comparables, Scale, [1.4f, 3.2f, 1.7f]));
            if (HasUnverifiedFigures(pitch.Comparables))
            {
                comparables.Add(UnverifiedFootnote(Scale));
            }
        }

        Add(PitchSections.Comparables, "Comparables", comparables);
        Add(PitchSections.AudienceAndMarket, "Audience & market", MarkdownLite.Blocks(pitch.AudienceAndMarket, Scale.Prose));
        Add(PitchSections.Casting, "Casting ideas", pitch.Casting.Count == 0 ? [] :
            [AspirationalNote(Scale), CastingTable(pitch.Casting, Scale, [1.2f, 1.7f, 3.3f])]);

        var production = new List<Block>();
        if (Has(pitch.BudgetRange))
        {
            production.Add(Callout(
            [
                new ParagraphBlock([new TextSpan("BUDGET RANGE", Label(Scale.Label, Accent))]) { SpaceAfter = 2 },
                new ParagraphBlock(MarkdownLite.Inline(pitch.BudgetRange.Trim(), Serif(15, Ink).AsBold())),
            ]) with { SpaceAfter = 12 });
        }

        production.AddRange(MarkdownLite.Blocks(pitch.ProductionNotes, Scale.Prose));
        Add(PitchSections.ProductionNotes, "Production & budget", production);

        var statement = new ProseStyle(Serif(11.5f, Ink) with { LineHeight = 1.5f }, 9) { Marker = Serif(11.5f, Accent) };
        Add(PitchSections.WritersStatement, "Writer\u2019s statement", MarkdownLite.Blocks(pitch.WritersStatement, statement));
        return sections;
    }

    /// <summary>Chapter heading: a number in the accent colour and the title, kept with what follows.</summary>
    public static IEnumerable<Block> Chapter(DocumentSection section, int number)
    {
        yield return new HeadingBlock(
        [
            new TextSpan(number.ToString("00", CultureInfo.InvariantCulture) + "   ", Serif(20, Accent) with { LineHeight = 1.2f }),
            new TextSpan(section.Title, Serif(20, Ink).AsBold() with { LineHeight = 1.2f }),
        ])
        { Anchor = section.Anchor, SpaceBefore = 26, SpaceAfter = 6 };
        yield return new RuleBlock(Accent, 1.5f) { Width = 40, SpaceAfter = 14, KeepWithNext = true };
        foreach (var block in section.Blocks)
        {
            yield return block;
        }
    }

    private static List<Block> Structure(IReadOnlyList<PitchAct> acts)
    {
        var blocks = new List<Block>();
        foreach (var act in acts.OrderBy(a => a.Number))
        {
            blocks.Add(new HeadingBlock(ActHeading(act), Sans(12.5f, Ink).AsBold()) { SpaceBefore = 10, SpaceAfter = 5 });
            var summary = MarkdownLite.Blocks(act.Summary, Scale.Prose).ToList();
            if (act.Beats.Count > 0 && summary.Count > 0)
            {
                // Keep an act's summary with the start of its beats, so a page never ends between them.
                summary[^1] = summary[^1] with { KeepWithNext = true };
            }

            blocks.AddRange(summary);
            if (act.Beats.Count > 0)
            {
                blocks.Add(Beats(act, Scale, Scale.BodyStyle));
            }
        }

        return blocks;
    }
}
