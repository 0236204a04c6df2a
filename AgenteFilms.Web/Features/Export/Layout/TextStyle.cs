using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>The two text families a template can ask for; the <see cref="FontRegistry"/> maps them to files.</summary>
public enum FontFamilyKind
{
    Sans,
    Serif,
}

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>How a run of text looks. Line height is a multiple of the font size.</summary>
public sealed record TextStyle(float Size, SKColor Color, FontFamilyKind Family = FontFamilyKind.Sans)
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public float LineHeight { get; init; } = 1.35f;

    public TextStyle AsBold() => this with { Bold = true };
    public TextStyle AsItalic() => this with { Italic = true };
    public TextStyle WithSize(float size) => this with { Size = size };
    public TextStyle WithColor(SKColor color) => this with { Color = color };
}

/// <summary>A piece of text in one style. Paragraphs are lists of spans.</summary>
public sealed record TextSpan(string Text, TextStyle Style);
