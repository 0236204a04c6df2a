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

    /// <summary>
    /// A MudBlazor icon (one of the <see cref="Icons"/> constants, never text from outside) as plain SVG, styled like
    /// MudIcon. Rows repeated dozens of times per workspace use this instead of a component: every component instance
    /// costs a circuit its own render-tree buffers for as long as the page is open.
    /// </summary>
    public static RenderFragment Icon(string icon, string cssClass, string? label = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {cssClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        if (label is null)
        {
            builder.AddAttribute(4, "aria-hidden", "true");
        }
        else
        {
            builder.AddAttribute(5, "role", "img");
            builder.AddAttribute(6, "aria-label", label);
        }
        builder.AddMarkupContent(7, icon);
        builder.CloseElement();
    };

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
