using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task From_the_catalog_an_idea_opens_live_and_its_page_keeps_the_menu_the_theme_and_the_languages_working()
    {
        var title = await IdeaTitleAsync(await browser.NewHousingIdeaAsync("Island idea"));
        var (page, console) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1300, 900);
        await page.GotoAsync($"/ideas?q={Uri.EscapeDataString(title)}");
        await WaitUntilInteractiveAsync(page);
        var card = page.Locator(".idea-card").First;

        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync(page);
        // The idea is live: the reader counts as viewing it.
        await Expect(page.GetByTestId("viewers")).ToContainTextAsync("Viewing now: 1");

        // The menu put away here stays away on the next page, and comes back when asked.
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });
        var ideasLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Ideas" });
        await Expect(ideasLink).ToBeVisibleAsync();
        await menuButton.ClickAsync();
        await Expect(ideasLink).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        await Expect(ideasLink).ToBeHiddenAsync();
        await page.GoBackAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(ideasLink).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await menuButton.ClickAsync();
        await Expect(ideasLink).ToBeVisibleAsync();

        // The theme switches at once and is remembered.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        await page.ReloadAsync();
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);

        // Russian brings the reader back to the same idea, the shell and the live idea alike.
        var ideaUrl = page.Url;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Основная навигация" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Обсуждение" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("viewers")).ToContainTextAsync("Сейчас смотрят: 1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Войдите, чтобы поддержать" })).ToBeVisibleAsync();
        Assert.Equal(ideaUrl, page.Url);
        Assert.Empty(CspViolations(console));
    }

    [Fact]
    public async Task On_an_idea_page_a_visitor_signs_in_and_out_through_the_shell_and_comes_back_to_the_idea()
    {
        var (page, _) = await browser.NewPageAsync();
        var email = await browser.NewResidentAsync("Irina Island");
        var ideaPath = $"ideas/{await browser.NewHousingIdeaAsync("Signed in on an island")}";
        await page.GotoAsync("/" + ideaPath);
        await WaitUntilInteractiveAsync(page);

        await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", BrowserFixture.ResidentPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/" + ideaPath);
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Support this idea" })).ToBeVisibleAsync();

        var accountMenu = page.GetByRole(AriaRole.Button, new() { Name = "Account menu", Exact = true });
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(accountMenu).ToContainTextAsync("Irina Island");
        await Expect(signOut).ToBeHiddenAsync();
        await accountMenu.ClickAsync();
        await Expect(signOut).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(signOut).ToBeHiddenAsync();
        await Expect(accountMenu).ToBeFocusedAsync();
        await accountMenu.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();
        await Expect(signOut).ToBeHiddenAsync();

        await accountMenu.ClickAsync();
        await signOut.ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/" + ideaPath);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in to support" })).ToBeVisibleAsync();
        await Expect(accountMenu).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_account_menu_closes_once_one_of_its_entries_is_followed()
    {
        var (page, _) = await browser.NewPageAsync();
        await SignInAsync(page, await browser.NewResidentAsync("Mila Menu"), BrowserFixture.ResidentPassword);
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        await WaitUntilInteractiveAsync(page);
        var accountMenu = page.GetByRole(AriaRole.Button, new() { Name = "Account menu", Exact = true });

        await accountMenu.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Personal account", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/account");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeHiddenAsync();
        await Expect(accountMenu).ToHaveAttributeAsync("aria-expanded", "false");
    }

    private async Task<string> IdeaTitleAsync(int ideaId)
    {
        using var scope = browser.App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Idea>().Where(idea => idea.Id == ideaId).Select(idea => idea.Title).SingleAsync();
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
