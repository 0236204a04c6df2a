using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>Document information written into the PDF.</summary>
public sealed record PdfInfo(string Title, string? Subject = null, string? Author = null);

/// <summary>Draws laid-out pages into a PDF. Fonts are embedded (subset) by Skia; text stays real text.</summary>
public static class PdfWriter
{
    public static byte[] Write(IReadOnlyList<PageLayout> pages, PdfInfo info, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        Write(stream, pages, info, cancellationToken);
        return stream.ToArray();
    }

    public static void Write(Stream output, IReadOnlyList<PageLayout> pages, PdfInfo info, CancellationToken cancellationToken = default)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = info.Title;
        metadata.Subject = info.Subject ?? "";
        metadata.Author = info.Author ?? "";
        metadata.Creator = "Agente Films";
        metadata.Producer = "Agente Films PDF export (SkiaSharp)";
        metadata.RasterDpi = 72;
        // Anything below 101 makes Skia re-encode images as lossy JPEG.
        metadata.EncodingQuality = 101;

        var fonts = new Dictionary<(FontFace, float), SKFont>();
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        try
        {
            using var document = SKDocument.CreatePdf(output, metadata)
                ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var canvas = document.BeginPage(page.Width, page.Height);
                foreach (var op in page.Ops)
                {
                    Draw(canvas, op, fonts, fill, stroke);
                }

                document.EndPage();
            }

            document.Close();
        }
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }
        }
    }

    private static void Draw(SKCanvas canvas, DrawOp op, Dictionary<(FontFace, float), SKFont> fonts, SKPaint fill, SKPaint stroke)
    {
        switch (op)
        {
            case TextOp text:
                if (!fonts.TryGetValue((text.Face, text.Size), out var font))
                {
                    font = LayoutContext.CreateFont(text.Face.Typeface, text.Size);
                    fonts[(text.Face, text.Size)] = font;
                }

                fill.Color = text.Color;
                canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, font, fill);
                break;

            case RectOp rect:
                if (rect.Fill is { } color)
                {
                    fill.Color = color;
                    DrawRect(canvas, rect, fill);
                }

                if (rect.Stroke is { } strokeColor && rect.StrokeWidth > 0)
                {
                    stroke.Color = strokeColor;
                    stroke.StrokeWidth = rect.StrokeWidth;
                    DrawRect(canvas, rect, stroke);
                }

                break;

            case LineOp line:
                stroke.Color = line.Color;
                stroke.StrokeWidth = line.Width;
                canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, stroke);
                break;
        }
    }

    private static void DrawRect(SKCanvas canvas, RectOp rect, SKPaint paint)
    {
        if (rect.Radius > 0)
        {
            canvas.DrawRoundRect(rect.Rect, rect.Radius, rect.Radius, paint);
        }
        else
        {
            canvas.DrawRect(rect.Rect, paint);
        }
    }
}
