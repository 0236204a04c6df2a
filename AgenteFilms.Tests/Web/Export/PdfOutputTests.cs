using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Export;

/// <summary>What poppler sees in the files: embedded fonts, real Unicode text, page sizes.</summary>
public sealed class PdfOutputTests
{
    private const string UnicodeSample = "Amélie — “Ωmega” Жизнь";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AllFonts_AreEmbedded()
    {
        foreach (var pdf in new[] { ExportTestSupport.Deck().Render(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct), ExportTestSupport.Document().Render(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct) })
        {
            var rows = Poppler.Fonts(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Matches(@"\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$", row)); // emb, sub, uni
        }
    }

    [Fact]
    public void UnicodeText_RoundTripsThroughThePdf()
    {
        var pitch = SamplePitches.TheLastLighthouse() with
        {
            Title = UnicodeSample,
            Logline = "Élodie’s “last” signal — Ωmega Жизнь ⚓ — reaches the station.",
        };

        var deck = Poppler.Text(ExportTestSupport.Deck().Render(pitch, ExportTestSupport.Notice, Ct));
        var document = Poppler.Text(ExportTestSupport.Document().Render(pitch, ExportTestSupport.Notice, Ct));

        Assert.Contains(UnicodeSample, deck, StringComparison.Ordinal);
        Assert.Contains(UnicodeSample, document, StringComparison.Ordinal);
        Assert.Contains("Ωmega Жизнь ⚓", deck, StringComparison.Ordinal);
    }

    [Fact]
    public void FallbackFont_IsEmbedded_ForCharactersThePrimaryFontLacks()
    {
        var pitch = new PitchDocument { Title = "Anchor", Synopsis = "Drop the ⚓ here." };

        var pdf = ExportTestSupport.Deck().Render(pitch, ExportTestSupport.Notice, Ct);

        Assert.Contains("DejaVuSans", Poppler.Fonts(pdf), StringComparison.Ordinal);
        Assert.Contains("Drop the ⚓ here.", Poppler.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void DeckPdf_Has16By9Pages()
    {
        var info = Poppler.Info(ExportTestSupport.Deck().Render(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice, Ct));

        Assert.Contains("960 x 540 pts", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentExports_ProduceTheSameOutput()
    {
        var pitch = SamplePitches.TheLastLighthouse();
        var renderer = ExportTestSupport.Deck();
        var expected = string.Join("\n", renderer.Layout(pitch, ExportTestSupport.Notice, Ct).Select(p => p.Text));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => string.Join("\n", renderer.Layout(pitch, ExportTestSupport.Notice, Ct).Select(p => p.Text)), Ct)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public async Task ConcurrentPdfRenders_AllSucceed()
    {
        var deck = ExportTestSupport.Deck();
        var document = ExportTestSupport.Document();
        var pitch = SamplePitches.TheLastLighthouse();

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0 ? deck.Render(pitch, ExportTestSupport.Notice, Ct) : document.Render(pitch, ExportTestSupport.Notice, Ct), Ct)));

        Assert.All(pdfs, pdf => Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]));
        Assert.Contains("The Last Lighthouse", Poppler.Text(pdfs[6]), StringComparison.Ordinal);
    }
}
