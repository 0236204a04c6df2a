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
