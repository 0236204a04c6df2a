using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export.Layout;
using SkiaSharp;
using static AgenteFilms.Web.Features.Export.ExportTheme;
using static AgenteFilms.Web.Features.Export.PitchBlocks;

namespace AgenteFilms.Web.Features.Export;

/// <summary>
/// The producer-facing 16:9 pitch deck: a dark cover, then one light slide per section, continuing on
/// "(cont.)" slides when a section does not fit. Stateless and thread-safe; fonts come from the shared registry.
/// </summary>
public sealed class PitchDeckRenderer(FontRegistry fonts)
{
    public const float SlideWidth = 960;
    public const float SlideHeight = 540;

    private const float MarginX = 60;
    private const float ContentTop = 110;
    private const float ContentBottom = 486;
    private const float FooterRule = 500;
    private const float ContentWidth = SlideWidth - 2 * MarginX;
    private const float CoverLeft = 84;

    // Footer slots when there is a notice: running title | notice (right-aligned) | slide number.
    private const float RunningTitleWidth = ContentWidth * 0.36f;
    private const float NumberWidth = 56;
    private const float NoticeWidth = ContentWidth - RunningTitleWidth - 80 - NumberWidth - 16;

    private static readonly SKColor CoverNoticeColor = new(0x8B, 0x8F, 0x9E);

    private enum SlideKind
    {
        Cover,
        Content,
    }

    private sealed record Slide(SlideKind Kind, string Title, bool Continued, IReadOnlyList<DrawOp> Ops);

    /// <summary>
    /// Where the footer sits on this deck: a notice that wraps to more lines moves the footer rule and the bottom of
    /// the content frame up by the same amount, so content is laid out in the room the footer leaves.
    /// </summary>
    private sealed record Footer(FooterNotice? Notice, FooterNotice? CoverNotice)
    {
        public float Rule => FooterRule - (Notice?.Extra ?? 0);

        public float ContentBottom => PitchDeckRenderer.ContentBottom - (Notice?.Extra ?? 0);

        /// <summary>The cover's notice ends this far above the slide's bottom edge.</summary>
        public float CoverNoticeTop => SlideHeight - 24 - (CoverNotice?.Height ?? 0);
    }

    /// <param name="pitch">The pitch.</param>
    /// <param name="notice">The confidentiality notice for every slide's footer, or null for none.</param>
    /// <param name="cancellationToken">Stops a long render.</param>
    public byte[] Render(PitchDocument pitch, string? notice, CancellationToken cancellationToken = default) =>
        PdfWriter.Write(Layout(pitch, notice, cancellationToken), new PdfInfo(Or(pitch.Title, "Untitled pitch"), "Pitch deck"), cancellationToken);

    /// <summary>Lays out every slide (two passes: content first, then footers that know the slide count).</summary>
    public IReadOnlyList<PageLayout> Layout(PitchDocument pitch, string? notice, CancellationToken cancellationToken = default)
    {
        using var layout = new LayoutContext(fonts);
        var footer = new Footer(
            FooterNotice.Create(layout, notice, NoticeWidth, Muted, TextAlign.Right),
            FooterNotice.Create(layout, notice, SlideWidth - 2 * CoverLeft, CoverNoticeColor));
        var slides = new List<Slide>();
        foreach (var frame in CoverFrames(layout, pitch, footer))
        {
            slides.Add(new Slide(SlideKind.Cover, "", false, frame));
        }

        foreach (var section in DeckContent.Sections(pitch, ContentWidth))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var height = footer.ContentBottom - ContentTop;
            var flow = layout.Flow(section.Blocks, section.Width, height);
            if (section.Centered && flow.Frames.Count == 1)
            {
                // Slightly above true centre reads as centred under the title.
                var shift = (height - flow.UsedHeights[0]) * 0.42f;
                slides.Add(new Slide(SlideKind.Content, section.Title, false, flow.Frames[0].Select(op => op.Offset(0, shift)).ToList()));
                continue;
            }

            for (var i = 0; i < flow.Frames.Count; i++)
            {
                slides.Add(new Slide(SlideKind.Content, section.Title, i > 0, flow.Frames[i]));
            }
        }

