using ActiveCitizen.App.Features.Rewards;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>A resident spends points in the shop and finds the code and the new balance in the personal account.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RewardsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_with_enough_points_redeems_a_reward_and_sees_the_code_and_the_new_balance_in_the_account()
    {
        var email = await browser.NewResidentAsync("Roman Redeemer");
        var rewardName = $"Planetarium ticket {Guid.NewGuid():N}"[..27];
        using (var scope = browser.App.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var now = DateTime.UtcNow;
            var userId = await db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync();
            // Points as the accrual pays them: two ideas the commission selected.
            db.AddRange(Enumerable.Range(1, 2).Select(index => new PointsEntry
            {
                UserId = userId, Amount = 200, Reason = PointsReason.IdeaSelected, Source = $"idea-selected:e2e-{Guid.NewGuid():N}",
                Description = LocalizedText.Of($"Idea {index}", $"Идея {index}"), CreatedAt = now,
            }));
            var type = new RewardType
            {
                Name = LocalizedText.Of(rewardName, rewardName), Provider = LocalizedText.Of("Moscow Planetarium", "Московский планетарий"),
                Description = LocalizedText.Of("One entry to the Great Star Hall.", "Один вход в Большой звёздный зал."), PointPrice = 1, CreatedAt = now,
            };
            db.Add(type);
            await db.SaveChangesAsync();
            // Cheapest in the shop (1 point), so it is the first card.
            db.Add(new RewardCode { RewardTypeId = type.Id, Code = "PLANET-7777", AddedAt = now });
            await db.SaveChangesAsync();
        }
        var (page, console) = await browser.NewPageAsync();
        await SignInAsync(page, email, BrowserFixture.ResidentPassword);
        await page.GotoAsync("/rewards");
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("shop-balance")).ToHaveTextAsync("Your points: 400");

        var card = page.GetByTestId("shop-item").Filter(new() { HasText = rewardName });
        await Expect(card.GetByTestId("stock")).ToHaveTextAsync("1 left");
        await card.GetByTestId("redeem").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Get it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("PLANET-7777");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(card.GetByTestId("sold-out")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("shop-balance")).ToHaveTextAsync("Your points: 399");

        await page.GotoAsync("/account?section=points");
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("balance")).ToHaveTextAsync("399 points");
        await Expect(page.GetByTestId("my-reward").Filter(new() { HasText = rewardName }).GetByTestId("reward-code")).ToHaveTextAsync("PLANET-7777");
        await Expect(page.GetByTestId("ledger-line").First).ToContainTextAsync($"Reward received: {rewardName}");
        Assert.Empty(CspViolations(console));
    }
}
