using System.Text.RegularExpressions;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;

namespace AgenteFilms.Tests.Web.Export;

public sealed class PitchDocumentRendererTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("A4", 595.28f, 841.89f)]
    [InlineData("Letter", 612f, 792f)]
    [InlineData("letter", 612f, 792f)]
    public void PageSize_FollowsTheOption(string option, float width, float height)
    {
        var pages = ExportTestSupport.Document(option).Layout(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct);

        Assert.All(pages, p =>
        {
            Assert.Equal(width, p.Width, 0.01f);
            Assert.Equal(height, p.Height, 0.01f);
        });
    }

    [Fact]
    public void PdfPageSize_IsLetter_WhenConfigured()
    {
        var info = Poppler.Info(ExportTestSupport.Document("Letter").Render(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct));

        Assert.Contains("612 x 792 pts", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Footers_SayPageIOfN()
    {
        var pages = ExportTestSupport.Document().Layout(SamplePitches.Big(), ExportTestSupport.Notice, Ct);

        Assert.True(pages.Count > 8);
        for (var i = 1; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TableOfContents_PointsToThePageEachChapterStartsOn()
    {
        var pages = ExportTestSupport.Document().Layout(SamplePitches.Big(), ExportTestSupport.Notice, Ct);
        var contents = pages[1].Text;

        foreach (var chapter in new[] { "Synopsis", "Characters", "Structure", "Comparables", "Casting ideas", "Writer’s statement" })
        {
            var match = Regex.Match(contents, Regex.Escape(chapter) + @"\s+(\d+)");
            Assert.True(match.Success, $"{chapter} is listed with a page number");
            var page = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches(@"\d\d\s+" + Regex.Escape(chapter), pages[page - 1].Text);
        }
    }

    [Fact]
    public void BigPitch_KeepsEveryWord()
    {
        var pitch = SamplePitches.Big(characterCount: 30);
        var renderer = ExportTestSupport.Document();
        var expected = PitchDeckRendererTests.PitchText(pitch);

        Assert.Empty(ExportTestSupport.MissingWords(expected, string.Join(" ", renderer.Layout(pitch, ExportTestSupport.Notice, Ct).Select(p => p.Text))));
        Assert.Empty(ExportTestSupport.Words(expected).Except(ExportTestSupport.Words(Poppler.Text(renderer.Render(pitch, ExportTestSupport.Notice, Ct)))));
    }

    [Fact]
    public void EmptyPitch_StillRendersATitlePage()
    {
        var pdf = ExportTestSupport.Document().Render(new PitchDocument(), ExportTestSupport.Notice, Ct);

        Assert.Contains("Untitled pitch", Poppler.Text(pdf), StringComparison.Ordinal);
    }
}