        var title = Or(pitch.Title, "Untitled pitch");
        return slides.Select((slide, i) => Compose(layout, slide, i + 1, slides.Count, title, footer)).ToList();
    }

    private static PageLayout Compose(LayoutContext layout, Slide slide, int number, int total, string title, Footer footer)
    {
        var ops = new List<DrawOp>();
        if (slide.Kind == SlideKind.Cover)
        {
            ops.Add(new RectOp(new SKRect(0, 0, SlideWidth, SlideHeight), Night));
            ops.Add(new RectOp(new SKRect(0, 0, 8, SlideHeight), Accent));
            ops.AddRange(slide.Ops);
            footer.CoverNotice?.Draw(ops, CoverLeft, footer.CoverNoticeTop);
            return new PageLayout(SlideWidth, SlideHeight, ops);
        }

        ops.Add(new RectOp(new SKRect(0, 0, SlideWidth, SlideHeight), Paper));
        ops.Add(new RectOp(new SKRect(MarginX, 46, MarginX + 28, 49), Accent));
        var heading = new List<TextSpan> { new(slide.Title, Serif(27, Ink).AsBold() with { LineHeight = 1.2f }) };
        if (slide.Continued)
        {
            heading.Add(new TextSpan(" (cont.)", Serif(18, Muted).AsItalic()));
        }

        layout.Draw(new ParagraphBlock(heading), ops, MarginX, 54, ContentWidth);
        ops.AddRange(slide.Ops.Select(op => op.Offset(MarginX, ContentTop)));

        // Running title on the left; the notice (when there is one) right-aligned beside the slide number.
        var rule = footer.Rule;
        ops.Add(new LineOp(MarginX, rule, SlideWidth - MarginX, rule, Hairline, 0.75f));
        var label = Label(8, Muted);
        var titleWidth = footer.Notice is null ? ContentWidth * 0.6f : RunningTitleWidth;
        var runningTitle = layout.Ellipsize(title.ToUpperInvariant(), label, titleWidth);
        layout.Draw(new ParagraphBlock([new TextSpan(runningTitle, label), new TextSpan("   \u00B7   Pitch deck", Sans(8, Muted))]), ops, MarginX, rule + 10, footer.Notice is null ? ContentWidth * 0.75f : titleWidth + 80);
        footer.Notice?.Draw(ops, SlideWidth - MarginX - NumberWidth - NoticeWidth, rule + 10.5f);
        layout.Draw(new ParagraphBlock([new TextSpan($"{number} / {total}", Sans(9, Muted))]) { Align = TextAlign.Right }, ops, SlideWidth - MarginX - NumberWidth, rule + 9, NumberWidth);
        return new PageLayout(SlideWidth, SlideHeight, ops);
    }

    /// <summary>
    /// The cover, vertically centred. A long title steps down in size; if the cover still overflows (an extreme
    /// logline), it continues on a second dark slide rather than losing text.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<DrawOp>> CoverFrames(LayoutContext layout, PitchDocument pitch, Footer footer)
    {
        const float left = CoverLeft;
        const float top = 70;
        var bottom = Math.Min(SlideHeight - 60, footer.CoverNoticeTop - 18);
        var width = SlideWidth - left - CoverLeft;

        var meta = new[] { pitch.Format, pitch.Genre, pitch.Runtime }.Where(Has).Select(m => Flatten(m).ToUpperInvariant()).ToList();
        var title = Or(pitch.Title, "Untitled pitch");
        var titleSize = new[] { 54f, 46f, 40f, 34f }.First(size =>
            size == 34f || layout.MeasureHeight(TitleBlock(title, size), width) <= size * 1.12f * 2.05f);

        var blocks = new List<Block>();
        blocks.Add(new ParagraphBlock([new TextSpan("PITCH DECK", Label(9, AccentLight))]) { SpaceAfter = 18 });
        blocks.Add(TitleBlock(title, titleSize) with { SpaceAfter = 16 });
        if (meta.Count > 0)
        {
            blocks.Add(new ParagraphBlock([new TextSpan(string.Join("   \u00B7   ", meta), Label(11, AccentLight))]) { SpaceAfter = 22 });
        }

        if (Has(pitch.Logline))
        {
            blocks.Add(new RuleBlock(AccentLight, 2) { Width = 56, SpaceAfter = 20 });
            blocks.Add(new ParagraphBlock(MarkdownLite.Inline(Flatten(pitch.Logline), Serif(19, CoverText).AsItalic() with { LineHeight = 1.38f })));
        }

        var flow = layout.Flow(blocks, Math.Min(width, 700), bottom - top);
        if (flow.Frames.Count == 1)
        {
            var offset = Math.Min(Math.Max(top, (SlideHeight - flow.UsedHeights[0]) / 2 - 10), bottom - flow.UsedHeights[0]);
            return [flow.Frames[0].Select(op => op.Offset(left, offset)).ToList()];
        }

        return flow.Frames.Select(frame => (IReadOnlyList<DrawOp>)frame.Select(op => op.Offset(left, top)).ToList()).ToList();
    }

    private static ParagraphBlock TitleBlock(string title, float size) =>
        new(MarkdownLite.Inline(title, Serif(size, White).AsBold() with { LineHeight = 1.12f }));
}
