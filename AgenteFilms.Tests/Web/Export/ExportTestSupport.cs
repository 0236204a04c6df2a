using System.Diagnostics;
using System.Text.RegularExpressions;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Export.Layout;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Web.Export;

/// <summary>One font registry for all export tests (it is thread-safe), plus renderer factories.</summary>
internal static class ExportTestSupport
{
    public static readonly FontRegistry Fonts = new();

    /// <summary>Whose pitch and which version the export tests say they render.</summary>
    public static readonly PitchAttribution Attribution = new("writer@agentefilms.test", 7, new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc));

    /// <summary>The default notice for <see cref="Attribution"/>: what production exports carry in their footers.</summary>
    public const string Notice = "Confidential \u2014 \u00A9 2026 writer@agentefilms.test \u2014 draft v7, 25 Nov 2026";

    public static PitchDeckRenderer Deck() => new(Fonts);

    public static PitchDocumentRenderer Document(string pageSize = "A4") =>
        new(Fonts, Options.Create(new ExportOptions { PageSize = pageSize }));

    /// <summary>Words as letter/digit runs, so punctuation, Markdown markers and line-end hyphens do not matter.</summary>
    public static HashSet<string> Words(string text) =>
        Regex.Split(text, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Words of <paramref name="expected"/> that <paramref name="actual"/> has fewer of (multiset difference): a word
    /// dropped once is found even when the same word survives elsewhere.
    /// </summary>
    public static IReadOnlyList<string> MissingWords(string expected, string actual)
    {
        static Dictionary<string, int> Count(string text) =>
            Regex.Split(text, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0)
                .GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var have = Count(actual);
        return Count(expected)
            .Where(e => have.GetValueOrDefault(e.Key) < e.Value)
            .Select(e => $"{e.Key} ({have.GetValueOrDefault(e.Key)} of {e.Value})")
            .ToList();
    }
}

/// <summary>Runs poppler-utils. Missing tools skip the test locally and fail it on CI (CI=true).</summary>
internal static class Poppler
{
    public static string Text(byte[] pdf, bool layout = false) => Run("pdftotext", pdf, (layout ? "-layout " : "") + "-enc UTF-8 {0} -");

    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, "{0}");

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, "-f 1 -l 9999 {0}");

    private static string Run(string tool, byte[] pdf, string argumentsFormat)
    {
        RequireTool(tool);
        var path = Path.Combine(Path.GetTempPath(), $"agente-export-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, argumentsFormat, $"\"{path}\""))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void RequireTool(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
        if (found)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{tool} (poppler-utils) is required on CI: apt-get install -y poppler-utils");
        }

        Assert.Skip($"{tool} is not installed (apt-get install -y poppler-utils); PDF text checks skipped.");
    }
}
