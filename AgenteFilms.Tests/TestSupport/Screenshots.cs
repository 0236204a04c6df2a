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

    /// <summary>A PDF's pages as PNGs (pdftoppm, 60 dpi) beside the screenshots, for people to look at.</summary>
    public static async Task SavePdfPagesAsync(string pdfPath, string prefix)
    {
        var folder = Environment.GetEnvironmentVariable("AGENTEFILMS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder) || !File.Exists("/usr/bin/pdftoppm"))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        using var process = System.Diagnostics.Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "60", pdfPath, Path.Combine(folder, prefix)]);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
