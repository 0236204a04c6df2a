using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export;

namespace AgenteFilms.Tests.Web.Export;

public sealed class MarkdownExporterTests
{
    [Fact]
    public void WritesEverySection_WithMarkersForUnverifiedFiguresAndAspirationalCasting()
    {
        var markdown = new MarkdownExporter().Export(SamplePitches.TheLastLighthouse());

        Assert.StartsWith("# The Last Lighthouse\n", markdown, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Synopsis", "## Characters", "### Mara Okafor — The last keeper", "## Structure", "### Act One — The Signal", "## Comparables", "## Casting ideas", "## Writer’s statement" })
        {
            Assert.Contains(heading + "\n", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("| The Lighthouse | 2019 |", markdown, StringComparison.Ordinal);
        Assert.Contains("$18M worldwide † *unverified*", markdown, StringComparison.Ordinal);
        Assert.Contains("(source: Box Office Mojo)", markdown, StringComparison.Ordinal);
        Assert.Contains("*Aspirational — no one is attached.*", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesPipesInTableCells_AndSkipsEmptySections()
    {
        var pitch = new PitchDocument { Title = "T", Comparables = [new("A | B", 2000, "why | not")] };

        var markdown = new MarkdownExporter().Export(pitch);

        Assert.Contains(@"| A \| B | 2000 | why \| not | — |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Synopsis", markdown, StringComparison.Ordinal);
    }
}
