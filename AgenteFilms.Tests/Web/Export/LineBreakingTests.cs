using AgenteFilms.Web.Features.Export.Layout;
using SkiaSharp;

namespace AgenteFilms.Tests.Web.Export;

public sealed class LineBreakingTests
{
    private static readonly TextStyle Body = new(11, SKColors.Black);

    private static List<TextOp> Draw(Block block, float width)
    {
        using var layout = new LayoutContext(ExportTestSupport.Fonts);
        var ops = new List<DrawOp>();
        layout.Draw(block, ops, 0, 0, width);
        return ops.OfType<TextOp>().ToList();
    }

    [Theory]
    [InlineData(40f)]
    [InlineData(97.5f)]
    [InlineData(180f)]
    [InlineData(455f)]
    public void LinesNeverExceedTheBoxWidth(float width)
    {
        var text = string.Join(' ', Enumerable.Repeat("The keeper’s logbook — forty years of “echoes” and well-known silences, Ωmega Жизнь —", 12));
        var spans = MarkdownLite.Inline(text + " **bold words** and *italic ones* mixed in.", Body);

        var ops = Draw(new ParagraphBlock(spans), width);

        Assert.NotEmpty(ops);
        Assert.All(ops, op =>
        {
            Assert.True(op.X >= -0.01f, $"'{op.Text}' starts at {op.X}");
            Assert.True(op.X + op.Width <= width + 0.01f, $"'{op.Text}' ends at {op.X + op.Width} > {width}");
        });
    }

    [Fact]
    public void MeasuredWidthsMatchWhatSkiaMeasures()
    {
        var op = Assert.Single(Draw(new ParagraphBlock([new TextSpan("Pharos seven", Body)]), 500));
        using var font = new SKFont(op.Face.Typeface, op.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

        Assert.Equal(font.MeasureText(op.Text), op.Width, 0.01f);
    }

    [Fact]
    public void WordLongerThanTheLine_IsBrokenBetweenCharacters()
    {
        var word = string.Concat(Enumerable.Repeat("Supercalifragilistic", 6));

        var ops = Draw(new ParagraphBlock([new TextSpan(word, Body)]), 80);

        Assert.True(ops.Count > 3);
        Assert.All(ops, op => Assert.True(op.Width <= 80.01f));
        Assert.Equal(word, string.Concat(ops.Select(o => o.Text)));
    }

    [Fact]
    public void LinesBreakAfterHyphens_BeforeBreakingWords()
    {
        using var layout = new LayoutContext(ExportTestSupport.Fonts);
        var ops = Draw(new ParagraphBlock([new TextSpan("decommissioning-drone", Body)]), layout.Measure("decommissioning-dr", Body));

        Assert.Equal(["decommissioning-", "drone"], ops.Select(o => o.Text));
    }

    [Fact]
    public void SpacesStayRealCharacters_WithOneRunPerStyle()
    {
        var ops = Draw(new ParagraphBlock(MarkdownLite.Inline("one two **three four** five", Body)), 1000);

        Assert.Equal(["one two ", "three four ", "five"], ops.Select(o => o.Text));
        Assert.True(ops[1].Face.Typeface.FontStyle.Weight >= 600);
        Assert.Equal(ops[0].X + ops[0].Width, ops[1].X, 0.01f);
    }

    [Fact]
    public void CharacterMissingFromThePrimaryFont_FallsBackToDejaVuSans()
    {
        var primary = ExportTestSupport.Fonts.Get(FontFamilyKind.Serif, false, false);
        const int anchor = 0x2693; // ⚓ — not in Liberation, in DejaVu Sans
        Assert.SkipWhen(primary.Covers(anchor), $"{primary} already has U+2693");

        var ops = Draw(new ParagraphBlock([new TextSpan("Port \u2693 ahead", Body with { Family = FontFamilyKind.Serif })]), 500);

        var symbol = Assert.Single(ops, o => o.Text.Contains('\u2693'));
        Assert.Contains("DejaVuSans", symbol.Face.Source, StringComparison.Ordinal);
        Assert.Equal("Port \u2693 ahead", string.Concat(ops.Select(o => o.Text)));
    }

    [Fact]
    public void MarkdownInline_ParsesBoldItalicAndKeepsUnmatchedMarkers()
    {
        var spans = MarkdownLite.Inline("A **bold** and *italic* and ***both***, snake_case_name and 2 * 3", Body);

        Assert.Contains(spans, s => s.Text == "bold" && s.Style.Bold && !s.Style.Italic);
        Assert.Contains(spans, s => s.Text == "italic" && s.Style.Italic && !s.Style.Bold);
        Assert.Contains(spans, s => s.Text == "both" && s.Style.Italic && s.Style.Bold);
        Assert.Contains("snake_case_name and 2 * 3", string.Concat(spans.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownBlocks_SplitParagraphsListsAndHeadings()
    {
        var blocks = MarkdownLite.Blocks("First line\nsame paragraph.\n\n- one\n- two\n\n1. first\n2. second\n\n## Sub\nText", new ProseStyle(Body, 6));

        Assert.Collection(blocks,
            b => Assert.Equal("First line same paragraph.", string.Concat(Assert.IsType<ParagraphBlock>(b).Spans.Select(s => s.Text))),
            b => Assert.Equal(2, Assert.IsType<BulletListBlock>(b).Items.Count),
            b => Assert.True(Assert.IsType<BulletListBlock>(b).Numbered),
            b => Assert.IsType<HeadingBlock>(b),
            b => Assert.IsType<ParagraphBlock>(b));
    }

    [Theory]
    [InlineData("Short title", 200f, "Short title")]
    [InlineData("The Last Lighthouse and the Very Long Subtitle That Goes On", 120f, null)]
    public void Ellipsize_ShortensOnlyWhatDoesNotFit(string text, float width, string? expected)
    {
        using var layout = new LayoutContext(ExportTestSupport.Fonts);

        var result = layout.Ellipsize(text, Body, width);

        Assert.True(layout.Measure(result, Body) <= width);
        if (expected is not null)
        {
            Assert.Equal(expected, result);
        }
        else
        {
            Assert.EndsWith("\u2026", result, StringComparison.Ordinal);
            Assert.StartsWith(result[..^1], text, StringComparison.Ordinal);
            Assert.True(layout.Measure(text[..(result.Length)] + "\u2026", Body) > width, "takes as much as fits");
        }
    }
}
