using AgenteFilms.Web.Features.Export.Layout;
using SkiaSharp;

namespace AgenteFilms.Web.Features.Export;

/// <summary>The palette and type scale shared by the deck and the document, so both read as one brand.</summary>
internal static class ExportTheme
{
    public static readonly SKColor Night = new(0x13, 0x15, 0x1D);
    public static readonly SKColor NightSoft = new(0x2A, 0x2E, 0x3B);
    public static readonly SKColor Paper = new(0xFB, 0xFA, 0xF7);
    public static readonly SKColor White = SKColors.White;
    public static readonly SKColor Ink = new(0x1B, 0x1E, 0x2B);
    public static readonly SKColor Body = new(0x34, 0x38, 0x48);
    public static readonly SKColor Muted = new(0x74, 0x77, 0x86);
    public static readonly SKColor Hairline = new(0xE3, 0xDF, 0xD6);
    public static readonly SKColor Accent = new(0xB8, 0x5A, 0x2B);
    public static readonly SKColor AccentLight = new(0xE9, 0xA9, 0x64);
    public static readonly SKColor AccentWash = new(0xFA, 0xEF, 0xE3);
    public static readonly SKColor CoverText = new(0xD9, 0xDB, 0xE3);

    public static TextStyle Sans(float size, SKColor color) => new(size, color);

    public static TextStyle Serif(float size, SKColor color) => new(size, color, FontFamilyKind.Serif);

    /// <summary>Small capitals-style labels ("WANTS", "BUDGET RANGE").</summary>
    public static TextStyle Label(float size, SKColor color) => Sans(size, color).AsBold() with { LineHeight = 1.3f };

    public static CardBlock Card(IReadOnlyList<Block> content, float padding = 12) => new(content)
    {
        Background = White,
        Border = Hairline,
        CornerRadius = 6,
        Padding = padding,
    };

    public static CardBlock Callout(IReadOnlyList<Block> content) => new(content)
    {
        Background = AccentWash,
        AccentBar = Accent,
        AccentBarWidth = 3,
        CornerRadius = 4,
        Padding = 10,
    };

    public static TableStyle Table => new()
    {
        HeaderBackground = NightSoft,
        StripeBackground = new SKColor(0xF5, 0xF2, 0xEC),
        RuleColor = Hairline,
        CellPaddingX = 8,
        CellPaddingY = 6,
    };
}
