using AgenteFilms.Web.Features.Pitch;
using AngleSharp.Html.Parser;

namespace AgenteFilms.Tests.Web.Pitch;

public sealed class SafeMarkdownTests
{
    private static readonly string[] s_attacks =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"alert(1)\">click</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"width: expression(alert(1))\">x</p>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "[x](https://ok.example \"title\" onmouseover=alert(1))",
        "<details open ontoggle=alert(1)>",
        "`<script>alert(1)</script>` and\n\n    <script>alert(1)</script>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[a](https://ok.example)<!-- <img src=x onerror=alert(1)> -->",
    ];

    [Fact]
    public void NothingExecutableSurvives_TheXssList()
    {
        var parser = new HtmlParser();
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "strong", "em", "del", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "code", "pre",
            "table", "thead", "tbody", "tr", "th", "td", "a",
        };
        foreach (var attack in s_attacks)
        {
            var html = SafeMarkdown.ToHtml(attack);
            var body = parser.ParseDocument($"<body>{html}</body>").Body!;
            foreach (var element in body.QuerySelectorAll("*"))
            {
                Assert.True(allowed.Contains(element.LocalName), $"<{element.LocalName}> survived from: {attack}\n{html}");
                foreach (var attribute in element.Attributes)
                {
                    Assert.True(attribute.Name is "href" or "rel", $"{attribute.Name} survived from: {attack}\n{html}");
                }
                if (element.GetAttribute("href") is { } href)
                {
                    var scheme = href.Contains(':', StringComparison.Ordinal) ? href[..href.IndexOf(':', StringComparison.Ordinal)].Trim().ToLowerInvariant() : "";
                    Assert.True(scheme is "" or "http" or "https" or "mailto", $"href {href} survived from: {attack}\n{html}");
                }
            }
        }
    }

    [Fact]
    public void RendersFormatting_AndSafeLinksWithRel()
    {
        var html = SafeMarkdown.ToHtml("### Act 1\n\n**Bold** and *italic*\n\n- one\n- two\n\n[site](https://example.com) · [mail](mailto:a@example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h3", html);
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<em>italic</em>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://example.com\"", html);
        Assert.Contains("href=\"mailto:a@example.com\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void ShowsRawHtml_AsText()
    {
        var html = SafeMarkdown.ToHtml("Use <b>bold</b> sparingly");

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
    }
}
