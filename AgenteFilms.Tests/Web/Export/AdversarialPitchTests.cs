using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export.Layout;

namespace AgenteFilms.Tests.Web.Export;

/// <summary>Agent output is untrusted: odd input must render without throwing, clipping or losing text.</summary>
public sealed class AdversarialPitchTests
{
    private static readonly string Huge = string.Concat(Enumerable.Repeat("Unbreakable", 120));

    private static PitchDocument Pitch() => new()
    {
        Title = Huge,
        Logline = "   ",
        Genre = "\t",
        Synopsis = "**unclosed bold and *stray markers ** __ ` and a tab\there and a bell \u0007 and 🎬 emoji.\n\n" + Huge,
        Characters = [new(Huge, "", "", "", ""), new("", " ", "- ", "*", "**")],
        Acts = [new(7, "", "", [new("", ""), new(Huge, Huge)])],
        Comparables = [new("", null, "", "", " "), new(Huge, 1999, Huge, Huge, Huge)],
        Casting = [new("", [], ""), new(Huge, [Huge, ""], Huge)],
        Themes = ["", "  ", Huge],
        BudgetRange = Huge,
    };

    [Fact]
    public void Deck_RendersOddInput_WithinTheSlides_KeepingEveryWord()
    {
        var slides = ExportTestSupport.Deck().Layout(Pitch(), ExportTestSupport.Notice, TestContext.Current.CancellationToken);

        AssertWithinPages(slides);
        var text = string.Concat(slides.Select(s => s.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("emoji", text, StringComparison.Ordinal);
        // The huge word is broken across lines and slides, but every character survives in each of the 15 places
        // it is used (title, synopsis, character, beat ×2, comparable ×4, casting ×3, theme, budget ×2). Its one
        // lower-case "k" counts copies; running footers are upper-case and do not count.
        Assert.True(text.Count(c => c == 'k') >= 15 * 120, $"{text.Count(c => c == 'k')} 'k's");
    }

    [Fact]
    public void Document_RendersOddInput_WithinThePages()
    {
        var pages = ExportTestSupport.Document().Layout(Pitch(), ExportTestSupport.Notice, TestContext.Current.CancellationToken);

        AssertWithinPages(pages);
        Assert.NotEmpty(ExportTestSupport.Document().Render(Pitch(), ExportTestSupport.Notice, TestContext.Current.CancellationToken));
    }

    private static void AssertWithinPages(IReadOnlyList<PageLayout> pages)
    {
        foreach (var page in pages)
        {
            Assert.All(page.Ops.OfType<TextOp>(), t =>
            {
                Assert.InRange(t.Baseline, 0, page.Height);
                Assert.InRange(t.X, 0, page.Width);
                Assert.InRange(t.X + t.Width, 0, page.Width + 0.01f);
            });
        }
    }
}
