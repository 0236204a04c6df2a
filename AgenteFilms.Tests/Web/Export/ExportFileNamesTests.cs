using AgenteFilms.Web.Features.Export;

namespace AgenteFilms.Tests.Web.Export;

public sealed class ExportFileNamesTests
{
    [Theory]
    [InlineData("The Last Lighthouse", "the-last-lighthouse")]
    [InlineData("  Amélie — “Ωmega” Жизнь!  ", "amelie-mega")]
    [InlineData("Straße & Œuvre", "strasse-and-oeuvre")]
    [InlineData("Writer’s Cut: 2049/II", "writers-cut-2049-ii")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("CON", "pitch-con")]
    [InlineData("", "pitch")]
    [InlineData(null, "pitch")]
    [InlineData("Жизнь", "pitch")]
    public void Slug_IsLowerCaseAsciiWithSingleHyphens(string? title, string expected)
    {
        Assert.Equal(expected, ExportFileNames.Slug(title));
    }

    [Fact]
    public void Slug_IsCappedAtAWordBoundary()
    {
        var slug = ExportFileNames.Slug(string.Join(' ', Enumerable.Repeat("lighthouse", 30)));

        Assert.True(slug.Length <= 80);
        Assert.EndsWith("lighthouse", slug, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
    }

    [Fact]
    public void For_AddsSuffixAndExtension()
    {
        Assert.Equal("the-last-lighthouse.pdf", ExportFileNames.For("The Last Lighthouse", "pdf"));
        Assert.Equal("the-last-lighthouse-document.pdf", ExportFileNames.For("The Last Lighthouse", ".pdf", "document"));
    }
}
