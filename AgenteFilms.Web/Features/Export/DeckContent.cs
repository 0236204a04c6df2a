using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export.Layout;
using static AgenteFilms.Web.Features.Export.ExportTheme;
using static AgenteFilms.Web.Features.Export.PitchBlocks;

namespace AgenteFilms.Web.Features.Export;

/// <summary>One titled part of the deck; it starts on a new slide and continues on "(cont.)" slides.</summary>
internal sealed record DeckSection(string Title, IReadOnlyList<Block> Blocks, float Width)
{
    /// <summary>Centre the content vertically when it fits on one slide (statement slides).</summary>
    public bool Centered { get; init; }
}

/// <summary>What goes on the deck's content slides, section by section. Empty sections are left out.</summary>
internal static class DeckContent
{
    public static readonly PitchTypeScale Scale = new(Body: 14, Small: 10.5f, Name: 16, Label: 8, ParagraphSpacing: 10);

    private const int CardsPerRow = 3;

    public static IEnumerable<DeckSection> Sections(PitchDocument pitch, float fullWidth)
    {
        var proseWidth = Math.Min(fullWidth, 720);

        var hook = Hook(pitch, fullWidth);
        if (hook.Count > 0)
        {
            yield return new DeckSection("The hook", hook, fullWidth) { Centered = true };
        }

        if (Has(pitch.Synopsis))
        {
            yield return new DeckSection("Synopsis", MarkdownLite.Blocks(pitch.Synopsis, Scale.Prose), proseWidth);
        }

        if (pitch.Characters.Count > 0)
        {
            var cards = pitch.Characters.Select(c => (Block)CharacterCard(c, Scale, inlineLabels: false));
            yield return new DeckSection("Characters", Grid(cards, CardsPerRow, 12), fullWidth);
        }

        if (Has(pitch.WorldAndTone))
        {
            yield return new DeckSection("World & tone", MarkdownLite.Blocks(pitch.WorldAndTone, Scale.Prose), proseWidth);
        }

        if (pitch.Acts.Count > 0)
        {
            // One card per act, side by side, beats inside: reads as a structure chart. Rows too tall for a slide
            // fall back to full-width cards that continue on the next slide.
            var acts = pitch.Acts.OrderBy(a => a.Number).ToList();
            yield return new DeckSection("Structure", Grid(acts.Select(ActCard), Math.Min(CardsPerRow, acts.Count), 14), fullWidth);
        }

        if (pitch.Comparables.Count > 0)
        {
            List<Block> blocks = [ComparablesTable(pitch.Comparables, Scale, [1.3f, 3.4f, 1.6f])];
            if (HasUnverifiedFigures(pitch.Comparables))
            {
                blocks.Add(UnverifiedFootnote(Scale));
            }

            yield return new DeckSection("Comparables", blocks, fullWidth);
        }

        if (Has(pitch.AudienceAndMarket))
        {
            yield return new DeckSection("Audience & market", MarkdownLite.Blocks(pitch.AudienceAndMarket, Scale.Prose), proseWidth);
        }

        if (pitch.Casting.Count > 0)
        {
            yield return new DeckSection("Casting ideas", [AspirationalNote(Scale), CastingTable(pitch.Casting, Scale, [1.2f, 1.7f, 3.4f])], fullWidth);
        }

        if (Has(pitch.ProductionNotes) || Has(pitch.BudgetRange))
        {
            var blocks = new List<Block>();
            if (Has(pitch.BudgetRange))
            {
                blocks.Add(Callout(
                [
                    new ParagraphBlock([new TextSpan("BUDGET RANGE", Label(Scale.Label, Accent))]) { SpaceAfter = 2 },
                    new ParagraphBlock(MarkdownLite.Inline(pitch.BudgetRange.Trim(), Serif(20, Ink).AsBold() with { LineHeight = 1.25f })),
                ]) with { SpaceAfter = 16 });
            }

            blocks.AddRange(MarkdownLite.Blocks(pitch.ProductionNotes, Scale.Prose));
            yield return new DeckSection("Production & budget", blocks, proseWidth);
        }

        if (Has(pitch.WritersStatement))
        {
            var statement = new ProseStyle(Serif(15, Ink) with { LineHeight = 1.5f }, 12) { Marker = Serif(15, Accent) };
            yield return new DeckSection("Writer\u2019s statement", MarkdownLite.Blocks(pitch.WritersStatement, statement), proseWidth);
        }
    }

    private static List<Block> Hook(PitchDocument pitch, float width)
    {
        var blocks = new List<Block>();
        if (Has(pitch.Logline))
        {
            var logline = Serif(24, Ink).AsItalic() with { LineHeight = 1.32f };
            blocks.Add(new ParagraphBlock(MarkdownLite.Inline(Flatten(pitch.Logline), logline)) { SpaceAfter = 26 });
        }

        var facts = new (string Label, string Value)[]
        {
            ("Genre", pitch.Genre), ("Format", pitch.Format), ("Runtime", pitch.Runtime), ("Budget", pitch.BudgetRange),
        }.Where(f => Has(f.Value)).ToList();
        if (facts.Count > 0)
        {
            blocks.Add(new RuleBlock(Hairline) { SpaceAfter = 10 });
            blocks.Add(new ColumnsBlock(facts.Select(f => (Block)Fact(f.Label, f.Value)).ToList()) { Gap = 20, EqualHeights = false, SpaceAfter = 10 });
            blocks.Add(new RuleBlock(Hairline) { SpaceAfter = 18 });
        }

        var themes = pitch.Themes.Where(Has).Select(t => t.Trim()).ToList();
        if (themes.Count > 0)
        {
            blocks.Add(new ParagraphBlock([new TextSpan("THEMES", Label(Scale.Label, Muted))]) { SpaceAfter = 4, KeepWithNext = true });
            blocks.Add(new ParagraphBlock(MarkdownLite.Inline(string.Join("  \u00B7  ", themes), Serif(16, Accent) with { LineHeight = 1.4f })));
        }

        return blocks;
    }

    private static Block Fact(string label, string value) => new CardBlock(
    [
        new ParagraphBlock([new TextSpan(label.ToUpperInvariant(), Label(Scale.Label, Muted))]) { SpaceAfter = 2 },
        new ParagraphBlock(MarkdownLite.Inline(Flatten(value), Sans(13, Ink).AsBold() with { LineHeight = 1.3f })),
    ])
    { Padding = 0 };

    private static Block ActCard(PitchAct act)
    {
        var content = new List<Block>
        {
            new ParagraphBlock([new TextSpan(ActName(act.Number).ToUpperInvariant(), Label(Scale.Label, Accent))]) { SpaceAfter = 3 },
        };
        if (Has(act.Title))
        {
            content.Add(new HeadingBlock(act.Title.Trim(), Serif(17, Ink).AsBold() with { LineHeight = 1.2f }) { SpaceAfter = 6 });
        }

        content.AddRange(MarkdownLite.Blocks(act.Summary, Scale.SmallProse with { Body = Scale.SmallStyle.WithSize(11) }));
        if (act.Beats.Count > 0)
        {
            content.Add(new ParagraphBlock([new TextSpan("KEY BEATS", Label(Scale.Label, Muted))]) { SpaceBefore = 6, SpaceAfter = 3, KeepWithNext = true });
            content.Add(Beats(act, Scale, Sans(10, ExportTheme.Body) with { LineHeight = 1.36f }) with { Indent = 11, ItemSpacing = 4, SpaceAfter = 0 });
        }

        return Card(content, 14) with { AccentBar = Accent, AccentBarWidth = 3 };
    }
}
