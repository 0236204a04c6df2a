using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>A box around a stack; each piece of a split card is drawn as a box of its own.</summary>
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

/// <summary>Blocks side by side; kept together, or stacked full-width when taller than a page.</summary>
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
