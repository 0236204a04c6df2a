using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>
/// Content flowed into frames: one list of draw operations per frame, the height used in each frame, and the
/// frame each anchor landed in.
/// </summary>
public sealed record FlowResult(IReadOnlyList<IReadOnlyList<DrawOp>> Frames, IReadOnlyList<float> UsedHeights, IReadOnlyDictionary<string, int> Anchors);

/// <summary>
/// One layout job: measures text, breaks lines, lays out blocks and paginates them into frames of a fixed size.
/// Holds per-job caches (SKFont objects, which are not thread-safe), so create one per export and dispose it;
/// typefaces come from the shared <see cref="FontRegistry"/>.
/// </summary>
public sealed class LayoutContext : IDisposable
{
    private readonly Dictionary<(FontFace Face, float Size), SKFont> _fonts = [];
    private readonly Dictionary<(FontFace Face, float Size), (float Ascent, float Descent)> _metrics = [];
    private readonly Dictionary<(FontFace Face, float Size, string Text), float> _widths = [];
    private readonly LineBreaker _breaker;

    public LayoutContext(FontRegistry fonts)
    {
        Fonts = fonts;
        _breaker = new LineBreaker(this);
    }

    public FontRegistry Fonts { get; }

    /// <summary>Advance width of <paramref name="text"/> without kerning, which is how the PDF draws it.</summary>
    public float Measure(FontFace face, float size, string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (_widths.TryGetValue((face, size, text), out var width))
        {
            return width;
        }

        width = Font(face, size).MeasureText(text);
        if (text.Length <= 24)
        {
            _widths[(face, size, text)] = width;
        }

        return width;
    }

    /// <summary>Width of text in a style, with per-character font fallback.</summary>
    public float Measure(string text, TextStyle style)
    {
        var lines = _breaker.Break([new TextSpan(text.Replace('\n', ' '), style)], float.MaxValue);
        return lines.Max(l => l.Width);
    }

    /// <summary>
    /// The text shortened with an ellipsis to fit one line of <paramref name="width"/>. Only for running
    /// headers and footers that repeat text shown in full elsewhere; body text always wraps.
    /// </summary>
    public string Ellipsize(string text, TextStyle style, float width)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (Measure(text, style) <= width)
        {
            return text;
        }

