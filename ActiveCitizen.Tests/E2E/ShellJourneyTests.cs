using ActiveCitizen.App.Features.Accounts;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>The app's shell as a resident meets it on a phone and on a computer: the navigation drawer and the light/dark theme.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellJourneyTests(BrowserFixture browser)
{
    private const string DarkBackground = "rgb(15, 19, 26)";
    private const string LightBackground = "rgb(245, 247, 251)";

    [Fact]
    public async Task On_a_phone_the_menu_covers_the_page_only_when_opened_and_closes_after_a_link_or_a_tap_beside_it()
    {
        var (page, menuButton, ideasLink) = await OpenHomeAsync(width: 400, height: 800);

        await Expect(ideasLink).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Equal(0, (await page.Locator("main").BoundingBoxAsync())!.X);

        await menuButton.ClickAsync();
        await Expect(ideasLink).ToBeVisibleAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");

        await ideasLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ideas$"));
        await Expect(ideasLink).ToBeHiddenAsync();

        await menuButton.ClickAsync();
        await Expect(ideasLink).ToBeVisibleAsync();
        await page.Mouse.ClickAsync(350, 400);
        await Expect(ideasLink).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task On_a_computer_the_menu_sits_beside_the_page_until_the_reader_puts_it_away()
    {
        var (page, menuButton, ideasLink) = await OpenHomeAsync(width: 1300, height: 900);

        await Expect(ideasLink).ToBeVisibleAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await ideasLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ideas$"));
        await Expect(ideasLink).ToBeVisibleAsync();
        Assert.True((await page.Locator("main").BoundingBoxAsync())!.X >= 240, "The page starts beside the open menu.");

        await menuButton.ClickAsync();
        await Expect(ideasLink).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("main")).ToHaveCSSAsync("margin-left", "0px");

        await menuButton.ClickAsync();
        await Expect(ideasLink).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reader_whose_system_is_dark_gets_the_dark_theme_from_the_first_paint_and_can_still_choose_light()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var toLight = page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" });
        var toDark = page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" });

        // The server cannot know the system's theme: the prerendered page, before any script, already follows it.
        await page.GotoAsync("/");
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        await Expect(toLight).ToBeVisibleAsync();
        await Expect(toDark).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
        await Expect(toDark).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await WaitUntilInteractiveAsync(page);
        // From the keyboard: the switch that replaces the one used keeps the focus.
        await toLight.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
        await Expect(toDark).ToBeFocusedAsync();
        await Eventually(async () => (await page.Context.CookiesAsync()).Any(cookie => cookie is { Name: ThemeCookie.Name, Value: "Light" }));

        await page.ReloadAsync();
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
    }

    /// <summary>The home page in a window of this size, with the (visible) menu button and the menu's link to the ideas.</summary>
    private async Task<(IPage Page, ILocator MenuButton, ILocator IdeasLink)> OpenHomeAsync(int width, int height)
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/");
        await WaitUntilInteractiveAsync(page);
        return (page, page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }),
            page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Ideas" }));
    }
}
