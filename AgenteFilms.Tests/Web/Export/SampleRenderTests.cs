using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Export.Layout;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Web.Export;

/// <summary>Writes sample PDFs for eyeballing when EXPORT_SAMPLES_DIR is set; otherwise does nothing.</summary>
public sealed class SampleRenderTests
{
    [Fact]
    public void WritesSamplePdfs_WhenAskedTo()
    {
        var folder = Environment.GetEnvironmentVariable("EXPORT_SAMPLES_DIR");
        if (string.IsNullOrEmpty(folder))
        {
            Assert.Skip("Set EXPORT_SAMPLES_DIR to write sample PDFs for visual review.");
        }

        Directory.CreateDirectory(folder);
        using var fonts = new FontRegistry();
        var deck = new PitchDeckRenderer(fonts);
        var document = new PitchDocumentRenderer(fonts, Options.Create(new ExportOptions()));
        File.WriteAllBytes(Path.Combine(folder, "deck.pdf"), deck.Render(SamplePitches.TheLastLighthouse(), TestContext.Current.CancellationToken));
        File.WriteAllBytes(Path.Combine(folder, "document.pdf"), document.Render(SamplePitches.TheLastLighthouse(), TestContext.Current.CancellationToken));
        File.WriteAllBytes(Path.Combine(folder, "big-deck.pdf"), deck.Render(SamplePitches.Big(), TestContext.Current.CancellationToken));
        File.WriteAllBytes(Path.Combine(folder, "big-document.pdf"), document.Render(SamplePitches.Big(), TestContext.Current.CancellationToken));
        var letter = new PitchDocumentRenderer(fonts, Options.Create(new ExportOptions { PageSize = "Letter" }));
        File.WriteAllBytes(Path.Combine(folder, "document-letter.pdf"), letter.Render(SamplePitches.TheLastLighthouse(), TestContext.Current.CancellationToken));
    }
}
