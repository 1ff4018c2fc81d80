using System.Net;
using System.Text.RegularExpressions;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ActiveCitizen.Tests.Features.Accounts;

/// <summary>The static account pages over HTTP, as a browser without scripts would use them.</summary>
public sealed partial class AccountPagesTests(DemoApp app) : IClassFixture<DemoApp>
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> CreateConfirmedResidentAsync(string password, bool confirmed = true)
    {
        var email = $"resident.{Guid.NewGuid():N}@example.org";
        using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = "Vera", NormalizedDisplayName = "VERA",
            RegisteredAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        return email;
    }

    private Task<MimeMessage> MailAsync(string email, string subject) => MailFolder.WaitForAsync(app.MailDirectory, email, subject);

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetStringAsync(redirect.Headers.Location);
    }

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_emailed_link_and_the_new_one_signs_in()
    {
        var email = await CreateConfirmedResidentAsync("the old passphrase");
        var client = NewClient();

        var sent = await StaticFormPost.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });
        Assert.Contains("a link to reset the password is on its way", await FollowAsync(client, sent));
        var link = ResetLink().Match((await MailAsync(email, "Reset your password")).TextBody!).Value;

        var reset = await StaticFormPost.SubmitAsync(client, new Uri(link).PathAndQuery, "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Contains("Your password is set.", await FollowAsync(client, reset));

        Assert.Equal(HttpStatusCode.OK, (await StaticFormPost.SignInAsync(NewClient(), email, "the old passphrase")).StatusCode);
        var signedIn = await StaticFormPost.SignInAsync(NewClient(), email, "a brand new passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Asking_to_reset_the_password_of_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var known = await CreateConfirmedResidentAsync("a passphrase for this");
        var client = NewClient();

        var forKnown = await StaticFormPost.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = known });
        var forUnknown = await StaticFormPost.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = "nobody.here@example.org" });

        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        Assert.Contains("a link to reset the password is on its way", await FollowAsync(client, forUnknown));
        await MailAsync(known, "Reset your password");
        Assert.Empty(MailFolder.To(app.MailDirectory, "nobody.here@example.org"));
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_address_fails_exactly_like_a_wrong_password()
    {
        var wrongPassword = await StaticFormPost.SignInAsync(NewClient(), "resident@activecitizen.example", "not the password");
        var unknownAddress = await StaticFormPost.SignInAsync(NewClient(), "someone.else@example.org", "not the password");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownAddress.StatusCode);
        Assert.Equal(Alert(await wrongPassword.Content.ReadAsStringAsync()), Alert(await unknownAddress.Content.ReadAsStringAsync()));
        Assert.Equal("The e-mail or password is not correct.", Alert(await unknownAddress.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Registration_refuses_a_short_password_with_a_clear_message_and_creates_nothing()
    {
        var email = $"short.{Guid.NewGuid():N}@example.org";

        var response = await StaticFormPost.SubmitAsync(NewClient(), "/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Short Password",
            ["Input.Password"] = "seven77",
            ["Input.ConfirmPassword"] = "seven77",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Use at least 8 characters (at most 256).", html);
        Assert.DoesNotContain("seven77", html);
        using var scope = app.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_looks_like_success_and_tells_the_owner_by_mail()
    {
        var owner = await CreateConfirmedResidentAsync("the owner's passphrase");

        var response = await StaticFormPost.SubmitAsync(NewClient(), "/Account/Register", "register", new()
        {
            ["Input.Email"] = owner,
            ["Input.DisplayName"] = "Impostor",
            ["Input.Password"] = "some other passphrase",
            ["Input.ConfirmPassword"] = "some other passphrase",
        });

        Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location!.AbsolutePath);
        await MailAsync(owner, "You already have an account");
        Assert.Equal(HttpStatusCode.Redirect, (await StaticFormPost.SignInAsync(NewClient(), owner, "the owner's passphrase")).StatusCode);
    }

    [Fact]
    public async Task A_registration_posted_twice_at_once_creates_one_account()
    {
        var email = $"twice.{Guid.NewGuid():N}@example.org";
        var client = NewClient();
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Double Click",
            ["Input.Password"] = "double click passphrase",
            ["Input.ConfirmPassword"] = "double click passphrase",
        };

        var form = await StaticFormPost.FillAsync(client, "/Account/Register", "register", fields);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsync("/Account/Register", new FormUrlEncodedContent(form))));

        Assert.All(responses, response => Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location!.AbsolutePath));
        using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Single(users.Users.Where(user => user.NormalizedEmail == email.ToUpperInvariant()));
        await MailAsync(email, "Confirm your e-mail address");
        // The second click finds the account the first created and sends it a fresh link, never "you already have an account".
        Assert.DoesNotContain(MailFolder.To(app.MailDirectory, email), message => message.Subject == "You already have an account");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_the_resident_signed_in()
    {
        var email = await CreateConfirmedResidentAsync("current passphrase");
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaticFormPost.SignInAsync(client, email, "current passphrase")).StatusCode);

        var wrong = await StaticFormPost.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.CurrentPassword"] = "a wrong guess",
            ["Input.NewPassword"] = "next passphrase",
            ["Input.ConfirmPassword"] = "next passphrase",
        });
        Assert.Equal("The current password is not correct.", Alert(await wrong.Content.ReadAsStringAsync()));

        var changed = await StaticFormPost.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.CurrentPassword"] = "current passphrase",
            ["Input.NewPassword"] = "next passphrase",
            ["Input.ConfirmPassword"] = "next passphrase",
        });
        Assert.Contains("Your password has been changed.", await FollowAsync(client, changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaticFormPost.SignInAsync(NewClient(), email, "next passphrase")).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_fails_the_same_way_for_a_registered_and_an_unknown_address()
    {
        var known = await CreateConfirmedResidentAsync("a passphrase to keep");
        var forged = "/Account/ResetPassword?code=Zm9yZ2Vk";

        var answers = new List<string>();
        foreach (var email in new[] { known, "nobody.at.all@example.org" })
        {
            var response = await StaticFormPost.SubmitAsync(NewClient(), forged, "reset-password", new()
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "an attacker's passphrase",
                ["Input.ConfirmPassword"] = "an attacker's passphrase",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(Alert(await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.StartsWith("The password was not changed", answers[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await StaticFormPost.SignInAsync(NewClient(), known, "a passphrase to keep")).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_is_only_called_unconfirmed_to_someone_who_knows_its_password()
    {
        var email = await CreateConfirmedResidentAsync("the right passphrase", confirmed: false);

        var wrong = await StaticFormPost.SignInAsync(NewClient(), email, "a wrong guess");
        var right = await StaticFormPost.SignInAsync(NewClient(), email, "the right passphrase");

        Assert.Equal("The e-mail or password is not correct.", Alert(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal("Please confirm your e-mail address first: open the link we sent you.", Alert(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_address_without_an_account_is_paused_after_five_failures_exactly_like_a_real_one()
    {
        var real = await CreateConfirmedResidentAsync("real passphrase");
        const string invented = "invented.address@example.org";

        foreach (var email in new[] { real, invented })
        {
            var answers = new List<string>();
            for (var attempt = 1; attempt <= AccountLimits.FailedSignInsBeforeLockout + 1; attempt++)
            {
                answers.Add(Alert(await (await StaticFormPost.SignInAsync(NewClient(), email, $"guess {attempt}")).Content.ReadAsStringAsync()));
            }
            Assert.Equal([.. Enumerable.Repeat("The e-mail or password is not correct.", 4), .. Enumerable.Repeat(LockedOut, 2)], answers);
        }
    }

    [Fact]
    public async Task Parallel_guesses_are_all_counted_so_a_burst_cannot_slip_past_the_lockout()
    {
        var email = await CreateConfirmedResidentAsync("the real passphrase");

        await Task.WhenAll(Enumerable.Range(1, 12).Select(attempt => StaticFormPost.SignInAsync(NewClient(), email, $"parallel guess {attempt}")));

        var right = await StaticFormPost.SignInAsync(NewClient(), email, "the real passphrase");
        Assert.Equal(LockedOut, Alert(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_change_form_count_toward_the_lockout_and_end_the_session()
    {
        var email = await CreateConfirmedResidentAsync("current passphrase");
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaticFormPost.SignInAsync(client, email, "current passphrase")).StatusCode);

        HttpResponseMessage last = default!;
        for (var attempt = 1; attempt <= AccountLimits.FailedSignInsBeforeLockout; attempt++)
        {
            last = await StaticFormPost.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
            {
                ["Input.CurrentPassword"] = $"guess {attempt}",
                ["Input.NewPassword"] = "taken over passphrase",
                ["Input.ConfirmPassword"] = "taken over passphrase",
            });
        }

        Assert.Equal("/Account/Login", last.Headers.Location!.AbsolutePath);
        Assert.Contains(LockedOut, await FollowAsync(client, last));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task The_theme_switch_stores_a_known_choice_on_the_account_only_with_the_page_s_token()
    {
        var email = await CreateConfirmedResidentAsync("theme passphrase");
        var client = NewClient();
        // A visitor's switch carries no token and stores nothing: the choice stays in the visitor's own cookie (shell.js).
        Assert.DoesNotContain("__RequestVerificationToken", ThemeSwitchForm(await client.GetStringAsync("/ideas")));
        Assert.Equal(HttpStatusCode.Redirect, (await StaticFormPost.SignInAsync(client, email, "theme passphrase")).StatusCode);
        var token = WebUtility.HtmlDecode(TokenField().Match(ThemeSwitchForm(await client.GetStringAsync("/ideas"))).Groups[1].Value);
        Assert.NotEmpty(token);

        Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields) => client.PostAsync("/account/theme", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(new() { ["theme"] = "Dark" })).StatusCode);
        foreach (var unknown in new[] { "Purple", "7", "1", "dark", "" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(new() { ["__RequestVerificationToken"] = token, ["theme"] = unknown })).StatusCode);
        }
        Assert.Equal(ThemePreference.System, await ThemeOfAsync(email));

        var stored = await PostAsync(new() { ["__RequestVerificationToken"] = token, ["theme"] = "Dark" });

        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal(ThemePreference.Dark, await ThemeOfAsync(email));
    }

    private async Task<ThemePreference> ThemeOfAsync(string email)
    {
        using var scope = app.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Theme;
    }

    private static string ThemeSwitchForm(string html) => ThemeSwitch().Match(html).Value is { Length: > 0 } form
        ? form
        : throw new InvalidOperationException("The page has no theme switch.");

    [GeneratedRegex("<form action=\"account/theme\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex ThemeSwitch();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private const string LockedOut = "Too many unsuccessful attempts. Sign-in is paused for a few minutes; try again later or reset your password.";

    private static string Alert(string html) => WebUtility.HtmlDecode(AlertText().Match(html).Groups[1].Value.Trim());

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex("role=\"alert\"[^>]*>.*?<div class=\"mud-alert-message\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex AlertText();
}
