using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>One drawing instruction on a page, in points from the page's top-left corner.</summary>
public abstract record DrawOp
{
    public abstract DrawOp Offset(float dx, float dy);
}

/// <summary>Text in one face, drawn at a baseline.</summary>
public sealed record TextOp(float X, float Baseline, string Text, FontFace Face, float Size, SKColor Color, float Width) : DrawOp
{
    public override DrawOp Offset(float dx, float dy) => this with { X = X + dx, Baseline = Baseline + dy };
}

public sealed record RectOp(SKRect Rect, SKColor? Fill, SKColor? Stroke = null, float StrokeWidth = 0, float Radius = 0) : DrawOp
{
    public override DrawOp Offset(float dx, float dy)
    {
        var r = Rect;
        r.Offset(dx, dy);
        return this with { Rect = r };
    }
}

public sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Color, float Width) : DrawOp
{
    public override DrawOp Offset(float dx, float dy) => new LineOp(X1 + dx, Y1 + dy, X2 + dx, Y2 + dy, Color, Width);
}

/// <summary>A finished page: its size and everything drawn on it.</summary>
public sealed record PageLayout(float Width, float Height, IReadOnlyList<DrawOp> Ops)
{
    /// <summary>The page's text in drawing order, one text op per line piece (for tests and diagnostics).</summary>
    public string Text => string.Join(" ", Ops.OfType<TextOp>().Select(t => t.Text.Trim()));
}
