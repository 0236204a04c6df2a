using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace AgenteFilms.UiBenchmarks;

/// <summary>
/// The account the benchmarks act as: provisioned by the server at start-up (<c>Auth:Bootstrap:*</c>, as a deployment
/// would); the driver calls the API with its token and signs the browser in through the login form.
/// </summary>
internal static class BenchAccount
{
    public const string Email = "bench@agentefilms.test";
    public const string Password = "Bench-pass-1";
    public const string ApiToken = "af_bench-ui-benchmarks-token-0123456789";

    public static IEnumerable<KeyValuePair<string, string?>> BootstrapSettings =>
    [
        new("Auth:Bootstrap:Email", Email),
        new("Auth:Bootstrap:Password", Password),
        new("Auth:Bootstrap:ApiToken", ApiToken),
    ];

    public static HttpClient ApiClient(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        return http;
    }

    /// <summary>A browser context signed in as the account (its cookie), at a laptop-sized viewport.</summary>
    public static async Task<IBrowserContext> NewSignedInContextAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("input[name='Input.Email']").FillAsync(Email);
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Uri(address, "/").ToString());
        await page.CloseAsync();
        return context;
    }
}
