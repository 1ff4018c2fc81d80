using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Components.Layout;

/// <summary>The one stylesheet every page carries; browser tests (ShellJourneyTests) check the colours a reader then sees.</summary>
public sealed class AppThemeStylesTests : ComponentTestContext
{
    private const string LightBackground = "--mud-palette-background: rgba(245,247,251,1);";
    private const string DarkBackground = "--mud-palette-background: rgba(15,19,26,1)";
    private const string ChosenDark = "html[data-theme=\"Dark\"]{";
    private const string SystemDark = "@media (prefers-color-scheme: dark) {html[data-theme=\"System\"]{";

    public AppThemeStylesTests() => Services.AddSingleton<ThemeStylesheets>();

    /// <summary>What the component writes, once the stylesheet is rendered (the first time, off the caller's thread).</summary>
    private string Styles()
    {
        var styles = Render<AppThemeStyles>();
        styles.WaitForAssertion(() => Assert.Contains("<style", styles.Markup));
        return styles.Markup;
    }

    /// <summary>The declarations of the rule that starts with <paramref name="opening"/>.</summary>
    private static string RuleAfter(string styles, string opening)
    {
        var start = styles.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No rule opens with {opening}");
        start += opening.Length;
        return styles[start..styles.IndexOf('}', start)];
    }

    [Fact]
    public void Light_is_the_page_s_own_palette_and_dark_applies_to_a_page_marked_dark()
    {
        var styles = Styles();

        Assert.Contains(LightBackground, RuleAfter(styles, ":root{"));
        var dark = RuleAfter(styles, ChosenDark);
        Assert.Contains(DarkBackground, dark);
        Assert.Contains("--mud-native-html-color-scheme: dark", dark);
        // Only what differs: the rest (sizes, layers, fonts) comes from the light palette.
        Assert.DoesNotContain("--mud-zindex-appbar", dark);
        Assert.True(styles.IndexOf(ChosenDark, StringComparison.Ordinal) > styles.IndexOf(":root{", StringComparison.Ordinal),
            "The dark rule follows the light one.");
    }

    [Fact]
    public void The_system_theme_lets_the_browser_switch_to_dark_by_itself()
    {
        var styles = Styles();

        Assert.Equal(RuleAfter(styles, ChosenDark), RuleAfter(styles, SystemDark));
    }
}
