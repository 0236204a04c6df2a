using System.Text;
using System.Text.RegularExpressions;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Web.Export;

/// <summary>The "Confidential — © YEAR AUTHOR — draft vN, DATE" notice: the template, its options, and every PDF page.</summary>
public sealed class ConfidentialityNoticeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PitchAttribution Ana = new("ana.writer@example.com", 3, new DateTime(2026, 11, 25, 23, 30, 0, DateTimeKind.Utc));

    private const string AnaNotice = "Confidential \u2014 \u00A9 2026 ana.writer@example.com \u2014 draft v3, 25 Nov 2026";

    private static ServiceProvider Services(params (string Key, string? Value)[] settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
                .Build())
            .AddPitchExport()
            .BuildServiceProvider(validateScopes: true);

    [Fact]
    public void DefaultTemplate_NamesYearAuthorVersionAndDate()
    {
        using var services = Services();

        Assert.Equal(AnaNotice, services.GetRequiredService<ConfidentialityNoticeFormatter>().For(Ana));
    }

    [Fact]
    public void CustomTemplate_FillsEveryPlaceholder_InOnePass()
    {
        var notice = ConfidentialityNoticeFormatter.Format(
            "Property of {Author} ({year}). Draft {version} of {date}. Do not forward.", Ana with { Author = "Bo {date}\nSmith" });

        Assert.Equal("Property of Bo {date} Smith (2026). Draft 3 of 25 Nov 2026. Do not forward.", notice);
    }

    [Fact]
    public void NoticeIsNull_WhenTurnedOff()
    {
        using var services = Services(("Export:ConfidentialityNoticeEnabled", "false"));

        Assert.Null(services.GetRequiredService<ConfidentialityNoticeFormatter>().For(Ana));
    }

    [Theory]
    [InlineData("Confidential {authr} {year}", "unknown placeholder {authr}")]
    [InlineData("Confidential {year", "unmatched brace")]
    [InlineData("   ", "is empty")]
    public void BadTemplate_FailsStartUp_WithAMessageNamingTheProblem(string template, string expected)
    {
        using var services = Services(("Export:ConfidentialityNotice", template));

        // What the host runs at start-up for ValidateOnStart options.
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Export:ConfidentialityNotice", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongTemplate_FailsStartUp()
    {
        using var services = Services(("Export:ConfidentialityNotice", new string('x', ConfidentialityNoticeFormatter.MaxTemplateLength + 1)));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void TemplateIsNotChecked_WhenTheNoticeIsOff()
    {
        using var services = Services(("Export:ConfidentialityNoticeEnabled", "false"), ("Export:ConfidentialityNotice", "{nope}"));

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.False(services.GetRequiredService<IOptions<ExportOptions>>().Value.ConfidentialityNoticeEnabled);
    }

    [Theory]
    [InlineData(PdfLayout.Deck)]
    [InlineData(PdfLayout.Document)]
    public void EveryPdfPage_CarriesTheNotice_WithAuthorVersionAndDate(PdfLayout layout)
    {
        using var services = Services();
        var pdf = services.GetRequiredService<PitchExportService>().Pdf(SamplePitches.Big(characterCount: 12), Ana, layout, Ct).Content;

        var pages = PageTexts(pdf);

        Assert.Equal(PageCount(pdf), pages.Count);
        Assert.True(pages.Count > 8, "a long pitch that splits sections over pages");
        Assert.All(pages, (page, i) => Assert.True(Occurrences(page, AnaNotice) == 1, $"page {i + 1} carries the notice once:\n{page}"));
    }

    [Theory]
    [InlineData(PdfLayout.Deck)]
    [InlineData(PdfLayout.Document)]
    public void CustomTemplate_IsWhatThePdfPagesSay(PdfLayout layout)
    {
        using var services = Services(("Export:ConfidentialityNotice", "Private and confidential: {author}, draft {version} ({date})"));
        var pdf = services.GetRequiredService<PitchExportService>().Pdf(SamplePitches.TheLastLighthouse(), Ana, layout, Ct).Content;

        var pages = PageTexts(pdf);

        Assert.All(pages, page => Assert.Contains("Private and confidential: ana.writer@example.com, draft 3 (25 Nov 2026)", page, StringComparison.Ordinal));
        Assert.DoesNotContain("\u00A9", string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public void TurnedOff_NoFormatCarriesANotice()
    {
        using var services = Services(("Export:ConfidentialityNoticeEnabled", "false"));
        var export = services.GetRequiredService<PitchExportService>();
        var pitch = SamplePitches.TheLastLighthouse();

        var texts = new[]
        {
            Poppler.Text(export.DeckPdf(pitch, Ana, Ct).Content),
            Poppler.Text(export.DocumentPdf(pitch, Ana, Ct).Content),
            Encoding.UTF8.GetString(export.Fountain(pitch, Ana).Content),
            Encoding.UTF8.GetString(export.Markdown(pitch, Ana).Content),
        };

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain("Confidential", text, StringComparison.Ordinal);
            Assert.DoesNotContain("draft v3", text, StringComparison.Ordinal);
        });
        Assert.Contains("Page 2 of", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FountainAndMarkdown_CarryTheSameNotice()
    {
        using var services = Services();
        var export = services.GetRequiredService<PitchExportService>();

        var fountain = Encoding.UTF8.GetString(export.Fountain(SamplePitches.TheLastLighthouse(), Ana).Content);
        var markdown = Encoding.UTF8.GetString(export.Markdown(SamplePitches.TheLastLighthouse(), Ana).Content);

        Assert.Contains("\nCopyright: " + AnaNotice + "\n", fountain, StringComparison.Ordinal);
        Assert.Contains("\n*" + AnaNotice + "*\n", markdown, StringComparison.Ordinal);
    }

    /// <summary>Per page text (pdftotext ends every page with a form feed).</summary>
    internal static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        var pages = Poppler.Text(pdf).Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    internal static int PageCount(byte[] pdf) =>
        int.Parse(Regex.Match(Poppler.Info(pdf), @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    internal static int Occurrences(string text, string value) =>
        Regex.Matches(Regex.Replace(text, @"\s+", " "), Regex.Escape(value)).Count;
}
