using System.Text.RegularExpressions;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Export.Layout;

namespace AgenteFilms.Tests.Web.Export;

/// <summary>The notice in the page footers: on every page, whole, and never in the way of the content.</summary>
public sealed class FooterNoticeLayoutTests
{
    /// <summary>Wraps to several footer lines in both layouts.</summary>
    private const string LongNotice =
        "Confidential and proprietary \u2014 \u00A9 2026 Ana Writer-Longname of Example Productions Ltd \u2014 draft v12, 25 Nov 2026 \u2014 "
        + "not for distribution, reproduction or disclosure to any third party without the prior written consent of the author; "
        + "every copy is watermarked and traceable.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<PageLayout> Layout(string layout, string? notice, int characters = 30) => layout == "deck"
        ? ExportTestSupport.Deck().Layout(SamplePitches.Big(characterCount: characters), notice, Ct)
        : ExportTestSupport.Document().Layout(SamplePitches.Big(characterCount: characters), notice, Ct);

    [Theory]
    [InlineData("deck", false)]
    [InlineData("deck", true)]
    [InlineData("document", false)]
    [InlineData("document", true)]
    public void EveryPage_HasTheWholeNotice_AndNoTextOverlapsAnother(string layout, bool longNotice)
    {
        var notice = longNotice ? LongNotice : ExportTestSupport.Notice;

        var pages = Layout(layout, notice);

        Assert.All(pages, (page, i) =>
        {
            Assert.True(Flat(page.Text).Contains(notice, StringComparison.Ordinal), $"page {i + 1} has the whole notice");
            AssertNoTextOverlaps(page, i + 1);
        });
    }

    [Theory]
    [InlineData("deck", false)]
    [InlineData("deck", true)]
    [InlineData("document", false)]
    [InlineData("document", true)]
    public void BodyText_EndsAboveTheFooterRule_AndTheNoticeSitsBelowIt(string layout, bool longNotice)
    {
        var notice = longNotice ? LongNotice : ExportTestSupport.Notice;
        var firstWord = notice.Split(' ')[0];

        var pages = Layout(layout, notice);

        var ruled = pages.Select(page => (Page: page, Rule: FooterRule(page))).Where(p => p.Rule is not null).ToList();
        Assert.True(ruled.Count >= pages.Count - 2, "every page but the cover or title page has a footer rule");
        Assert.All(ruled, p =>
        {
            var rule = p.Rule!.Value;
            var above = p.Page.Ops.OfType<TextOp>().Where(t => t.Baseline < rule).ToList();
            var below = p.Page.Ops.OfType<TextOp>().Where(t => t.Baseline > rule).ToList();
            Assert.All(above, t => Assert.True(Bottom(t) < rule - 10, $"\"{t.Text}\" ends at {Bottom(t):F1}, the footer rule is at {rule:F1}"));
            Assert.Contains(below, t => t.Text.StartsWith(firstWord, StringComparison.Ordinal));
            Assert.All(below, t => Assert.True(Top(t) > rule + 2 && Bottom(t) < p.Page.Height - 8, $"footer text \"{t.Text}\" stays between the rule and the edge"));
        });
    }

    [Theory]
    [InlineData("deck")]
    [InlineData("document")]
    public void LongNotice_MovesTheFooterUp_AndKeepsEveryWordOfTheBody(string layout)
    {
        var pitch = SamplePitches.Big(characterCount: 30);
        var expected = PitchDeckRendererTests.PitchText(pitch);

        var plain = Layout(layout, ExportTestSupport.Notice);
        var tall = Layout(layout, LongNotice);

        Assert.True(FooterRule(tall[^1]) < FooterRule(plain[^1]) - 8, "the wrapped notice moves the footer rule up");
        // The content frame shrinks by as much: body text keeps at least the clearance above the rule it has with a
        // one-line notice.
        var clearance = plain.Select(BodyClearance).OfType<float>().Min();
        Assert.All(tall, (page, i) => Assert.True(BodyClearance(page) is not { } c || c >= clearance - 0.5f, $"page {i + 1}: {BodyClearance(page):F1} pt above the rule, not {clearance:F1}"));
        Assert.True(tall.Count >= plain.Count);
        Assert.Empty(ExportTestSupport.MissingWords(expected, string.Join(" ", tall.Select(p => p.Text))));
    }

    [Theory]
    [InlineData("deck")]
    [InlineData("document")]
    public void WithoutANotice_TheFootersAreAsBefore(string layout)
    {
        var pages = Layout(layout, null, characters: 6);

        Assert.DoesNotContain(pages, p => p.Text.Contains("Confidential", StringComparison.Ordinal));
        Assert.Contains(layout == "deck" ? "Pitch deck" : "Pitch document", pages[^1].Text, StringComparison.Ordinal);
    }

    /// <summary>The full-width horizontal hairline lowest on the page (the footer's), or null for pages without one.</summary>
    private static float? FooterRule(PageLayout page) => page.Ops.OfType<LineOp>()
        .Where(l => Math.Abs(l.Y1 - l.Y2) < 0.01f && l.X2 - l.X1 > page.Width * 0.6f && l.Y1 > page.Height * 0.7f)
        .Select(l => (float?)l.Y1).Max();

    /// <summary>Space between the lowest body text and the footer rule, or null for a page without a rule.</summary>
    private static float? BodyClearance(PageLayout page) => FooterRule(page) is { } rule
        ? rule - page.Ops.OfType<TextOp>().Where(t => t.Baseline < rule).Select(Bottom).DefaultIfEmpty(0).Max()
        : null;

    // Glyph boxes from the font size: generous enough for accents above and descenders below.
    private static float Top(TextOp t) => t.Baseline - t.Size * 0.8f;

    private static float Bottom(TextOp t) => t.Baseline + t.Size * 0.22f;

    private static void AssertNoTextOverlaps(PageLayout page, int number)
    {
        var texts = page.Ops.OfType<TextOp>().Where(t => t.Text.Trim().Length > 0).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                var (a, b) = (texts[i], texts[j]);
                var overlapX = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
                var overlapY = Math.Min(Bottom(a), Bottom(b)) - Math.Max(Top(a), Top(b));
                Assert.False(overlapX > 0.5f && overlapY > 0.5f, $"page {number}: \"{a.Text}\" overlaps \"{b.Text}\"");
            }
        }
    }

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");
}
