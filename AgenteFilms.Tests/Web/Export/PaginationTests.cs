using AgenteFilms.Web.Features.Export.Layout;
using SkiaSharp;

namespace AgenteFilms.Tests.Web.Export;

public sealed class PaginationTests
{
    private const float Width = 400;
    private const float Height = 300;
    private static readonly TextStyle Body = new(11, SKColors.Black);
    private static readonly TextStyle HeadingStyle = new TextStyle(16, SKColors.Black).AsBold();

    private static FlowResult Flow(params Block[] blocks)
    {
        using var layout = new LayoutContext(ExportTestSupport.Fonts);
        return layout.Flow(blocks, Width, Height);
    }

    private static string FrameText(FlowResult flow, int frame) => string.Join(" ", flow.Frames[frame].OfType<TextOp>().Select(t => t.Text));

    private static ParagraphBlock Paragraph(string text) => new([new TextSpan(text, Body)]);

    private static string Words(int count, string prefix = "word") => string.Join(' ', Enumerable.Range(1, count).Select(i => $"{prefix}{i}"));

    private static void AssertInsideFrames(FlowResult flow)
    {
        foreach (var frame in flow.Frames)
        {
            foreach (var op in frame.OfType<TextOp>())
            {
                Assert.InRange(op.Baseline, 0, Height);
                Assert.InRange(op.X + op.Width, 0, Width + 0.01f);
            }
        }
    }

