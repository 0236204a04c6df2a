using AgenteFilms.Web.Features.Export.Layout;
using SkiaSharp;
using static AgenteFilms.Web.Features.Export.ExportTheme;

namespace AgenteFilms.Web.Features.Export;

/// <summary>
/// The confidentiality notice laid out once for a template's footer slot. It wraps rather than being cut (it is a
/// legal line), and <see cref="Extra"/> says how much taller than one line it came out, so the template can move its
/// footer up and shorten the content frame by that much: body text and notice never share a line of the page.
/// </summary>
internal sealed class FooterNotice
{
    public const float Size = 7.5f;

    private readonly LayoutContext _layout;
    private readonly ParagraphBlock _block;
    private readonly float _width;

    private FooterNotice(LayoutContext layout, ParagraphBlock block, float width, float height, float extra)
    {
        _layout = layout;
        _block = block;
        _width = width;
        Height = height;
        Extra = extra;
    }

    /// <summary>The laid-out notice's height.</summary>
    public float Height { get; }

    /// <summary>Height beyond a single line (0 for a notice that fits on one line).</summary>
    public float Extra { get; }

    /// <summary>The notice laid out in a slot of <paramref name="width"/>, or null when there is none.</summary>
    public static FooterNotice? Create(LayoutContext layout, string? notice, float width, SKColor color, TextAlign align = TextAlign.Left)
    {
        if (string.IsNullOrWhiteSpace(notice))
        {
            return null;
        }

        var style = Sans(Size, color) with { LineHeight = 1.3f };
        var block = new ParagraphBlock([new TextSpan(notice, style)]) { Align = align };
        var height = layout.MeasureHeight(block, width);
        var oneLine = layout.MeasureHeight(new ParagraphBlock([new TextSpan("C", style)]), width);
        return new FooterNotice(layout, block, width, height, Math.Max(0, height - oneLine));
    }

    /// <summary>Draws the notice with its first line's top at <paramref name="y"/>.</summary>
    public void Draw(List<DrawOp> ops, float x, float y) => _layout.Draw(_block, ops, x, y, _width);
}
