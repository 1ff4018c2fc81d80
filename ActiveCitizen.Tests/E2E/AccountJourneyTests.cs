using System.Text.RegularExpressions;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_resident_registers_confirms_by_email_signs_in_reads_Russian_and_signs_out()
    {
        var (page, console) = await browser.NewPageAsync();
        var email = $"maria.{Guid.NewGuid():N}@example.org";
        const string password = "tram lines in spring";
        var (homeWatcher, _) = await browser.NewPageAsync();
        await homeWatcher.GotoAsync("/");
        await WaitUntilInteractiveAsync(homeWatcher);
        var residentsFigure = homeWatcher.Locator("[data-figure='Home.Figure.Residents']");

        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-name", "Maria Ivanova");
        await page.SelectOptionAsync("#register-district", "north-eastern");
        await page.FillAsync("#register-password", password);
        await page.FillAsync("#register-confirm", password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();

        await page.GotoAsync(await ConfirmationLinkSentToAsync(email));
        await Expect(page.GetByText("Your e-mail address is confirmed")).ToBeVisibleAsync();
        // Someone already reading the home page sees the new resident counted, without reloading.
        await Expect(residentsFigure).ToHaveTextAsync((await ConfirmedResidentsAsync()).ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        var accountMenu = page.GetByRole(AriaRole.Button, new() { Name = "Account menu", Exact = true });
        await Expect(accountMenu).ToContainTextAsync("Maria Ivanova");
        await Expect(page.GetByTestId("notification-bell")).ToBeVisibleAsync();

        await WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Основная навигация" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Главная" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ваш город — ваши идеи" })).ToBeVisibleAsync();

        var russianAccountMenu = page.GetByRole(AriaRole.Button, new() { Name = "Меню учётной записи", Exact = true });
        await WaitUntilInteractiveAsync(page);
        await russianAccountMenu.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "Войти", Exact = true })).ToBeVisibleAsync();
        await Expect(russianAccountMenu).ToHaveCountAsync(0);
        // Visitors have no bell: the layout leaves it out rather than keeping an empty component in their circuit.
        await Expect(page.GetByTestId("notification-bell")).ToHaveCountAsync(0);

        Assert.Empty(CspViolations(console));
    }

    [Fact]
    public async Task Five_wrong_passwords_pause_the_account_so_the_sixth_and_then_the_right_one_are_refused()
    {
        const string email = "commission@activecitizen.example";
        var (page, _) = await browser.NewPageAsync();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await SignInAsync(page, email, $"wrong password {attempt}");
            var expected = attempt < AccountLimits.FailedSignInsBeforeLockout ? "The e-mail or password is not correct." : "Too many unsuccessful attempts.";
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(expected);
        }

        await SignInAsync(page, email, DemoAccounts.Password);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many unsuccessful attempts.");
        Assert.EndsWith("/Account/Login", page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == ".ActiveCitizen.Auth");
        using var scope = browser.App.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_role_granted_and_revoked_by_an_admin_shows_and_hides_in_the_residents_open_page_without_a_reload()
    {
        var residentEmail = await CreateResidentAsync("Timur Live", "timur's passphrase");
        var (resident, _) = await browser.NewPageAsync();
        await SignInAsync(resident, residentEmail, "timur's passphrase");
        await Expect(resident).ToHaveURLAsync(browser.BaseUrl + "/");
        await WaitUntilInteractiveAsync(resident);
        var adminLink = resident.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true });
        await Expect(adminLink).ToHaveCountAsync(0);

        var (admin, _) = await browser.NewPageAsync();
        await SignInAsync(admin, "admin@activecitizen.example", DemoAccounts.Password);
        await admin.GotoAsync("/admin/users");
        await WaitUntilInteractiveAsync(admin);
        await admin.GetByLabel("Search by e-mail or name").FillAsync("Timur Live");
        var timursRoles = admin.GetByRole(AriaRole.Group, new() { Name = "Roles of Timur Live" });
        await Expect(admin.GetByRole(AriaRole.Group, new() { Name = "Roles of" })).ToHaveCountAsync(1);

        await timursRoles.GetByText("Administrator").ClickAsync();
        await Expect(admin.GetByText("Administrator granted to Timur Live.")).ToBeVisibleAsync();
        await Expect(adminLink).ToBeVisibleAsync();

        await timursRoles.GetByText("Administrator").ClickAsync();
        await Expect(admin.GetByText("Administrator revoked from Timur Live.")).ToBeVisibleAsync();
        await Expect(adminLink).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_dark_theme_chosen_by_a_resident_survives_a_reload_and_follows_them_to_another_device()
    {
        var (laptop, _) = await browser.NewPageAsync();
        await SignInAsync(laptop, "moderator@activecitizen.example", DemoAccounts.Password);
        await WaitUntilInteractiveAsync(laptop);
        var toDark = laptop.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" });
        var toLight = laptop.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" });

        await toDark.ClickAsync();
        await Expect(toLight).ToBeVisibleAsync();
        await Eventually(async () => (await laptop.Context.CookiesAsync()).Any(cookie => cookie is { Name: ThemeCookie.Name, Value: "Dark" }));
        await Eventually(async () =>
        {
            using var scope = browser.App.CreateScope();
            var moderator = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("moderator@activecitizen.example");
            return moderator!.Theme == ThemePreference.Dark;
        });
        await laptop.ReloadAsync();
        await Expect(toLight).ToBeVisibleAsync();

        var (phone, _) = await browser.NewPageAsync();
        await SignInAsync(phone, "moderator@activecitizen.example", DemoAccounts.Password);
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await Expect(phone.Locator("body")).ToHaveCSSAsync("background-color", "rgb(15, 19, 26)");
    }

    private async Task<string> CreateResidentAsync(string displayName, string password)
    {
        var email = $"{displayName.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        using var scope = browser.App.CreateScope();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, NormalizedDisplayName = displayName.ToUpperInvariant(),
            RegisteredAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, password)).Succeeded);
        return email;
    }

    private async Task<int> ConfirmedResidentsAsync()
    {
        using var scope = browser.App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().Users.CountAsync(user => user.EmailConfirmed);
    }

    /// <summary>Waits for the confirmation e-mail the app delivers to its pickup folder and returns the link in it.</summary>
    private async Task<string> ConfirmationLinkSentToAsync(string email)
    {
        var message = await MailFolder.WaitForAsync(browser.App.MailDirectory, email, "Confirm your e-mail address");
        return ConfirmationLink().Match(message.TextBody ?? "").Value;
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationLink();
}
