using System.Globalization;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export.Layout;
using Microsoft.Extensions.Options;
using SkiaSharp;
using static AgenteFilms.Web.Features.Export.ExportTheme;
using static AgenteFilms.Web.Features.Export.PitchBlocks;

namespace AgenteFilms.Web.Features.Export;

/// <summary>
/// The long-form pitch bible on A4 or Letter: title page, contents with page numbers, every section, and
/// "Page i of N" footers. Stateless and thread-safe.
/// </summary>
public sealed class PitchDocumentRenderer(FontRegistry fonts, IOptions<ExportOptions> options)
{
    public static readonly SKSize A4 = new(595.28f, 841.89f);
    public static readonly SKSize Letter = new(612, 792);

    private const float MarginX = 66;
    private const float ContentTop = 82;
    private const float BottomMargin = 74;
    private const float PageNumberWidth = 80;

    public SKSize PageSize => options.Value.IsLetter ? Letter : A4;

    /// <param name="pitch">The pitch.</param>
    /// <param name="notice">The confidentiality notice for every page's footer, or null for none.</param>
    /// <param name="cancellationToken">Stops a long render.</param>
    public byte[] Render(PitchDocument pitch, string? notice, CancellationToken cancellationToken = default) =>
        PdfWriter.Write(Layout(pitch, notice, cancellationToken), new PdfInfo(Or(pitch.Title, "Untitled pitch"), "Pitch document"), cancellationToken);

    /// <summary>
    /// Lays out the document in two passes: the body first (to learn where each chapter lands), then the
    /// contents, whose length does not depend on the numbers, then footers that know the page count.
    /// </summary>
    public IReadOnlyList<PageLayout> Layout(PitchDocument pitch, string? notice, CancellationToken cancellationToken = default)
    {
        var size = PageSize;
        var width = size.Width - 2 * MarginX;
        using var layout = new LayoutContext(fonts);
        var footer = new Footer(size, FooterNotice.Create(layout, notice, width - PageNumberWidth - 12, Muted));
        var height = footer.ContentBottom - ContentTop;

        var sections = DocumentContent.Sections(pitch);
        var body = layout.Flow(sections.SelectMany((s, i) => DocumentContent.Chapter(s, i + 1)).ToList(), width, height);
        cancellationToken.ThrowIfCancellationRequested();

        var titlePages = TitlePages(layout, pitch, footer);
        var contentsPages = layout.Flow(Contents(sections, _ => "000"), width, height).Frames.Count;
        var firstBodyPage = titlePages.Count + contentsPages + 1;
        var contents = layout.Flow(Contents(sections, anchor => (firstBodyPage + body.Anchors[anchor]).ToString(CultureInfo.InvariantCulture)), width, height);

        var title = Or(pitch.Title, "Untitled pitch");
        var total = titlePages.Count + contents.Frames.Count + body.Frames.Count;
        var pages = new List<PageLayout>(titlePages);
        foreach (var frame in contents.Frames.Concat(body.Frames))
        {
            pages.Add(Compose(layout, frame, footer, pages.Count + 1, total, title));
        }

        return pages;
    }

    private static List<Block> Contents(IReadOnlyList<DocumentSection> sections, Func<string, string> pageOf)
    {
        var blocks = new List<Block>
        {
            new HeadingBlock("Contents", Serif(24, Ink).AsBold()) { SpaceAfter = 6 },
            new RuleBlock(Accent, 1.5f) { Width = 40, SpaceAfter = 18 },
        };
        var entry = Serif(12, Ink);
        for (var i = 0; i < sections.Count; i++)
        {
            blocks.Add(new ColumnsBlock(
            [
                new ParagraphBlock([new TextSpan((i + 1).ToString("00", CultureInfo.InvariantCulture), entry.WithColor(Accent))]),
                new ParagraphBlock([new TextSpan(sections[i].Title, entry)]),
                new ParagraphBlock([new TextSpan(pageOf(sections[i].Anchor), entry.WithColor(Muted))]) { Align = TextAlign.Right },
            ])
            { Weights = [0.07f, 0.8f, 0.13f], Gap = 6, EqualHeights = false, SpaceAfter = 6 });
            blocks.Add(new RuleBlock(Hairline, 0.5f) { SpaceAfter = 6 });
        }

        return blocks;
    }

