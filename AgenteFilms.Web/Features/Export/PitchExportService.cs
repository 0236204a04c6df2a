using System.Text;
using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Web.Features.Export;

/// <summary>An export ready to send: bytes, MIME type and a safe file name.</summary>
public sealed record ExportedFile(byte[] Content, string ContentType, string FileName);

public enum PdfLayout
{
    /// <summary>16:9 slides for producers.</summary>
    Deck,

    /// <summary>The long-form portrait pitch document.</summary>
    Document,
}

/// <summary>
/// The one place endpoints and pages call to export a pitch. Every format carries the confidentiality notice for the
/// exported version (unless <c>Export:ConfidentialityNoticeEnabled</c> is false). Stateless; safe for concurrent use.
/// </summary>
public sealed class PitchExportService(
    PitchDeckRenderer deck,
    PitchDocumentRenderer document,
    FountainExporter fountain,
    MarkdownExporter markdown,
    ConfidentialityNoticeFormatter notice)
{
    public const string PdfContentType = "application/pdf";
    public const string FountainContentType = "text/plain; charset=utf-8";
    public const string MarkdownContentType = "text/markdown; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public ExportedFile Pdf(PitchDocument pitch, PitchAttribution attribution, PdfLayout layout, CancellationToken cancellationToken = default) =>
        layout == PdfLayout.Document ? DocumentPdf(pitch, attribution, cancellationToken) : DeckPdf(pitch, attribution, cancellationToken);

    public ExportedFile DeckPdf(PitchDocument pitch, PitchAttribution attribution, CancellationToken cancellationToken = default) =>
        new(deck.Render(pitch, notice.For(attribution), cancellationToken), PdfContentType, ExportFileNames.For(pitch.Title, "pdf"));

    public ExportedFile DocumentPdf(PitchDocument pitch, PitchAttribution attribution, CancellationToken cancellationToken = default) =>
        new(document.Render(pitch, notice.For(attribution), cancellationToken), PdfContentType, ExportFileNames.For(pitch.Title, "pdf", "document"));

    public ExportedFile Fountain(PitchDocument pitch, PitchAttribution attribution, string? sampleScene = null) =>
        new(Utf8.GetBytes(fountain.Export(pitch, attribution, notice.For(attribution), sampleScene)), FountainContentType, ExportFileNames.For(pitch.Title, "fountain"));

    public ExportedFile Markdown(PitchDocument pitch, PitchAttribution attribution) =>
        new(Utf8.GetBytes(markdown.Export(pitch, notice.For(attribution))), MarkdownContentType, ExportFileNames.For(pitch.Title, "md"));
}
