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

/// <summary>The one place endpoints and pages call to export a pitch. Stateless; safe for concurrent use.</summary>
public sealed class PitchExportService(
    PitchDeckRenderer deck,
    PitchDocumentRenderer document,
    FountainExporter fountain,
    MarkdownExporter markdown)
{
    public const string PdfContentType = "application/pdf";
    public const string FountainContentType = "text/plain; charset=utf-8";
    public const string MarkdownContentType = "text/markdown; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public ExportedFile Pdf(PitchDocument pitch, PdfLayout layout, CancellationToken cancellationToken = default) =>
        layout == PdfLayout.Document ? DocumentPdf(pitch, cancellationToken) : DeckPdf(pitch, cancellationToken);

    public ExportedFile DeckPdf(PitchDocument pitch, CancellationToken cancellationToken = default) =>
        new(deck.Render(pitch, cancellationToken), PdfContentType, ExportFileNames.For(pitch.Title, "pdf"));

    public ExportedFile DocumentPdf(PitchDocument pitch, CancellationToken cancellationToken = default) =>
        new(document.Render(pitch, cancellationToken), PdfContentType, ExportFileNames.For(pitch.Title, "pdf", "document"));

    public ExportedFile Fountain(PitchDocument pitch, string? sampleScene = null) =>
        new(Utf8.GetBytes(fountain.Export(pitch, sampleScene)), FountainContentType, ExportFileNames.For(pitch.Title, "fountain"));

    public ExportedFile Markdown(PitchDocument pitch) =>
        new(Utf8.GetBytes(markdown.Export(pitch)), MarkdownContentType, ExportFileNames.For(pitch.Title, "md"));
}
