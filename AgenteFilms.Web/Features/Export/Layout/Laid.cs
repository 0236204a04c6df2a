using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>
/// A block measured at a fixed width. Knows its height, how to split itself at a height (for pagination) and
/// how to emit draw operations at a position.
/// </summary>
internal abstract class Laid
{
    public float Height { get; protected set; }
    public float SpaceBefore { get; set; }
    public float SpaceAfter { get; set; }
    public bool KeepWithNext { get; set; }
    public bool KeepTogether { get; protected init; }
    public bool PageBreakBefore { get; set; }
    public string? Anchor { get; set; }

    /// <summary>The least that must fit below a keep-with-next block for it to stay on the page.</summary>
    public virtual float LeadHeight => Height;

    public abstract void Emit(List<DrawOp> ops, float x, float y);

    /// <summary>Emits the block drawn at least <paramref name="height"/> tall (cards in a grid row share a height).</summary>
    public virtual void EmitStretched(List<DrawOp> ops, float x, float y, float height) => Emit(ops, x, y);

    /// <summary>
    /// Splits so that the head is at most <paramref name="available"/> tall. With <paramref name="force"/> (the
    /// page is empty) the head must take something, so the flow always progresses. Null head: nothing fits.
    /// </summary>
    public abstract (Laid? Head, Laid? Tail) Split(float available, bool force);

    protected static (Laid? Head, Laid? Tail) Pieces(Laid original, Laid? head, Laid? tail)
    {
        if (head is not null)
        {
            head.SpaceBefore = original.SpaceBefore;
            head.Anchor = original.Anchor;
            head.PageBreakBefore = original.PageBreakBefore;
        }

        if (tail is not null)
        {
            tail.SpaceAfter = original.SpaceAfter;
            tail.KeepWithNext = original.KeepWithNext;
        }

        return (head, tail);
    }
}

internal sealed class LaidLines : Laid
{
    private readonly List<TextLine> _lines;

    public LaidLines(List<TextLine> lines)
    {
        _lines = lines;
        Height = HeightOf(lines.Count);
    }

    public IReadOnlyList<TextLine> Lines => _lines;

    // Orphan/widow control: a paragraph of four or more lines leaves at least two on each page.
    public override float LeadHeight => HeightOf(_lines.Count >= 4 ? 2 : Math.Min(1, _lines.Count));

    public override void Emit(List<DrawOp> ops, float x, float y)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (i > 0)
            {
                y += line.GapBefore;
            }

            foreach (var run in line.Runs)
            {
                ops.Add(new TextOp(x + run.X, y + line.Baseline, run.Text, run.Face, run.Size, run.Color, run.Width));
            }

            y += line.Height;
        }
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        var count = 0;
        float used = 0;
        while (count < _lines.Count)
        {
            var h = (count > 0 ? _lines[count].GapBefore : 0) + _lines[count].Height;
            if (used + h > available + 0.01f)
            {
                break;
            }

            used += h;
            count++;
        }

        if (count >= _lines.Count)
        {
            return (this, null);
        }

        if (_lines.Count >= 4)
        {
            if (count < 2)
            {
                count = 0;
            }
            else if (_lines.Count - count < 2)
            {
                count = _lines.Count - 2;
            }
        }

        if (count == 0)
        {
            if (!force)
            {
                return (null, this);
            }

            count = 1;
        }

        var tailLines = _lines.Skip(count).ToList();
        tailLines[0] = WithoutGap(tailLines[0]);
        return Pieces(this, new LaidLines(_lines.Take(count).ToList()), new LaidLines(tailLines));
    }

    private static TextLine WithoutGap(TextLine line)
    {
        var copy = line.Shifted(0);
        copy.GapBefore = 0;
        return copy;
    }

    private float HeightOf(int count)
    {
        float h = 0;
        for (var i = 0; i < count; i++)
        {
            h += (i > 0 ? _lines[i].GapBefore : 0) + _lines[i].Height;
        }

        return h;
    }
}

/// <summary>Blocks one under another (card content, table cells).</summary>
internal sealed class LaidStack : Laid
{
    private readonly List<Laid> _children;

    public LaidStack(List<Laid> children)
    {
        _children = children;
        float h = 0;
        for (var i = 0; i < children.Count; i++)
        {
            h += Gap(i) + children[i].Height;
        }

        Height = h;
    }

    public IReadOnlyList<Laid> Children => _children;