    /// <summary>
    /// The title page. A long title steps down in size; a pathological title or logline continues on a second
    /// title page rather than running off the paper.
    /// </summary>
    private static List<PageLayout> TitlePages(LayoutContext layout, PitchDocument pitch, Footer footer)
    {
        var size = footer.Size;
        var width = size.Width - 2 * MarginX - 10;
        var title = Or(pitch.Title, "Untitled pitch");
        var titleSize = new[] { 38f, 32f, 26f }.First(s => s == 26f || layout.MeasureHeight(TitleBlock(title, s), width) <= s * 1.12f * 3.05f);
        var blocks = new List<Block>
        {
            new ParagraphBlock([new TextSpan("PITCH DOCUMENT", Label(9, Accent))]) { SpaceAfter = 14 },
            TitleBlock(title, titleSize) with { SpaceAfter = 16 },
            new RuleBlock(Accent, 2) { Width = 48, SpaceAfter = 18 },
        };
        if (Has(pitch.Logline))
        {
            blocks.Add(new ParagraphBlock(MarkdownLite.Inline(Flatten(pitch.Logline), Serif(15, ExportTheme.Body).AsItalic() with { LineHeight = 1.42f })) { SpaceAfter = 30 });
        }

        foreach (var (label, value) in new[] { ("Genre", pitch.Genre), ("Format", pitch.Format), ("Runtime", pitch.Runtime), ("Budget", pitch.BudgetRange) })
        {
            if (Has(value))
            {
                blocks.Add(new ColumnsBlock(
                [
                    new ParagraphBlock([new TextSpan(label.ToUpperInvariant(), Label(8, Muted))]),
                    new ParagraphBlock(MarkdownLite.Inline(Flatten(value), Sans(11, Ink))),
                ])
                { Weights = [0.22f, 0.78f], EqualHeights = false, SpaceAfter = 7 });
            }
        }

        var top = size.Height * 0.26f;
        var flow = layout.Flow(blocks, width, footer.ContentBottom - top);
        if (flow.Frames.Count > 1)
        {
            top = ContentTop;
            flow = layout.Flow(blocks, width, footer.ContentBottom - top);
        }

        return flow.Frames.Select(frame =>
        {
            var ops = new List<DrawOp>
            {
                new RectOp(new SKRect(0, 0, size.Width, size.Height), Paper),
                new RectOp(new SKRect(0, 0, 10, size.Height), Accent),
            };
            ops.AddRange(frame.Select(op => op.Offset(MarginX + 10, top)));
            footer.Notice?.Draw(ops, MarginX + 10, footer.TextTop);
            return new PageLayout(size.Width, size.Height, ops);
        }).ToList();
    }

    private static ParagraphBlock TitleBlock(string title, float size) =>
        new(MarkdownLite.Inline(title, Serif(size, Ink).AsBold() with { LineHeight = 1.12f }));

    private static PageLayout Compose(LayoutContext layout, IReadOnlyList<DrawOp> content, Footer footer, int number, int total, string title)
    {
        var size = footer.Size;
        var ops = new List<DrawOp> { new RectOp(new SKRect(0, 0, size.Width, size.Height), White) };
        var width = size.Width - 2 * MarginX;
        var header = Label(7.5f, Muted);
        layout.Draw(new ParagraphBlock([new TextSpan(layout.Ellipsize(title.ToUpperInvariant(), header, width * 0.7f), header)]), ops, MarginX, 40, width * 0.7f);
        ops.Add(new LineOp(MarginX, 56, size.Width - MarginX, 56, Hairline, 0.6f));
        ops.AddRange(content.Select(op => op.Offset(MarginX, ContentTop)));

        ops.Add(new LineOp(MarginX, footer.Rule, size.Width - MarginX, footer.Rule, Hairline, 0.6f));
        if (footer.Notice is { } notice)
        {
            notice.Draw(ops, MarginX, footer.TextTop + 0.5f);
        }
        else
        {
            layout.Draw(new ParagraphBlock([new TextSpan("Pitch document", Sans(8, Muted))]), ops, MarginX, footer.TextTop, width / 2);
        }

        layout.Draw(new ParagraphBlock([new TextSpan($"Page {number} of {total}", Sans(8.5f, Muted))]) { Align = TextAlign.Right }, ops, size.Width - MarginX - PageNumberWidth, footer.TextTop, PageNumberWidth);
        return new PageLayout(size.Width, size.Height, ops);
    }

    /// <summary>
    /// The footer of this document: the notice on the left, "Page i of N" on the right. A notice that wraps to more
    /// lines moves the rule and the bottom of the content frame up by the same amount, so the body is laid out in the
    /// room the footer leaves and never runs into it.
    /// </summary>
    private sealed record Footer(SKSize Size, FooterNotice? Notice)
    {
        public float Rule => Size.Height - 50 - (Notice?.Extra ?? 0);

        public float TextTop => Rule + 8;

        public float ContentBottom => Size.Height - BottomMargin - (Notice?.Extra ?? 0);
    }
}
