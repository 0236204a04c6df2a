using AgenteFilms.Web.Features.Export.Layout;
using SkiaSharp;

namespace AgenteFilms.Tests.Web.Export;

public sealed class TrueTypeSubsetterTests
{
    [Fact]
    public void Subset_KeepsUsedGlyphsAndTheirComponents_WithTheSameIdsAndAdvances()
    {
        var face = ExportTestSupport.Fonts.Get(FontFamilyKind.Sans, false, false);
        var file = face.FileBytes;
        Assert.SkipWhen(file is null, "the sans face was not loaded from a file");
        const string used = "Amélie Ωmega";

        var subset = TrueTypeSubsetter.Subset(file!, face.Typeface.GetGlyphs(used));

        Assert.NotNull(subset);
        Assert.True(subset!.Length < file!.Length / 3, $"{subset.Length} bytes is not much smaller than {file.Length}");
        using var data = SKData.CreateCopy(subset);
        using var typeface = SKTypeface.FromData(data);
        Assert.NotNull(typeface);
        Assert.Equal(face.Typeface.GlyphCount, typeface.GlyphCount);
        Assert.Equal(face.Typeface.GetGlyphs(used), typeface.GetGlyphs(used));

        using var original = new SKFont(face.Typeface, 12) { LinearMetrics = true, Subpixel = true };
        using var font = new SKFont(typeface, 12) { LinearMetrics = true, Subpixel = true };
        Assert.Equal(original.MeasureText(used + " xyz"), font.MeasureText(used + " xyz"), 0.001f);
        Assert.All(typeface.GetGlyphs("Aé"), g => Assert.False(font.GetGlyphPath(g).IsEmpty, $"glyph {g} kept its outline"));
        Assert.All(typeface.GetGlyphs("xyz"), g => Assert.True(font.GetGlyphPath(g).IsEmpty, $"glyph {g} should be emptied"));
    }

    [Fact]
    public void NonTrueTypeData_IsLeftAlone()
    {
        Assert.Null(TrueTypeSubsetter.Subset("OTTO and then some bytes that are not a font"u8.ToArray(), [1, 2]));
        Assert.Null(TrueTypeSubsetter.Subset([0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0], [1]));
    }
}
