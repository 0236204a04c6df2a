using MudBlazor;

namespace AgenteFilms.Web.Components.Layout;

/// <summary>The product's palette: warm "marquee gold" accent on a deep ink background in dark mode.</summary>
public static class AgenteFilmsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3fd1",
            Secondary = "#c9862b",
            AppbarBackground = "#1f1b2e",
            AppbarText = "#ffffff",
            Background = "#f7f6fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9d89ff",
            Secondary = "#f5b942",
            AppbarBackground = "#151221",
            Background = "#1b1828",
            Surface = "#242036",
            DrawerBackground = "#1f1b2e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
