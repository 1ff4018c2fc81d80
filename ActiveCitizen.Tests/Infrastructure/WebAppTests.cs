using System.Net;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ActiveCitizen.Tests.Infrastructure;

public sealed class WebAppTests(DemoApp app) : IClassFixture<DemoApp>
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_home_page_answers_with_the_platform_and_its_live_figures()
    {
        var response = await NewClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Your city, your ideas", html);
        Assert.Contains("residents taking part", html);
        // The demo accounts are confirmed residents, counted from the database.
        Assert.Contains($"data-figure=\"Home.Figure.Residents\">{DemoAccounts.Everyone.Count()}<", html);
    }

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        var response = await NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_asking_for_user_administration_is_sent_to_sign_in()
    {
        var response = await NewClient().GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location.Query);
    }

    [Fact]
    public async Task A_resident_asking_for_user_administration_is_denied()
    {
        var client = NewClient();
        await StaticFormPost.SignInAsDemoAsync(client, "resident@activecitizen.example");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("No access", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_opens_user_administration()
    {
        var client = NewClient();
        await StaticFormPost.SignInAsDemoAsync(client, "admin@activecitizen.example");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Users and roles", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    public async Task Every_page_carries_the_security_headers(string path)
    {
        var response = await NewClient().GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Every_form_carries_an_antiforgery_token_and_a_post_without_one_is_refused()
    {
        var client = NewClient();
        Assert.Contains("__RequestVerificationToken", await client.GetStringAsync("/Account/Register"));

        var forged = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "resident@activecitizen.example",
            ["Input.Password"] = DemoAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".ActiveCitizen.Auth")));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_friendly_not_found_page()
    {
        var response = await NewClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_browser_language_chooses_Russian_and_the_culture_cookie_overrides_it()
    {
        var russian = new HttpRequestMessage(HttpMethod.Get, "/");
        russian.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        var html = await (await NewClient().SendAsync(russian)).Content.ReadAsStringAsync();
        Assert.Contains("Ваш город — ваши идеи", html);
        Assert.Contains("<html lang=\"ru\"", html);

        var client = NewClient();
        var switched = await client.GetAsync("/culture/set?culture=en&redirectUri=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture"));
        var chosen = new HttpRequestMessage(HttpMethod.Get, "/");
        chosen.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        chosen.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Contains("Your city, your ideas", await (await NewClient().SendAsync(chosen)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2F%2Fevil.example")]
    public async Task The_culture_switch_only_redirects_within_the_site(string redirect)
    {
        var response = await NewClient().GetAsync($"/culture/set?culture=ru&redirectUri={redirect}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_crafted_return_address_after_sign_in_leads_home_instead_of_failing()
    {
        var client = NewClient();
        var form = await StaticFormPost.FillAsync(client, "/Account/Login?ReturnUrl=%2F%5Cevil.example", "login", new()
        {
            ["Input.Email"] = "moderator@activecitizen.example",
            ["Input.Password"] = DemoAccounts.Password,
        });

        var response = await client.PostAsync("/Account/Login?ReturnUrl=%2F%5Cevil.example", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(client.BaseAddress!, "/"), new Uri(client.BaseAddress!, response.Headers.Location!));
    }
}

public sealed class ProductionBehaviourTests : IDisposable
{
    private readonly AppFactory app = new("Production", demoData: false, configureServices: services =>
    {
        services.AddSingleton<ISiteFigureSource, FailingFigures>();
        services.AddSingleton<IMailOutbox, FailingOutbox>();
    });

    private sealed class FailingFigures : ISiteFigureSource
    {
        public Task<IReadOnlyList<SiteFigure>> ReadAsync(AppDbContext db, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Simulated failure inside a page: SECRET-STACK-DETAIL");
    }

    private sealed class FailingOutbox : IMailOutbox
    {
        public Task EnqueueAsync(MimeMessage message, CancellationToken cancellationToken = default) =>
            throw new IOException("Simulated storage failure: SECRET-STACK-DETAIL");
    }

    private static void AssertFriendlyAndDiscreet(string html)
    {
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("SECRET-STACK-DETAIL", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at ActiveCitizen", html);
    }

    [Fact]
    public async Task A_failing_part_of_an_interactive_page_shows_a_friendly_error_and_no_details()
    {
        var response = await app.CreateClient().GetAsync("/");

        AssertFriendlyAndDiscreet(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_static_page_answers_500_with_the_friendly_error_page_and_no_details()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://activecitizen.example/") });

        var response = await StaticFormPost.SubmitAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "new.resident@example.org",
            ["Input.DisplayName"] = "New Resident",
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a long enough passphrase",
        });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertFriendlyAndDiscreet(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outside_development_browsers_are_told_to_keep_to_https()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://activecitizen.example/") });

        var response = await client.GetAsync("/health");

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Production_refuses_to_start_with_demo_accounts_enabled()
    {
        await using var misconfigured = new AppFactory("Production", demoData: true);

        var refusal = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("DemoData:Enabled is true in Production", refusal.ToString());
    }

    public void Dispose() => app.Dispose();
}

public sealed class MailDuringOutageTests : IDisposable
{
    private sealed class DownServer : IMailDelivery
    {
        public Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default) => throw new IOException("Connection refused");
    }

    private readonly AppFactory app = new("Testing", demoData: false,
        configureServices: services => services.AddSingleton<IMailDelivery, DownServer>(),
        settings: new Dictionary<string, string> { ["Site:PublicUrl"] = "https://city.example/portal" });

    [Fact]
    public async Task Registration_succeeds_while_the_mail_server_is_down_and_the_message_waits_in_the_outbox()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await StaticFormPost.SubmitAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "patient.resident@example.org",
            ["Input.DisplayName"] = "Patient Resident",
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a long enough passphrase",
        });

        Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location!.AbsolutePath);
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var queued = await db.Set<QueuedMail>().SingleAsync();
        Assert.Equal("patient.resident@example.org", queued.Recipient);
        Assert.Null(queued.GaveUpAt);
    }

    [Fact]
    public async Task Links_in_mail_use_the_configured_public_address_whatever_host_the_request_named()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example/") });

        await StaticFormPost.SubmitAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "linked.resident@example.org",
            ["Input.DisplayName"] = "Linked Resident",
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a long enough passphrase",
        });

        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var queued = await db.Set<QueuedMail>().SingleAsync(mail => mail.Recipient == "linked.resident@example.org");
        var text = MimeMessage.Load(new MemoryStream(queued.Message)).TextBody!;
        Assert.Contains("https://city.example/portal/Account/ConfirmEmail?", text);
        Assert.DoesNotContain("evil.example", text);
    }

    public void Dispose() => app.Dispose();
}
