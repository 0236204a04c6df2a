using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export.Layout;
using static AgenteFilms.Web.Features.Export.ExportTheme;

namespace AgenteFilms.Web.Features.Export;

/// <summary>Type sizes for one template; the building blocks below are shared by the deck and the document.</summary>
internal sealed record PitchTypeScale(float Body, float Small, float Name, float Label, float ParagraphSpacing)
{
    public TextStyle BodyStyle => Sans(Body, ExportTheme.Body) with { LineHeight = 1.42f };
    public TextStyle SmallStyle => Sans(Small, ExportTheme.Body) with { LineHeight = 1.38f };
    public ProseStyle Prose => new(BodyStyle, ParagraphSpacing) { Marker = BodyStyle.WithColor(Accent) };
    public ProseStyle SmallProse => new(SmallStyle with { LineHeight = 1.32f }, ParagraphSpacing * 0.5f) { Marker = SmallStyle.WithColor(Accent), ListIndent = 11 };
}

/// <summary>Blocks for the parts of a pitch that look the same in both templates.</summary>
internal static class PitchBlocks
{
    public const string Dagger = "\u2020";

    public static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

    public static string ActName(int number) => number switch
    {
        1 => "Act One",
        2 => "Act Two",
        3 => "Act Three",
        4 => "Act Four",
        5 => "Act Five",
        _ => $"Act {number}",
    };

    public static string ActHeading(PitchAct act) => Has(act.Title) ? $"{ActName(act.Number)} \u2014 {act.Title}" : ActName(act.Number);

    public static CardBlock CharacterCard(PitchCharacter character, PitchTypeScale scale, bool inlineLabels)
    {
        var content = new List<Block>
        {
            new HeadingBlock(Or(character.Name, "Unnamed"), Serif(scale.Name, Ink).AsBold() with { LineHeight = 1.15f }),
        };
        if (Has(character.Role))
        {
            content.Add(new ParagraphBlock(MarkdownLite.Inline(character.Role, Sans(scale.Small, Accent).AsItalic())));
        }

        AddTrait(content, "Wants", character.Want, scale, inlineLabels);
        AddTrait(content, "Needs", character.Need, scale, inlineLabels);
        AddTrait(content, "Arc", character.Arc, scale, inlineLabels);
        return Card(content, inlineLabels ? 12 : 11);
    }

    private static void AddTrait(List<Block> content, string label, string text, PitchTypeScale scale, bool inline)
    {
        if (!Has(text))
        {
            return;
        }

        if (inline)
        {
            var spans = new List<TextSpan> { new($"{label}. ", scale.SmallStyle.AsBold().WithColor(Ink)) };
            spans.AddRange(MarkdownLite.Inline(Flatten(text), scale.SmallStyle));
            content.Add(new ParagraphBlock(spans) { SpaceBefore = 4 });
            return;
        }

        content.Add(new HeadingBlock(label.ToUpperInvariant(), Label(scale.Label, Muted) with { LineHeight = 1.2f }) { SpaceBefore = 4, SpaceAfter = 0.5f });
        content.AddRange(MarkdownLite.Blocks(text, scale.SmallProse));
    }

    public static bool HasUnverifiedFigures(IEnumerable<Comparable> comparables) =>
        comparables.Any(c => Has(c.Figures) && !c.IsVerified);

    public static TableBlock ComparablesTable(IReadOnlyList<Comparable> comparables, PitchTypeScale scale, float[] weights)
    {
        var header = HeaderCells(scale, "Title", "Why it compares", "Figures");
        var rows = comparables.Select(c => (IReadOnlyList<TableCell>)
        [
            new TableCell(
            [
                new ParagraphBlock(MarkdownLite.Inline(Or(c.Title, "Untitled"), scale.SmallStyle.AsBold().WithColor(Ink))),
                .. c.Year is { } year ? [new ParagraphBlock([new TextSpan(year.ToString(System.Globalization.CultureInfo.InvariantCulture), scale.SmallStyle.WithColor(Muted))])] : Array.Empty<Block>(),
            ]),
            new TableCell(MarkdownLite.Blocks(c.Why, scale.SmallProse)),
            new TableCell(FigureCell(c, scale)),
        ]).ToList();
        return new TableBlock(weights.Select(w => new TableColumn(w)).ToList(), header, rows) { Style = Table, SpaceAfter = 6 };
    }

