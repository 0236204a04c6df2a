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

        var subsets = SubsetFaces(pages);
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
                    Draw(canvas, op, fonts, subsets, fill, stroke);
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

            foreach (var typeface in subsets.Values)
            {
                typeface.Dispose();
            }
        }
    }

    /// <summary>
    /// Per face, a copy of the font holding only the glyphs these pages draw (same glyph IDs and metrics), so the
    /// PDF embeds kilobytes instead of whole font files. Faces that cannot be subset are embedded as they are.
    /// </summary>
    private static Dictionary<FontFace, SKTypeface> SubsetFaces(IReadOnlyList<PageLayout> pages)
    {
        var glyphs = new Dictionary<FontFace, HashSet<ushort>>();
        foreach (var text in pages.SelectMany(p => p.Ops).OfType<TextOp>())
        {
            if (!glyphs.TryGetValue(text.Face, out var set))
            {
                glyphs[text.Face] = set = [];
            }

            set.UnionWith(text.Face.Typeface.GetGlyphs(text.Text));
        }

        var subsets = new Dictionary<FontFace, SKTypeface>();
        foreach (var (face, used) in glyphs)
        {
            var bytes = face.FileBytes is { } file ? TrueTypeSubsetter.Subset(file, used) : null;
            if (bytes is null)
            {
                continue;
            }

            using var data = SKData.CreateCopy(bytes);
            var typeface = SKTypeface.FromData(data);
            if (typeface is not null)
            {
                subsets[face] = typeface;
            }
        }

        return subsets;
    }

    private static void Draw(SKCanvas canvas, DrawOp op, Dictionary<(FontFace, float), SKFont> fonts, Dictionary<FontFace, SKTypeface> subsets, SKPaint fill, SKPaint stroke)
    {
        switch (op)
        {
            case TextOp text:
                if (!fonts.TryGetValue((text.Face, text.Size), out var font))
                {
                    font = LayoutContext.CreateFont(subsets.GetValueOrDefault(text.Face) ?? text.Face.Typeface, text.Size);
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