    [Fact]
    public void Heading_NeverSitsAloneAtTheBottomOfAPage()
    {
        var flow = Flow(
            new SpacerBlock(Height - 30),
            new HeadingBlock("Act Two", HeadingStyle),
            Paragraph(Words(60)));

        Assert.Equal(2, flow.Frames.Count);
        Assert.DoesNotContain("Act Two", FrameText(flow, 0), StringComparison.Ordinal);
        Assert.StartsWith("Act Two", FrameText(flow, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_StaysOnThePage_WhenItsFirstLinesFit()
    {
        var flow = Flow(new SpacerBlock(Height - 80), new HeadingBlock("Act Two", HeadingStyle), Paragraph(Words(200)));

        Assert.Contains("Act Two", FrameText(flow, 0), StringComparison.Ordinal);
        Assert.Contains("word1 ", FrameText(flow, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void Card_MovesToTheNextPage_WhenItFitsThere()
    {
        var card = new CardBlock([Paragraph(Words(60, "card"))]) { Background = SKColors.White, Border = SKColors.Gray };
        var flow = Flow(new SpacerBlock(Height - 60), card);

        var cardFrames = flow.Frames.Select((f, i) => (f, i)).Where(x => x.f.OfType<TextOp>().Any(t => t.Text.Contains("card", StringComparison.Ordinal))).Select(x => x.i).ToList();
        Assert.Equal([1], cardFrames);
        var cardText = FrameText(flow, cardFrames[0]);
        Assert.Contains("card1 ", cardText, StringComparison.Ordinal);
        Assert.Contains("card60", cardText, StringComparison.Ordinal);
        Assert.Single(flow.Frames[cardFrames[0]].OfType<RectOp>());
    }

    [Fact]
    public void CardTallerThanAPage_IsSplitIntoBoxes_NotClipped()
    {
        var card = new CardBlock(Enumerable.Range(1, 12).Select(i => (Block)Paragraph(Words(40, $"p{i}w")) with { SpaceAfter = 6 }).ToList())
        {
            Background = SKColors.White,
            Border = SKColors.Gray,
        };

        var flow = Flow(card);

        Assert.True(flow.Frames.Count >= 3);
        Assert.All(flow.Frames, f => Assert.Single(f.OfType<RectOp>()));
        AssertInsideFrames(flow);
        Assert.All(flow.Frames, f => Assert.All(f.OfType<RectOp>(), r => Assert.True(r.Rect.Bottom <= Height + 0.01f)));
        var text = string.Join(" ", Enumerable.Range(0, flow.Frames.Count).Select(i => FrameText(flow, i)));
        for (var p = 1; p <= 12; p++)
        {
            Assert.Contains($"p{p}w1 ", text, StringComparison.Ordinal);
            Assert.Contains($"p{p}w40", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Table_BreaksBetweenRows_AndRepeatsItsHeader()
    {
        var rows = Enumerable.Range(1, 40).Select(i => (IReadOnlyList<TableCell>)
            [TableCell.Text($"Row{i}", Body), TableCell.Text(Words(12, $"r{i}c"), Body)]).ToList();
        var table = new TableBlock([new TableColumn(1), new TableColumn(3)], [TableCell.Text("HEADERTITLE", Body), TableCell.Text("HEADERWHY", Body)], rows);

        var flow = Flow(table);

        Assert.True(flow.Frames.Count >= 3);
        for (var i = 0; i < flow.Frames.Count; i++)
        {
            Assert.StartsWith("HEADERTITLE HEADERWHY", FrameText(flow, i), StringComparison.Ordinal);
        }

        var all = string.Join(" ", Enumerable.Range(0, flow.Frames.Count).Select(i => FrameText(flow, i)));
        Assert.All(Enumerable.Range(1, 40), i => Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, $@"\bRow{i}\b")));
        AssertInsideFrames(flow);
    }

    [Fact]
    public void GridRowTallerThanAPage_IsStackedFullWidth()
    {
        var tall = new CardBlock([Paragraph(Words(250, "tall"))]);
        var flow = Flow(new ColumnsBlock([tall, new CardBlock([Paragraph("short")])]));

        Assert.True(flow.Frames.Count >= 2);
        AssertInsideFrames(flow);
        var all = string.Join(" ", Enumerable.Range(0, flow.Frames.Count).Select(i => FrameText(flow, i)));
        Assert.Contains("tall250", all, StringComparison.Ordinal);
        Assert.Contains("short", all, StringComparison.Ordinal);
    }

    [Fact]
    public void LongParagraph_FlowsAcrossPages_WithoutLosingWords_OrLeavingASingleOrphanLine()
    {
        var flow = Flow(new SpacerBlock(Height - 20), Paragraph(Words(700)));

        AssertInsideFrames(flow);
        var words = ExportTestSupport.Words(string.Join(" ", Enumerable.Range(0, flow.Frames.Count).Select(i => FrameText(flow, i))));
        Assert.All(Enumerable.Range(1, 700), i => Assert.Contains($"word{i}", words));
        Assert.Empty(flow.Frames[0].OfType<TextOp>()); // one line would fit under the spacer, but not two
    }

    [Fact]
    public void Anchors_RecordTheFrameWhereABlockLands()
    {
        var flow = Flow(Paragraph(Words(400)), new HeadingBlock("Target", HeadingStyle) { Anchor = "target" }, Paragraph("after"));

        Assert.Contains("Target", FrameText(flow, flow.Anchors["target"]), StringComparison.Ordinal);
        Assert.True(flow.Anchors["target"] > 0);
    }

    [Fact]
    public void PageBreakBefore_StartsAFreshPage_ButNotAnEmptyOne()
    {
        var flow = Flow(new HeadingBlock("First", HeadingStyle) { PageBreakBefore = true }, Paragraph("one"), Paragraph("two") with { PageBreakBefore = true });

        Assert.Equal(2, flow.Frames.Count);
        Assert.Equal("First one", FrameText(flow, 0));
        Assert.Equal("two", FrameText(flow, 1));
    }

    [Fact]
    public void SpaceBefore_IsDroppedAtTheTopOfAPage()
    {
        var flow = Flow(new SpacerBlock(Height - 5), Paragraph("moved") with { SpaceBefore = 40 });

        var first = flow.Frames[1].OfType<TextOp>().First();
        Assert.True(first.Baseline < 20, $"baseline {first.Baseline} includes the dropped space");
    }
}