    private static List<Block> FigureCell(Comparable comparable, PitchTypeScale scale)
    {
        if (!Has(comparable.Figures))
        {
            // No figures, but a source is still information the producer should see: never drop it.
            return comparable.IsVerified
                ? [new ParagraphBlock([new TextSpan("\u2014", scale.SmallStyle.WithColor(Muted))]), SourceLine(comparable, scale)]
                : [new ParagraphBlock([new TextSpan("\u2014", scale.SmallStyle.WithColor(Muted))])];
        }

        var figures = new List<TextSpan>(MarkdownLite.Inline(Flatten(comparable.Figures!), scale.SmallStyle));
        if (!comparable.IsVerified)
        {
            figures.Add(new TextSpan(Dagger, scale.SmallStyle.AsBold().WithColor(Accent)));
            return
            [
                new ParagraphBlock(figures),
                new ParagraphBlock([new TextSpan("unverified", Sans(scale.Label, Accent).AsItalic())]) { SpaceBefore = 1 },
            ];
        }

        return [new ParagraphBlock(figures), SourceLine(comparable, scale)];
    }

    private static ParagraphBlock SourceLine(Comparable comparable, PitchTypeScale scale) =>
        new([new TextSpan("Source: ", Sans(scale.Label, Muted).AsBold()), new TextSpan(comparable.Source!.Trim(), Sans(scale.Label, Muted))]) { SpaceBefore = 1 };

    public static ParagraphBlock UnverifiedFootnote(PitchTypeScale scale) => new(
    [
        new TextSpan(Dagger + " Unverified: ", Sans(scale.Label + 0.5f, Accent).AsBold()),
        new TextSpan("no source was given for these figures. Treat them as indicative until checked.", Sans(scale.Label + 0.5f, Muted).AsItalic()),
    ])
    { SpaceBefore = 4, SpaceAfter = 10 };

    public static CardBlock AspirationalNote(PitchTypeScale scale) => Callout(
    [
        new ParagraphBlock(
        [
            new TextSpan("Aspirational \u2014 no one is attached. ", scale.SmallStyle.AsBold().WithColor(Ink)),
            new TextSpan("These names show the calibre and spirit of casting we would pursue; none has been approached.", scale.SmallStyle),
        ]),
    ]) with { SpaceAfter = 12 };

    public static TableBlock CastingTable(IReadOnlyList<CastingIdea> casting, PitchTypeScale scale, float[] weights)
    {
        var header = HeaderCells(scale, "Role", "Ideas (aspirational)", "Why");
        var rows = casting.Select(c => (IReadOnlyList<TableCell>)
        [
            new TableCell([new ParagraphBlock(MarkdownLite.Inline(Or(c.Character, "\u2014"), scale.SmallStyle.AsBold().WithColor(Ink)))]),
            new TableCell(c.Suggestions.Count == 0
                ? [new ParagraphBlock([new TextSpan("\u2014", scale.SmallStyle.WithColor(Muted))])]
                : [new BulletListBlock(c.Suggestions.Select(s => (IReadOnlyList<TextSpan>)MarkdownLite.Inline(s, scale.SmallStyle)).ToList(), scale.SmallStyle.WithColor(Accent)) { Indent = 10, ItemSpacing = 1 }]),
            new TableCell(MarkdownLite.Blocks(c.Rationale, scale.SmallProse)),
        ]).ToList();
        return new TableBlock(weights.Select(w => new TableColumn(w)).ToList(), header, rows) { Style = Table };
    }

    public static BulletListBlock Beats(PitchAct act, PitchTypeScale scale, TextStyle body) => new(
        act.Beats.Select(b =>
        {
            var spans = new List<TextSpan>();
            if (Has(b.Name))
            {
                spans.Add(new TextSpan(b.Name.Trim(), body.AsBold().WithColor(Ink)));
                if (Has(b.Description))
                {
                    spans.Add(new TextSpan(" \u2014 ", body));
                }
            }

            spans.AddRange(MarkdownLite.Inline(Flatten(b.Description), body));
            return (IReadOnlyList<TextSpan>)spans;
        }).ToList(),
        body.WithColor(Accent))
    {
        ItemSpacing = scale.ParagraphSpacing * 0.5f,
        SpaceAfter = scale.ParagraphSpacing,
    };

    public static string Or(string? text, string fallback) => Has(text) ? text!.Trim() : fallback;

    /// <summary>Joins a multi-paragraph field into one paragraph for places that hold a single line of prose.</summary>
    public static string Flatten(string? text) =>
        string.Join(' ', (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l));

    /// <summary>Cards in rows of <paramref name="perRow"/>; a short last row keeps the same column width.</summary>
    public static List<Block> Grid(IEnumerable<Block> items, int perRow, float gap)
    {
        var rows = new List<Block>();
        foreach (var chunk in items.Chunk(perRow))
        {
            var columns = chunk.ToList();
            while (columns.Count < perRow)
            {
                columns.Add(new SpacerBlock(0));
            }

            rows.Add(new ColumnsBlock(columns) { Gap = gap, SpaceAfter = gap });
        }

        return rows;
    }

    private static List<TableCell> HeaderCells(PitchTypeScale scale, params string[] titles) =>
        titles.Select(t => TableCell.Text(t.ToUpperInvariant(), Label(scale.Label, White))).ToList();
}
