using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;

namespace AgenteFilms.Tests.Web.Export;

public sealed class MarkdownExporterTests
{
    [Fact]
    public void WritesEverySection_WithMarkersForUnverifiedFiguresAndAspirationalCasting()
    {
        var markdown = new MarkdownExporter().Export(SamplePitches.TheLastLighthouse(), ExportTestSupport.Notice);

        Assert.StartsWith("# The Last Lighthouse\n", markdown, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Synopsis", "## Characters", "### Mara Okafor — The last keeper", "## Structure", "## Comparables", "## Casting ideas", "## Writer's statement" })
        {
            Assert.Contains(heading + "\n", markdown, StringComparison.Ordinal);
        }
        Assert.Contains("**The Lighthouse** (2019)", markdown, StringComparison.Ordinal);
        Assert.Contains("(unverified)", markdown, StringComparison.Ordinal);
        Assert.Contains("(source: Box Office Mojo)", markdown, StringComparison.Ordinal);
        Assert.Contains(CastingReport.AspirationalNote, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrips_ThroughTheAgentsMarkdownParser_AndSkipsEmptySections()
    {
        var pitch = SamplePitches.TheLastLighthouse();

        var parsed = PitchMarkdownParser.Parse(new MarkdownExporter().Export(pitch, ExportTestSupport.Notice));
        var empty = new MarkdownExporter().Export(new PitchDocument { Title = "T" }, null);

        Assert.NotNull(parsed);
        Assert.Equal(pitch.Title, parsed.Title);
        Assert.Equal(pitch.Characters.Select(c => c.Name), parsed.Characters.Select(c => c.Name));
        Assert.Equal(pitch.Logline, parsed.Logline);
        Assert.Equal(pitch.Genre, parsed.Genre);
        Assert.DoesNotContain("## Synopsis", empty, StringComparison.Ordinal);
    }

    [Fact]
    public void PutsTheNoticeUnderTheTitle_AsLiteralText()
    {
        var markdown = new MarkdownExporter().Export(new PitchDocument { Title = "T", Logline = "L" }, "Confidential \u2014 \u00A9 2026 ana_b*x \u2014 draft v2");

        Assert.StartsWith("# T\n\n*Confidential \u2014 \u00A9 2026 ana\\_b\\*x \u2014 draft v2*\n\n> L\n", markdown, StringComparison.Ordinal);
    }
}