    public override float LeadHeight
    {
        get
        {
            if (_children.Count == 0)
            {
                return 0;
            }

            var first = _children[0];
            return first.KeepWithNext && _children.Count > 1
                ? first.Height + Gap(1) + _children[1].LeadHeight
                : first.KeepTogether ? first.Height : first.LeadHeight;
        }
    }

    public override void Emit(List<DrawOp> ops, float x, float y)
    {
        for (var i = 0; i < _children.Count; i++)
        {
            y += Gap(i);
            _children[i].Emit(ops, x, y);
            y += _children[i].Height;
        }
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        float y = 0;
        for (var i = 0; i < _children.Count; i++)
        {
            var child = _children[i];
            var gap = Gap(i);
            if (y + gap + child.Height <= available + 0.01f)
            {
                y += gap + child.Height;
                continue;
            }

            var head = _children.Take(i).ToList();
            var tail = new List<Laid>();
            var mustTake = force && head.Count == 0;
            var splittable = !(child.KeepTogether || child.KeepWithNext) || mustTake;
            var (childHead, childTail) = splittable ? child.Split(available - y - gap, mustTake) : (null, child);
            if (childHead is not null)
            {
                head.Add(childHead);
            }

            // A heading must not end the piece: move trailing keep-with-next blocks over, unless that empties it.
            while (childHead is null && head.Count > 1 && head[^1].KeepWithNext)
            {
                tail.Insert(0, head[^1]);
                head.RemoveAt(head.Count - 1);
            }

            if (childTail is not null)
            {
                tail.Add(childTail);
            }

            tail.AddRange(_children.Skip(i + 1));
            if (head.Count == 0)
            {
                return (null, this);
            }

            return Pieces(this, new LaidStack(head), tail.Count > 0 ? new LaidStack(tail) : null);
        }

        return (this, null);
    }

    private float Gap(int i) => i == 0 ? 0 : _children[i - 1].SpaceAfter + _children[i].SpaceBefore;
}

internal sealed class LaidCard : Laid
{
    private readonly CardBlock _style;
    private readonly LaidStack _content;
    private readonly float _width;

    public LaidCard(CardBlock style, LaidStack content, float width)
    {
        _style = style;
        _content = content;
        _width = width;
        Height = content.Height + 2 * style.Padding;
        KeepTogether = true;
    }

    internal static float ContentInset(CardBlock style) => style.Padding + (style.AccentBar is null ? 0 : style.AccentBarWidth);

    public override void Emit(List<DrawOp> ops, float x, float y) => EmitStretched(ops, x, y, Height);

    public override void EmitStretched(List<DrawOp> ops, float x, float y, float height)
    {
        var rect = new SKRect(x, y, x + _width, y + Math.Max(height, Height));
        if (_style.Background is not null || _style.Border is not null)
        {
            ops.Add(new RectOp(rect, _style.Background, _style.Border, _style.Border is null ? 0 : _style.BorderWidth, _style.CornerRadius));
        }

        if (_style.AccentBar is { } bar)
        {
            ops.Add(new RectOp(new SKRect(rect.Left, rect.Top, rect.Left + _style.AccentBarWidth, rect.Bottom), bar, null, 0, Math.Min(_style.CornerRadius, _style.AccentBarWidth / 2)));
        }

        _content.Emit(ops, x + ContentInset(_style), y + _style.Padding);
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        var (head, tail) = _content.Split(available - 2 * _style.Padding, force);
        if (head is null)
        {
            return (null, this);
        }

        return Pieces(this, new LaidCard(_style, (LaidStack)head, _width), tail is null ? null : new LaidCard(_style, (LaidStack)tail, _width));
    }
}

internal sealed class LaidColumns : Laid
{
    private readonly List<(Laid Child, float X)> _columns;
    private readonly bool _equalHeights;
    private readonly Func<Laid> _stacked;

    public LaidColumns(List<(Laid Child, float X)> columns, bool equalHeights, Func<Laid> stacked)
    {
        _columns = columns;
        _equalHeights = equalHeights;
        _stacked = stacked;
        Height = columns.Count == 0 ? 0 : columns.Max(c => c.Child.Height);
        KeepTogether = true;
    }

