using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>A table whose rows move whole to the next page, repeating the header; only an over-tall row splits.</summary>
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