        // Largest number of whole text elements that fit with the ellipsis (binary search; widths grow with length).
        var starts = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        string Prefix(int count) => text[..starts[count]].TrimEnd() + "\u2026";
        int low = 0, high = starts.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Measure(Prefix(mid), style) <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return Prefix(low);
    }

    /// <summary>Ascent and descent as positive distances from the baseline.</summary>
    public (float Ascent, float Descent) Metrics(FontFace face, float size)
    {
        if (!_metrics.TryGetValue((face, size), out var m))
        {
            var metrics = Font(face, size).Metrics;
            m = (-metrics.Ascent, metrics.Descent);
            _metrics[(face, size)] = m;
        }

        return m;
    }

    /// <summary>Height of a block laid out at <paramref name="width"/> (without its outer spacing).</summary>
    public float MeasureHeight(Block block, float width) => Lay(block, width).Height;

    /// <summary>Lays out one block at a width and emits it at a position, ignoring pagination (covers, footers).</summary>
    public float Draw(Block block, List<DrawOp> ops, float x, float y, float width)
    {
        var laid = Lay(block, width);
        laid.Emit(ops, x, y);
        return laid.Height;
    }

    /// <summary>
    /// Flows blocks into as many frames of <paramref name="width"/> × <paramref name="height"/> as needed. Nothing is
    /// clipped or dropped: what does not fit moves to the next frame. Headings stay with what follows them, cards
    /// and grid rows move whole when they fit on a fresh frame and split when they cannot.
    /// </summary>
    public FlowResult Flow(IReadOnlyList<Block> blocks, float width, float height) =>
        Paginator.Flow(blocks.Select(b => Lay(b, width)).ToList(), height);

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        _fonts.Clear();
    }

    internal SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = CreateFont(face.Typeface, size);
            _fonts[(face, size)] = font;
        }

        return font;
    }

    /// <summary>Unhinted, subpixel metrics: the advances the PDF uses, so measured lines match drawn ones.</summary>
    internal static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    internal Laid Lay(Block block, float width)
    {
        Laid laid = block switch
        {
            ParagraphBlock p => LayParagraph(p, width),
            BulletListBlock list => LayList(list, width),
            CardBlock card => LayCard(card, width),
            ColumnsBlock columns => LayColumns(columns, width),
            TableBlock table => LayTable(table, width),
            RuleBlock rule => LayRule(rule, width),
            SpacerBlock spacer => new LaidAtom(spacer.Height, static (_, _, _) => { }),
            _ => throw new NotSupportedException($"Unknown block {block.GetType().Name}"),
        };

        laid.SpaceBefore = block.SpaceBefore;
        laid.SpaceAfter = block.SpaceAfter;
        laid.KeepWithNext = block.KeepWithNext;
        laid.PageBreakBefore = block.PageBreakBefore;
        laid.Anchor = block.Anchor;
        return laid;
    }

    private LaidLines LayParagraph(ParagraphBlock paragraph, float width)
    {
        var available = width - paragraph.Indent;
        var lines = _breaker.Break(paragraph.Spans, available);
        for (var i = 0; i < lines.Count; i++)
        {
            var shift = paragraph.Align switch
            {
                TextAlign.Center => (available - lines[i].Width) / 2,
                TextAlign.Right => available - lines[i].Width,
                _ => 0,
            };
            lines[i] = lines[i].Shifted(paragraph.Indent + Math.Max(0, shift));
        }

        return new LaidLines(lines);
    }

    private LaidLines LayList(BulletListBlock list, float width)
    {
        var all = new List<TextLine>();
        var markerFace = Fonts.Get(list.MarkerStyle);
        for (var item = 0; item < list.Items.Count; item++)
        {
            var lines = _breaker.Break(list.Items[item], width - list.Indent);
            var marker = list.Numbered ? $"{item + 1}." : list.Bullet;
            var markerWidth = Measure(markerFace, list.MarkerStyle.Size, marker);
            var markerX = list.Numbered ? Math.Max(0, list.Indent - markerWidth - 5) : 0;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i].Shifted(list.Indent);
                if (i == 0)
                {
                    line.Runs.Insert(0, new GlyphRun(marker, markerFace, list.MarkerStyle.Size, list.MarkerStyle.Color, markerX, markerWidth));
                    line.GapBefore = item > 0 ? list.ItemSpacing : 0;
                }

                all.Add(line);
            }
        }

        return new LaidLines(all);
    }

    private LaidStack LayStack(IReadOnlyList<Block> blocks, float width) => new(blocks.Select(b => Lay(b, width)).ToList());

    private LaidCard LayCard(CardBlock card, float width)
    {
        var inner = width - LaidCard.ContentInset(card) - card.Padding;
        return new LaidCard(card, LayStack(card.Content, inner), width);
    }

    private LaidColumns LayColumns(ColumnsBlock columns, float width)
    {
        var count = columns.Columns.Count;
        var weights = columns.Weights ?? Enumerable.Repeat(1f, count).ToList();
        var total = weights.Take(count).Sum();
        var free = width - columns.Gap * Math.Max(0, count - 1);
        var laid = new List<(Laid, float)>();
        float x = 0;
        for (var i = 0; i < count; i++)
        {
            var w = free * weights[i] / total;
            laid.Add((Lay(columns.Columns[i], w), x));
            x += w + columns.Gap;
        }

        return new LaidColumns(laid, columns.EqualHeights, () =>
        {
            var stacked = columns.Columns.Select(b => Lay(b with { SpaceBefore = b.SpaceBefore + columns.Gap / 2 }, width)).ToList();
            return new LaidStack(stacked);
        });
    }

    private LaidTable LayTable(TableBlock table, float width)
    {
        var total = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => width * c.Weight / total).ToArray();
        var xs = new float[widths.Length];
        for (var i = 1; i < xs.Length; i++)
        {
            xs[i] = xs[i - 1] + widths[i - 1];
        }

        LaidTable.Row LayRow(IReadOnlyList<TableCell> cells, int index) => new(
            cells.Take(widths.Length).Select((cell, c) => LayStack(cell.Content, widths[c] - 2 * table.Style.CellPaddingX)).ToList(),
            table.Style.CellPaddingY,
            index);

        var header = table.Header is null ? null : LayRow(table.Header, -1);
        var rows = table.Rows.Select(LayRow).ToList();
        return new LaidTable(table.Style, xs, widths, width, header, rows);
    }

    private static LaidAtom LayRule(RuleBlock rule, float width)
    {
        var length = rule.Width ?? width;
        return new LaidAtom(rule.Thickness, (ops, x, y) =>
            ops.Add(new LineOp(x, y + rule.Thickness / 2, x + length, y + rule.Thickness / 2, rule.Color, rule.Thickness)));
    }
}
