using System.Globalization;
using AgenteFilms.Data.Entities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgenteFilms.Web.Components.Pages.Workspace;

/// <summary>How the workspace writes durations, tokens, costs and statuses.</summary>
internal static class TimelineFormat
{
    private static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("en-US");

    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{duration.TotalMilliseconds.ToString("0", s_culture)} ms",
        < 60 => $"{duration.TotalSeconds.ToString("0.0", s_culture)} s",
        _ => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
    };

    /// <summary>"researcher_save_note" (Plugin_function) → "save note".</summary>
    public static string ToolLabel(string agent, string tool)
    {
        var name = tool.StartsWith(agent + "_", StringComparison.OrdinalIgnoreCase) || tool.StartsWith(agent + "-", StringComparison.OrdinalIgnoreCase)
            ? tool[(agent.Length + 1)..]
            : tool;
        return name.Replace('_', ' ').Replace('-', ' ');
    }

    public static string Tokens(long tokens) => tokens.ToString("N0", s_culture);

    public static string Cost(decimal usd) => usd switch
    {
        0m => "$0.00",
        < 0.01m => "$" + usd.ToString("0.0000", s_culture),
        _ => usd.ToString("C2", s_culture),
    };

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Queued => "Queued",
        RunStatus.Running => "Running",
        RunStatus.Completed => "Completed",
        RunStatus.Failed => "Failed",
        RunStatus.Cancelled => "Cancelled",
        _ => "Interrupted",
    };

    public static Color StatusColor(RunStatus status) => status switch
    {
        RunStatus.Queued or RunStatus.Running => Color.Info,
        RunStatus.Completed => Color.Success,
        RunStatus.Failed => Color.Error,
        _ => Color.Warning,
    };
}
