using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>
/// A unit of flowing content. Space before a block is dropped at the top of a page; space between two blocks is
/// the previous block's <see cref="SpaceAfter"/> plus the next one's <see cref="SpaceBefore"/>.
/// </summary>
public abstract record Block
{
    public float SpaceBefore { get; init; }
    public float SpaceAfter { get; init; }

    /// <summary>Never end a page with this block: it moves to the next page with the start of the block after it.</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Start this block on a fresh page.</summary>
    public bool PageBreakBefore { get; init; }

    /// <summary>A name to look up the page this block lands on (tables of contents).</summary>
    public string? Anchor { get; init; }
}

/// <summary>Wrapped text; splits between lines across pages.</summary>
public record ParagraphBlock(IReadOnlyList<TextSpan> Spans) : Block
{
    public TextAlign Align { get; init; } = TextAlign.Left;

    /// <summary>Left inset of every line.</summary>
    public float Indent { get; init; }
}

/// <summary>A paragraph that is kept with what follows it, so it never sits alone at the foot of a page.</summary>
public sealed record HeadingBlock : ParagraphBlock
{
    public HeadingBlock(IReadOnlyList<TextSpan> spans)
        : base(spans)
    {
        KeepWithNext = true;
    }

    public HeadingBlock(string text, TextStyle style)
        : this([new TextSpan(text, style)])
    {
    }
}

/// <summary>A bulleted (or numbered, with <see cref="Numbered"/>) list; splits between lines.</summary>
public sealed record BulletListBlock(IReadOnlyList<IReadOnlyList<TextSpan>> Items, TextStyle MarkerStyle) : Block
{
    public string Bullet { get; init; } = "•";
    public bool Numbered { get; init; }
    public float Indent { get; init; } = 16;
    public float ItemSpacing { get; init; } = 3;
}

/// <summary>Relative width of a table column (weights are normalised to the table width).</summary>
public sealed record TableColumn(float Weight);

/// <summary>A table cell holds a stack of blocks.</summary>
public sealed record TableCell(IReadOnlyList<Block> Content)
{
    public static TableCell Text(string text, TextStyle style) => new([new ParagraphBlock([new TextSpan(text, style)])]);
}

public sealed record TableStyle
{
    public SKColor HeaderBackground { get; init; } = new(0x22, 0x26, 0x33);
    public SKColor? StripeBackground { get; init; } = new(0xF4, 0xF1, 0xEC);
    public SKColor RuleColor { get; init; } = new(0xDD, 0xD8, 0xCF);
    public float RuleWidth { get; init; } = 0.6f;
    public float CellPaddingX { get; init; } = 8;
    public float CellPaddingY { get; init; } = 6;
}

/// <summary>
/// A table: rows never split unless a single row is taller than a page; when a table breaks, the header row is
/// repeated on the next page.
/// </summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableCell>? Header, IReadOnlyList<IReadOnlyList<TableCell>> Rows) : Block
{
    public TableStyle Style { get; init; } = new();
}

/// <summary>
/// A box around blocks. Kept together: it moves to the next page when it would fit there; a card taller than a
/// page is split into pieces, each drawn as a box.
/// </summary>
public sealed record CardBlock(IReadOnlyList<Block> Content) : Block
{
    public SKColor? Background { get; init; }
    public SKColor? Border { get; init; }
    public float BorderWidth { get; init; } = 0.75f;
    public float CornerRadius { get; init; } = 6;
    public float Padding { get; init; } = 12;

    /// <summary>A coloured bar along the left edge (width 0 for none).</summary>
    public SKColor? AccentBar { get; init; }
    public float AccentBarWidth { get; init; } = 4;
}

/// <summary>
/// Blocks side by side (a grid row). Kept together; if the row is taller than a page its blocks are stacked
/// full-width instead, so they can split.
/// </summary>
public sealed record ColumnsBlock(IReadOnlyList<Block> Columns) : Block
{
    /// <summary>Relative widths; equal when null.</summary>
    public IReadOnlyList<float>? Weights { get; init; }
    public float Gap { get; init; } = 12;

    /// <summary>Stretch cards in the row to the height of the tallest.</summary>
    public bool EqualHeights { get; init; } = true;
}

/// <summary>A horizontal rule across the frame (or <see cref="Width"/> when set).</summary>
public sealed record RuleBlock(SKColor Color, float Thickness = 0.75f) : Block
{
    public float? Width { get; init; }
}

/// <summary>Vertical space that, unlike margins, is kept at the top of a page.</summary>
public sealed record SpacerBlock(float Height) : Block;
