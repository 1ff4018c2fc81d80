using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>A moderator in one browser, a resident in another: what the moderator does reaches the resident's open page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserFixture browser)
{
    private async Task<int> NewIdeaAsync(string title)
    {
        using var scope = browser.App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var project = await db.Set<Project>().Include(candidate => candidate.Categories).SingleAsync(candidate => candidate.Slug == DemoProjects.HousingSlug);
        var idea = new Idea
        {
            ProjectId = project.Id, CategoryId = project.Categories[0].Id, AuthorId = await db.Users.Select(user => user.Id).FirstAsync(), Title = title,
            Description = "An idea created for a browser test of moderation.", SubmittedAt = DateTime.UtcNow.AddMinutes(-5), SubmissionKey = Guid.NewGuid(),
        };
        db.Add(idea);
        await db.SaveChangesAsync();
        return idea.Id;
    }

    [Fact]
    public async Task A_tag_a_moderator_adds_appears_on_the_page_a_resident_is_reading_without_a_reload()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var ideaId = await NewIdeaAsync($"Night buses every 20 minutes {marker}");
        var (resident, _) = await browser.NewPageAsync();
        await SignInAsync(resident, await browser.NewResidentAsync("Reading Resident"), BrowserFixture.ResidentPassword);
        await Expect(resident).ToHaveURLAsync(browser.BaseUrl + "/");
        await resident.GotoAsync($"/ideas/{ideaId}");
        await WaitUntilInteractiveAsync(resident);
        await resident.EvaluateAsync("() => window.stillTheSamePage = true");
        // Another reader has the catalog open on a search that shows the idea.
        var (browsing, _) = await browser.NewPageAsync();
        await browsing.GotoAsync($"/ideas?q={marker}");
        await WaitUntilInteractiveAsync(browsing);
        await Expect(browsing.Locator($".idea-card[data-idea='{ideaId}']")).ToBeVisibleAsync();
        await browsing.EvaluateAsync("() => window.stillTheSamePage = true");

        var (moderator, console) = await browser.NewPageAsync();
        await SignInAsync(moderator, "moderator@activecitizen.example", DemoAccounts.Password);
        await Expect(moderator).ToHaveURLAsync(browser.BaseUrl + "/");
        await moderator.GotoAsync("/moderation");
        await WaitUntilInteractiveAsync(moderator);
        await moderator.Locator($"[data-key='idea:{ideaId}'] button.moderation-queue__open").ClickAsync();
        await Expect(moderator.GetByTestId("moderation-item")).ToContainTextAsync($"#{ideaId}");
        var tagName = $"Night transport {Guid.NewGuid():N}"[..24];
        var newTag = moderator.Locator("input[data-testid=new-tag], [data-testid=new-tag] input");
        await newTag.FillAsync(tagName);
        await newTag.PressAsync("Enter");
        await Expect(moderator.GetByTestId("idea-tags")).ToContainTextAsync(tagName);

        await Expect(resident.Locator(".tag-chip", new() { HasText = tagName })).ToBeVisibleAsync();
        await Expect(browsing.Locator($".idea-card[data-idea='{ideaId}'] .tag-chip", new() { HasText = tagName })).ToBeVisibleAsync();
        Assert.True(await resident.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.True(await browsing.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.Empty(CspViolations(console));
    }
}
