using ActiveCitizen.App.Features.Accounts;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ProjectAuthoringTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_creates_a_project_and_an_overlapping_schedule_is_refused_naming_the_phases()
    {
        var (page, _) = await browser.NewPageAsync();
        await SignInAsync(page, "admin@activecitizen.example", DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/admin/projects/new");
        await WaitUntilInteractiveAsync(page);
        var slug = $"bike-lanes-{Guid.NewGuid():N}"[..20];

        await page.GetByLabel("Address (slug)").FillAsync(slug);
        await page.GetByLabel("Title in English").FillAsync("Bike lanes across the city");
        await page.GetByLabel("Title in Russian").FillAsync("Велодорожки по всему городу");
        await page.GetByLabel("Summary in English").FillAsync("Where should the next bike lanes go?");
        await page.GetByLabel("Summary in Russian").FillAsync("Где проложить новые велодорожки?");
        await page.GetByLabel("Description in English").FillAsync("Tell the city which streets need a safe bike lane first.");
        await page.GetByLabel("Description in Russian").FillAsync("Подскажите городу, каким улицам велодорожка нужна в первую очередь.");
        await page.GetByLabel("Category in English").FillAsync("Routes");
        await page.GetByLabel("Category in Russian").FillAsync("Маршруты");
        // Make the second phase start a day before the first one ends.
        var secondPhase = page.GetByRole(AriaRole.Group, new() { Name = "Phase 2", Exact = true });
        var firstEnds = await page.GetByRole(AriaRole.Group, new() { Name = "Phase 1", Exact = true }).GetByLabel("Ends").InputValueAsync();
        await secondPhase.GetByLabel("Starts").FillAsync(DateTime.Parse(firstEnds).AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Phase 2 (Idea submission) starts before phase 1 (Announcement) ends.")).ToBeVisibleAsync();

        await secondPhase.GetByLabel("Starts").FillAsync(firstEnds);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/admin/projects");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bike lanes across the city" })).ToBeVisibleAsync();
        await page.GotoAsync($"/projects/{slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bike lanes across the city" })).ToBeVisibleAsync();
    }
}
