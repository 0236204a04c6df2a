using System.Text;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Web.Export;

public sealed class PitchExportServiceTests
{
    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddPitchExport()
            .BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public void ReturnsBytesContentTypeAndFileName_ForEveryFormat()
    {
        using var services = Services();
        var export = services.GetRequiredService<PitchExportService>();
        var pitch = SamplePitches.TheLastLighthouse();
        var ct = TestContext.Current.CancellationToken;

        var attribution = ExportTestSupport.Attribution;

        var deck = export.DeckPdf(pitch, attribution, ct);
        var document = export.Pdf(pitch, attribution, PdfLayout.Document, ct);
        var fountain = export.Fountain(pitch, attribution);
        var markdown = export.Markdown(pitch, attribution);

        Assert.Equal(("application/pdf", "the-last-lighthouse.pdf"), (deck.ContentType, deck.FileName));
        Assert.Equal(("application/pdf", "the-last-lighthouse-document.pdf"), (document.ContentType, document.FileName));
        Assert.Equal("the-last-lighthouse.fountain", fountain.FileName);
        Assert.Equal(("text/markdown; charset=utf-8", "the-last-lighthouse.md"), (markdown.ContentType, markdown.FileName));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(deck.Content, 0, 5));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(document.Content, 0, 5));
        Assert.StartsWith("Title: The Last Lighthouse", Encoding.UTF8.GetString(fountain.Content), StringComparison.Ordinal);
        Assert.NotEqual(0xEF, markdown.Content[0]); // no BOM
    }

    [Fact]
    public void DocumentPageSize_ComesFromConfiguration()
    {
        using var services = Services(("Export:PageSize", "Letter"));

        Assert.Equal(612f, services.GetRequiredService<PitchDocumentRenderer>().PageSize.Width);
    }

    [Theory]
    [InlineData("Export:PageSize", "A5")]
    [InlineData("Export:FontsFolder", "/no/such/folder")]
    public void InvalidOptions_AreRejected(string key, string value)
    {
        using var services = Services((key, value));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExportOptions>>().Value);
    }

    [Fact]
    public void FontsFolder_OverridesSystemFonts_ByFileName()
    {
        var folder = Directory.CreateTempSubdirectory("agente-fonts").FullName;
        try
        {
            File.Copy("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", Path.Combine(folder, "Sans-Regular.ttf"));
            using var services = Services(("Export:FontsFolder", folder));

            var fonts = services.GetRequiredService<AgenteFilms.Web.Features.Export.Layout.FontRegistry>();

            Assert.Equal(Path.Combine(folder, "Sans-Regular.ttf"), fonts.Get(AgenteFilms.Web.Features.Export.Layout.FontFamilyKind.Sans, false, false).Source);
            Assert.NotEqual(folder, Path.GetDirectoryName(fonts.Get(AgenteFilms.Web.Features.Export.Layout.FontFamilyKind.Sans, true, false).Source));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
