using System.Globalization;

namespace AgenteFilms.Web.Components.Shared;

/// <summary>One way to show a moment on every page ("25 Nov 2026, 14:17"), whatever the server's culture.</summary>
public static class DisplayTime
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day only ("25 Nov 2026").</summary>
    public static string Day(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
