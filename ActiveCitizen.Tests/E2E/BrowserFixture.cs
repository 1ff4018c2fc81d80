using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ActiveCitizen.Tests.E2E;

/// <summary>
/// The app on a real Kestrel port with its demo accounts, and one headless Chromium (Debian's, never a downloaded one) shared by the
/// browser tests. A missing Chromium fails the tests with instructions; it never skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";
    public const string ResidentPassword = "a resident's passphrase";

    private IPlaywright? playwright;

    public KestrelApp App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium}, and it is not there. Install it with `sudo apt-get install -y chromium` " +
                "(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary. The tests never download a browser.");
        }
        BaseUrl = App.Start();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) in English, with console messages collected for the test to inspect.</summary>
    public async Task<(IPage Page, List<string> Console)> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => { lock (console) { console.Add($"{message.Type}: {message.Text}"); } };
        page.PageError += (_, error) => { lock (console) { console.Add($"pageerror: {error}"); } };
        return (page, console);
    }

    /// <summary>
    /// A fresh idea in the demo's open housing project, its title <paramref name="titleStart"/> and a unique ending, so that no other
    /// test's readers, comments or counts meet it (browser pages stay open, and count as viewers, until the run ends); returns its id.
    /// </summary>
    public async Task<int> NewHousingIdeaAsync(string titleStart)
    {
        using var scope = App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var project = await db.Set<Project>().Include(candidate => candidate.Categories).SingleAsync(candidate => candidate.Slug == DemoProjects.HousingSlug);
        var idea = new Idea
        {
            ProjectId = project.Id,
            CategoryId = project.Categories[0].Id,
            AuthorId = await db.Users.Select(user => user.Id).FirstAsync(),
            Title = $"{titleStart} {Guid.NewGuid():N}"[..40],
            Description = "An idea created for a browser test.",
            SubmittedAt = DateTime.UtcNow.AddMinutes(-30),
            SubmissionKey = Guid.NewGuid(),
        };
        db.Add(idea);
        await db.SaveChangesAsync();
        return idea.Id;
    }

    /// <summary>A new confirmed resident who signs in with <see cref="ResidentPassword"/>; returns the e-mail address.</summary>
    public async Task<string> NewResidentAsync(string displayName)
    {
        var email = $"{displayName.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        using var scope = App.CreateScope();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, NormalizedDisplayName = displayName.ToUpperInvariant(),
            RegisteredAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, ResidentPassword)).Succeeded);
        return email;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The app served by Kestrel on a free loopback port, as a browser needs it.</summary>
public sealed class KestrelApp : AppFactory
{
    public KestrelApp(IReadOnlyDictionary<string, string>? settings = null) : base("Testing", demoData: true, settings: settings)
    {
        UseKestrel(0);
    }

    /// <summary>Starts the server on its free port and returns its address, without a trailing slash.</summary>
    public string Start()
    {
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
