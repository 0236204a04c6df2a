using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;

namespace AgenteFilms.Tests.Web.Export;

public sealed class FountainExporterTests
{
    private static readonly FountainExporter Exporter = new();

    private static string Export(PitchDocument pitch, string? sampleScene = null) =>
        Exporter.Export(pitch, ExportTestSupport.Attribution, ExportTestSupport.Notice, sampleScene);

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void StartsWithATitlePage_NamingTheOwnerVersionAndNotice_EndedByABlankLine()
    {
        var lines = Lines(Export(SamplePitches.TheLastLighthouse()));

        Assert.Equal("Title: The Last Lighthouse", lines[0]);
        Assert.Equal("Credit: Written by", lines[1]);
        Assert.Equal("Author: writer@agentefilms.test", lines[2]);
        Assert.Equal("Draft date: v7, 2026-11-25", lines[3]);
        Assert.StartsWith("Contact: ", lines[4], StringComparison.Ordinal);
        Assert.Equal("Copyright: " + ExportTestSupport.Notice, lines[5]);
        Assert.Equal("", lines[6]);
    }

    [Fact]
    public void TitlePage_HasNoCopyrightLine_WhenTheNoticeIsOff()
    {
        var fountain = Exporter.Export(SamplePitches.TheLastLighthouse(), ExportTestSupport.Attribution, notice: null);

        Assert.DoesNotContain("Copyright:", fountain, StringComparison.Ordinal);
        Assert.Equal("", Lines(fountain)[5]);
    }

    [Fact]
    public void ActsAreSections_AndBeatsAreSynopses()
    {
        var fountain = Export(SamplePitches.TheLastLighthouse());
        var body = Lines(fountain).SkipWhile(l => l.Length > 0).Skip(1).Where(l => l.Length > 0).ToList();

        Assert.Contains("# ACT ONE: The Signal", body);
        Assert.Contains("# ACT TWO: The Fold", body);
        Assert.Contains("# ACT THREE: The Burn", body);
        Assert.Contains("## Inciting incident", body);
        Assert.Contains("= A distress call on a frequency retired forty years ago: the *Halcyon*.", body);
        // Outside the title page every line is a section or a synopsis: an outline, no stray action lines.
        Assert.All(body, l => Assert.True(l.StartsWith('#') || l.StartsWith("= ", StringComparison.Ordinal), l));
        Assert.EndsWith("\n", fountain, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiLineFields_BecomeSingleLineSynopses()
    {
        var pitch = new PitchDocument
        {
            Title = "T",
            Acts = [new(1, "Start", "Line one.\n\n- a bullet\nLine two.", [new("Beat", "First.\nSecond.")])],
        };

        var body = Lines(Export(pitch));

        Assert.Contains("= Line one. a bullet Line two.", body);
        Assert.Contains("= First. Second.", body);
    }

    [Fact]
    public void SampleScene_IsAppendedAfterTheOutline()
    {
        var scene = "INT. PHAROS-7 - LAMP ROOM - NIGHT\n\nMara threads a tape.\n\nMARA\nSay it again.";

        var fountain = Export(SamplePitches.TheLastLighthouse(), scene);

        Assert.True(fountain.IndexOf("# SAMPLE SCENE", StringComparison.Ordinal) > fountain.IndexOf("# ACT THREE", StringComparison.Ordinal));
        Assert.Contains("INT. PHAROS-7 - LAMP ROOM - NIGHT\n\nMara threads a tape.", fountain, StringComparison.Ordinal);
    }
}
