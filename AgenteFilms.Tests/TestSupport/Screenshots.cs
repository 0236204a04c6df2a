using Microsoft.Playwright;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>Full-page screenshots for people to look at, written only when AGENTEFILMS_SCREENSHOTS names a folder.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("AGENTEFILMS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }
}
