using MudBlazor;

namespace HighServiceDashboard.App.Components.Layout;

/// <summary>
/// The dashboard's palette: a sober blue close to the city government's own, with text colours
/// chosen to keep a 4.5:1 contrast in both themes. Fonts are local (no web font download).
/// </summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#7a4b00",
            AppbarBackground = "#0b5394",
            AppbarText = "#ffffff",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            Info = "#01579b",
            TextSecondary = "#4a4a4a",
            DrawerText = "#1f1f1f",
            DrawerIcon = "#3a3a3a",
        },
        PaletteDark = new PaletteDark
        {
            // Light accents on a dark surface: text set on them (filled buttons, chips) is dark, not
            // MudBlazor's white, which gave 1.7:1 on the primary blue.
            Primary = "#90caf9",
            PrimaryContrastText = "#0d1b2a",
            Secondary = "#ffcc80",
            SecondaryContrastText = "#0d1b2a",
            AppbarBackground = "#1c2733",
            AppbarText = "#ffffff",
            Success = "#81c784",
            SuccessContrastText = "#0d1b2a",
            Warning = "#ffb74d",
            WarningContrastText = "#0d1b2a",
            Error = "#ef9a9a",
            ErrorContrastText = "#0d1b2a",
            Info = "#81d4fa",
            InfoContrastText = "#0d1b2a",
            TextSecondary = "#c8c8c8",
            DrawerText = "#eeeeee",
            DrawerIcon = "#dddddd",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"Noto Sans TC\"", "\"Noto Sans CJK TC\"", "\"Microsoft JhengHei\"", "\"PingFang TC\"", "sans-serif"],
            },
        },
    };
}
