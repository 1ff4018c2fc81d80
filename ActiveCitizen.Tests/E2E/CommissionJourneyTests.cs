using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>Two commission members in two browsers: each sees the other's vote counted (never its direction), then the chair decides.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommissionJourneyTests(BrowserFixture browser)
{
    private async Task<(int SessionId, string Slug, string IdeaTitle)> OpenSessionAsync()
    {
        using var scope = browser.App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var author = await db.Users.Where(user => user.Email == "resident@activecitizen.example").Select(user => user.Id).SingleAsync();
        var chair = await db.Users.Where(user => user.Email == "commission@activecitizen.example").Select(user => user.Id).SingleAsync();
        var member = await db.Users.Where(user => user.Email == DemoAccounts.CommissionMembers[0].Email).Select(user => user.Id).SingleAsync();
        var slug = $"street-lighting-{Guid.NewGuid():N}"[..28];
        var project = new Project
        {
            Slug = slug, CreatedAt = now.AddDays(-40), Title = LocalizedText.Of("Street lighting", "Уличное освещение"),
            Summary = LocalizedText.Of("Summary", "Кратко"), Description = LocalizedText.Of("Description", "Описание"),
            Phases = [new() { Kind = PhaseKind.Commission, StartsAt = now.AddDays(-1), EndsAt = now.AddDays(5) }],
            Categories = [new() { Name = LocalizedText.Of("Lighting", "Освещение") }],
        };
        db.Add(project);
        await db.SaveChangesAsync();
        var idea = new Idea
        {
            ProjectId = project.Id, CategoryId = project.Categories[0].Id, AuthorId = author, Title = "Motion-sensor lamps on every footpath",
            Description = "Lamps that brighten when someone walks by save power and keep paths safe.", State = IdeaState.Shortlisted,
            StateReason = "Feasible within the lighting budget.", SubmittedAt = now.AddDays(-30), SubmissionKey = Guid.NewGuid(),
        };
        db.Add(idea);
        var session = new CommissionSession { ProjectId = project.Id, ChairId = chair, OpensAt = now.AddMinutes(-10), ClosesAt = now.AddDays(2), CreatedAt = now.AddDays(-5) };
        db.Add(session);
        await db.SaveChangesAsync();
        db.AddRange(new SessionMember { SessionId = session.Id, UserId = chair }, new SessionMember { SessionId = session.Id, UserId = member });
        await db.SaveChangesAsync();
        return (session.Id, slug, idea.Title);
    }

    private async Task<IPage> MemberOnSessionAsync(string email, int sessionId)
    {
        var (page, _) = await browser.NewPageAsync();
        await SignInAsync(page, email, DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync($"/commission/sessions/{sessionId}");
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("ballot-card")).ToHaveCountAsync(1);
        return page;
    }

    [Fact]
    public async Task Two_members_see_each_others_votes_counted_live_and_the_chair_publishes_the_decision()
    {
        var (sessionId, slug, title) = await OpenSessionAsync();
        var chair = await MemberOnSessionAsync("commission@activecitizen.example", sessionId);
        var member = await MemberOnSessionAsync(DemoAccounts.CommissionMembers[0].Email, sessionId);
        await Expect(chair.GetByTestId("voted-count")).ToHaveTextAsync("Voted: 0 of 2");

        await member.GetByTestId("vote-for").ClickAsync();
        await Expect(member.GetByTestId("my-vote")).ToContainTextAsync("Your vote: For");
        await Expect(chair.GetByTestId("voted-count")).ToHaveTextAsync("Voted: 1 of 2");
        // The chair sees that someone voted, not how.
        await Expect(chair.GetByTestId("my-vote")).ToHaveCountAsync(0);

        await chair.GetByTestId("vote-for").ClickAsync();
        await Expect(member.GetByTestId("voted-count")).ToHaveTextAsync("Voted: 2 of 2");

        await chair.GetByTestId("close-session").ClickAsync();
        await chair.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Close the session" }).ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("Closed");
        await Expect(chair.GetByTestId("tally")).ToContainTextAsync("For 2");
        await Expect(member.GetByTestId("session-state")).ToHaveTextAsync("Closed");

        await chair.GetByTestId("publish").ClickAsync();
        await chair.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Publish the results" }).ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("Results published");

        await chair.GotoAsync($"/results/{slug}");
        await Expect(chair.GetByTestId("results-headline")).ToHaveTextAsync("Ideas approved for implementation: 1");
        await Expect(chair.GetByTestId("approved")).ToContainTextAsync(title);
        await Expect(chair.GetByTestId("approved").GetByTestId("outcome")).ToHaveTextAsync("Approved");
    }
}
