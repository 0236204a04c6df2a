using System.Text.RegularExpressions;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export.Layout;

namespace AgenteFilms.Tests.Web.Export;

public sealed class PitchDeckRendererTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EverySlideIs16By9()
    {
        var slides = ExportTestSupport.Deck().Layout(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct);

        Assert.All(slides, s => Assert.Equal(16f / 9f, s.Width / s.Height, 0.001f));
    }

    [Fact]
    public void ContentSlides_AreNumberedIOfN_WithTheTitleInTheFooter()
    {
        var slides = ExportTestSupport.Deck().Layout(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct);

        for (var i = 1; i < slides.Count; i++)
        {
            Assert.Contains($"{i + 1} / {slides.Count}", slides[i].Text, StringComparison.Ordinal);
            Assert.Contains("THE LAST LIGHTHOUSE", slides[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HasTheSectionsAProducerExpects_InOrder()
    {
        var text = string.Join("\n", ExportTestSupport.Deck().Layout(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct).Select(s => s.Text));

        var order = new[] { "The hook", "Synopsis", "Characters", "World & tone", "Structure", "Comparables", "Audience & market", "Casting ideas", "Production & budget", "Writer’s statement" }
            .Select(title => text.IndexOf(title, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void EmptySections_AreSkipped()
    {
        var pitch = new PitchDocument { Title = "Bare", Synopsis = "Only a synopsis." };

        var slides = ExportTestSupport.Deck().Layout(pitch, ExportTestSupport.Notice, Ct);

        Assert.Equal(2, slides.Count);
        Assert.Contains("Synopsis", slides[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Characters", string.Join(" ", slides.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void OverflowingSection_ContinuesOnAContSlide()
    {
        var slides = ExportTestSupport.Deck().Layout(SamplePitches.Big(), ExportTestSupport.Notice, Ct);

        Assert.Contains(slides, s => s.Text.Contains("Characters (cont.)", StringComparison.Ordinal));
        Assert.Contains(slides, s => s.Text.Contains("Synopsis (cont.)", StringComparison.Ordinal));
    }

    [Fact]
    public void UnverifiedFigures_AreMarked_AndSourcesShown()
    {
        var text = string.Join(" ", ExportTestSupport.Deck().Layout(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct).Select(s => s.Text));

        Assert.Contains("$18M worldwide", text, StringComparison.Ordinal);
        Assert.Contains("unverified", text, StringComparison.Ordinal);
        Assert.Contains("\u2020 Unverified:", text, StringComparison.Ordinal);
        Assert.Contains("Source:", text, StringComparison.Ordinal);
        Assert.Contains("Box Office Mojo", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Casting_IsMarkedAspirational()
    {
        var text = string.Join(" ", ExportTestSupport.Deck().Layout(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct).Select(s => s.Text));

        Assert.Contains("Aspirational \u2014 no one is attached.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingIsDrawnOutsideTheSlide()
    {
        foreach (var slide in ExportTestSupport.Deck().Layout(SamplePitches.Big(), ExportTestSupport.Notice, Ct))
        {
            Assert.All(slide.Ops.OfType<TextOp>(), t =>
            {
                Assert.InRange(t.Baseline, 0, slide.Height);
                Assert.InRange(t.X + t.Width, 0, slide.Width);
            });
        }
    }

    [Fact]
    public void BigPitch_KeepsEveryWord_InTheLayout_AndInThePdfText()
    {
        // 30 characters and a long synopsis: many slides, and every word of the input on them as often as it was given.
        var pitch = SamplePitches.Big(characterCount: 30);
        var renderer = ExportTestSupport.Deck();
        var expected = PitchText(pitch);

        Assert.Empty(ExportTestSupport.MissingWords(expected, string.Join(" ", renderer.Layout(pitch, ExportTestSupport.Notice, Ct).Select(s => s.Text))));
        // The extracted PDF text is checked as a set: pdftotext re-joins words broken after a hyphen and reorders
        // table cells, so its counts are not the document's.
        Assert.Empty(ExportTestSupport.Words(expected).Except(ExportTestSupport.Words(Poppler.Text(renderer.Render(pitch, ExportTestSupport.Notice, Ct)))));
        Assert.True(renderer.Layout(pitch, ExportTestSupport.Notice, Ct).Count >= 20, "the big pitch makes a long deck");
    }

    /// <summary>All the text a deck must show.</summary>
    internal static string PitchText(PitchDocument p) => string.Join(" ",
        new[] { p.Title, p.Logline, p.Genre, p.Format, p.Runtime, p.Synopsis, p.WorldAndTone, p.AudienceAndMarket, p.ProductionNotes, p.BudgetRange, p.WritersStatement }
            .Concat(p.Themes)
            .Concat(p.Characters.SelectMany(c => new[] { c.Name, c.Role, c.Want, c.Need, c.Arc }))
            .Concat(p.Acts.SelectMany(a => new[] { a.Title, a.Summary }.Concat(a.Beats.SelectMany(b => new[] { b.Name, b.Description }))))
            .Concat(p.Comparables.SelectMany(c => new[] { c.Title, c.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Why, c.Figures, c.Source }))
            .Concat(p.Casting.SelectMany(c => c.Suggestions.Append(c.Character).Append(c.Rationale))));
}