    public override void Emit(List<DrawOp> ops, float x, float y)
    {
        foreach (var (child, cx) in _columns)
        {
            if (_equalHeights)
            {
                child.EmitStretched(ops, x + cx, y, Height);
            }
            else
            {
                child.Emit(ops, x + cx, y);
            }
        }
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        if (!force)
        {
            return (null, this);
        }

        // Taller than a page: side by side cannot work, so lay the blocks out one under another, full width.
        var stacked = _stacked();
        stacked.SpaceBefore = SpaceBefore;
        stacked.SpaceAfter = SpaceAfter;
        stacked.Anchor = Anchor;
        stacked.KeepWithNext = KeepWithNext;
        return stacked.Split(available, force);
    }
}

internal sealed class LaidTable : Laid
{
    internal sealed class Row(List<LaidStack> cells, float paddingY, int index)
    {
        public List<LaidStack> Cells { get; } = cells;
        public int Index { get; } = index;
        public float PaddingY { get; } = paddingY;
        public float Height { get; } = (cells.Count == 0 ? 0 : cells.Max(c => c.Height)) + 2 * paddingY;

        public (Row? Head, Row Tail) Split(float available)
        {
            var heads = new List<LaidStack>();
            var tails = new List<LaidStack>();
            foreach (var cell in Cells)
            {
                var (h, t) = cell.Split(available - 2 * PaddingY, force: true);
                heads.Add((LaidStack?)h ?? new LaidStack([]));
                tails.Add((LaidStack?)t ?? new LaidStack([]));
            }

            return (new Row(heads, PaddingY, Index), new Row(tails, PaddingY, Index));
        }
    }

    private readonly TableStyle _style;
    private readonly float[] _columnX;
    private readonly float[] _columnWidths;
    private readonly float _width;
    private readonly Row? _header;
    private readonly List<Row> _rows;

    public LaidTable(TableStyle style, float[] columnX, float[] columnWidths, float width, Row? header, List<Row> rows)
    {
        _style = style;
        _columnX = columnX;
        _columnWidths = columnWidths;
        _width = width;
        _header = header;
        _rows = rows;
        Height = (header?.Height ?? 0) + rows.Sum(r => r.Height);
    }

    public override float LeadHeight => (_header?.Height ?? 0) + (_rows.Count > 0 ? _rows[0].Height : 0);

    public override void Emit(List<DrawOp> ops, float x, float y)
    {
        if (_header is not null)
        {
            ops.Add(new RectOp(new SKRect(x, y, x + _width, y + _header.Height), _style.HeaderBackground, null, 0, 3));
            EmitRow(ops, _header, x, y);
            y += _header.Height;
        }

        foreach (var row in _rows)
        {
            if (_style.StripeBackground is { } stripe && row.Index % 2 == 1)
            {
                ops.Add(new RectOp(new SKRect(x, y, x + _width, y + row.Height), stripe));
            }

            EmitRow(ops, row, x, y);
            y += row.Height;
            ops.Add(new LineOp(x, y, x + _width, y, _style.RuleColor, _style.RuleWidth));
        }
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        var headerHeight = _header?.Height ?? 0;
        var y = headerHeight;
        var count = 0;
        while (count < _rows.Count && y + _rows[count].Height <= available + 0.01f)
        {
            y += _rows[count].Height;
            count++;
        }

        if (count == _rows.Count)
        {
            return (this, null);
        }

        if (count > 0)
        {
            return Pieces(this, With(_rows.Take(count).ToList()), With(_rows.Skip(count).ToList()));
        }

        if (!force)
        {
            return (null, this);
        }

        // A single row taller than the page: split the row itself, cell by cell.
        var (rowHead, rowTail) = _rows[0].Split(available - headerHeight);
        return Pieces(this, With([rowHead!]), With([rowTail, .. _rows.Skip(1)]));
    }

    private LaidTable With(List<Row> rows) => new(_style, _columnX, _columnWidths, _width, _header, rows);

    private void EmitRow(List<DrawOp> ops, Row row, float x, float y)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            row.Cells[i].Emit(ops, x + _columnX[i] + _style.CellPaddingX, y + row.PaddingY);
        }
    }
}

/// <summary>An unsplittable block drawn by a callback (rules, spacers).</summary>
internal sealed class LaidAtom : Laid
{
    private readonly Action<List<DrawOp>, float, float> _emit;

    public LaidAtom(float height, Action<List<DrawOp>, float, float> emit)
    {
        Height = height;
        _emit = emit;
    }

    public override void Emit(List<DrawOp> ops, float x, float y) => _emit(ops, x, y);

    public override (Laid? Head, Laid? Tail) Split(float available, bool force) => force ? (this, null) : (null, this);
}
