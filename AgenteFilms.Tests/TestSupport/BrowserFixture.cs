using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(AgenteFilms.Tests.TestSupport.BrowserFixture))]

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// One Debian Chromium process for the whole test run, launched on first use; each test takes a fresh context.
/// Path: <c>AGENTEFILMS_TEST_CHROMIUM</c>, else /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    public const string ChromiumVariable = "AGENTEFILMS_TEST_CHROMIUM";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string? ChromiumPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
            var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>A fresh, isolated browser context; skips the test (fails it in CI) when Chromium is missing.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var browser = await GetBrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>
    /// A fresh context signed in to the app at <paramref name="baseAddress"/> as <paramref name="user"/> (default:
    /// <see cref="TestUser.Default"/>), through the real login form; it ends on the dashboard.
    /// </summary>
    public async Task<IBrowserContext> NewSignedInContextAsync(Uri baseAddress, TestUser? user = null)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, baseAddress, user ?? TestUser.Default);
        await page.CloseAsync();
        return context;
    }

    /// <summary>Signs in through the login form and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, TestUser user)
    {
        await page.GotoAsync(new Uri(baseAddress, "/account/login").ToString());
        await page.Locator("input[name='Input.Email']").FillAsync(user.Email);
        await page.Locator("input[name='Input.Password']").FillAsync(user.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Uri(baseAddress, "/").ToString());
    }

    private async Task<IBrowser> GetBrowserAsync()
    {
        if (ChromiumPath is not { } path)
        {
            RequiredService.Missing("Chromium",
                $"Run scripts/test.sh (it installs Debian's chromium), or `apt-get install -y chromium`, or set {ChromiumVariable}.");
        }
        await _gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args =
                    [
                        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync", "--disable-quic",
                    ],
                });
            }
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
