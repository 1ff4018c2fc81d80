using MudBlazor;

namespace ActiveCitizen.App.Shared;

/// <summary>The one theme, light and dark: civic blue with a warm accent, contrast at least WCAG AA for text on both.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b5fa8",
            Secondary = "#c2410c",
            Tertiary = "#0f766e",
            AppbarBackground = "#1b5fa8",
            AppbarText = "#ffffff",
            Background = "#f5f7fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2330",
            TextPrimary = "#1d2330",
            TextSecondary = "#4a5568",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab8ff",
            PrimaryContrastText = "#0f131a",
            Secondary = "#ff9466",
            SecondaryContrastText = "#0f131a",
            Tertiary = "#5eead4",
            AppbarBackground = "#161b26",
            AppbarText = "#e6e9ef",
            Background = "#0f131a",
            Surface = "#181e29",
            DrawerBackground = "#131822",
            DrawerText = "#e6e9ef",
            TextPrimary = "#e6e9ef",
            TextSecondary = "#a9b3c3",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
