using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class AppThemeStylesTests : ComponentTestContext
{
    private const string LightBackground = "--mud-palette-background: rgba(245,247,251,1);";
    private const string DarkBackground = "--mud-palette-background: rgba(15,19,26,1);";
    private const string WhenSystemIsDark = "@media (prefers-color-scheme: dark)";

    public AppThemeStylesTests() => Services.AddSingleton<ThemeStylesheets>();

    /// <summary>What the component writes for the preference, once the stylesheets are rendered (the first time, off the caller's thread).</summary>
    private string Styles(ThemePreference preference)
    {
        var styles = Render<AppThemeStyles>(parameters => parameters.Add(styles => styles.Preference, preference));
        styles.WaitForAssertion(() => Assert.Contains("<style", styles.Markup));
        return styles.Markup;
    }

    [Fact]
    public void A_chosen_theme_writes_only_its_own_palette()
    {
        var light = Styles(ThemePreference.Light);
        var dark = Styles(ThemePreference.Dark);

        Assert.Contains(LightBackground, light);
        Assert.DoesNotContain(DarkBackground, light);
        Assert.Contains(DarkBackground, dark);
        Assert.DoesNotContain(LightBackground, dark);
        Assert.DoesNotContain(WhenSystemIsDark, light + dark);
    }

    [Fact]
    public void The_system_theme_writes_light_and_lets_the_browser_switch_to_dark_by_itself()
    {
        var system = Styles(ThemePreference.System);

        var darkRules = system.IndexOf(WhenSystemIsDark, StringComparison.Ordinal);
        Assert.True(darkRules > 0, "The dark palette is under a prefers-color-scheme media query.");
        Assert.Contains(LightBackground, system[..darkRules]);
        Assert.Contains(DarkBackground, system[darkRules..]);
        Assert.Contains("--mud-native-html-color-scheme: dark;", system[darkRules..]);
    }
}
