using System.Text.RegularExpressions;
using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AgenteFilms.Tests.Web.Security;

public sealed partial class SecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagesAndApi_CarryThePolicy_NoSniff_AndReferrerPolicy_WithAFreshNoncePerPage()
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        using var client = app.CreateClient();

        var first = await client.GetAsync("/", Ct);
        var second = await client.GetAsync("/pitches/new", Ct);
        var api = await client.GetAsync("/api/sessions", Ct);

        foreach (var response in new[] { first, second, api })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            var scripts = policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe", scripts);
            Assert.Contains("frame-ancestors 'none'", policy);
        }
        var nonces = new List<string>();
        foreach (var page in new[] { first, second })
        {
            var nonce = NonceIn().Match(page.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
            var html = await page.Content.ReadAsStringAsync(Ct);
            // The only inline script, Blazor's import map, carries this response's nonce.
            Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
            Assert.Single(InlineScript().Matches(html));
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
        Assert.False(first.Headers.Contains("Strict-Transport-Security"), "HSTS in development would pin localhost to HTTPS");
    }

    [Fact]
    public async Task OutsideDevelopment_HttpsResponsesCarryHsts()
    {
        using var folder = new TempFolder();
        await using var factory = AppFactory.OnSqlite(folder.Path);
        await using var app = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://agentefilms.example") });

        var response = await client.GetAsync("/health/live", Ct);

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceIn();

    // A <script> element with a body (no src): inline script.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
