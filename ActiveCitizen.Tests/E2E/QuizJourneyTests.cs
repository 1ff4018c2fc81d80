using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>A resident plays a whole stage in one browser while another watches the stage's leaderboard in a second one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizJourneyTests(BrowserFixture browser)
{
    private const int Questions = 3;

    private async Task<string> OpenStageAsync()
    {
        using var scope = browser.App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var slug = $"river-quiz-{Guid.NewGuid():N}"[..24];
        db.Add(new QuizCampaign
        {
            Slug = slug, CreatedAt = now.AddDays(-1), Title = LocalizedText.Of("River quiz", "Речная викторина"), Summary = LocalizedText.Of("Rivers", "Реки"),
            Stages =
            [
                new QuizStage
                {
                    Number = 1, Title = LocalizedText.Of("Rivers of the city", "Реки города"), OpensAt = now.AddMinutes(-5), ClosesAt = now.AddDays(1),
                    SecondsPerQuestion = 60,
                    Questions = [.. Enumerable.Range(1, Questions).Select(position => new QuizQuestion
                    {
                        Position = position, Kind = QuestionKind.SingleChoice, Text = LocalizedText.Of($"River question {position}", $"Речной вопрос {position}"),
                        Explanation = LocalizedText.Of($"Explained {position}", $"Пояснение {position}"),
                        Options =
                        [
                            new() { Position = 1, Text = LocalizedText.Of("Moskva", "Москва"), IsCorrect = true },
                            new() { Position = 2, Text = LocalizedText.Of("Neva", "Нева") },
                            new() { Position = 3, Text = LocalizedText.Of("Volga", "Волга") },
                        ],
                    })],
                },
            ],
        });
        await db.SaveChangesAsync();
        return slug;
    }

    [Fact]
    public async Task A_resident_plays_a_whole_stage_and_sees_their_rank_while_a_watcher_sees_the_leaderboard_change_live()
    {
        var slug = await OpenStageAsync();
        var watcherEmail = await browser.NewResidentAsync("Vera Watcher");
        var (watcher, _) = await browser.NewPageAsync();
        await SignInAsync(watcher, watcherEmail, BrowserFixture.ResidentPassword);
        await watcher.GotoAsync($"/quizzes/{slug}/leaderboard?stage=1");
        await WaitUntilInteractiveAsync(watcher);
        await Expect(watcher.GetByText("No scores yet")).ToBeVisibleAsync();

        var playerEmail = await browser.NewResidentAsync("Pavel Player");
        var (player, console) = await browser.NewPageAsync();
        await SignInAsync(player, playerEmail, BrowserFixture.ResidentPassword);
        await player.GotoAsync($"/quizzes/{slug}");
        await WaitUntilInteractiveAsync(player);
        await player.GetByTestId("play-stage").ClickAsync();
        await WaitUntilInteractiveAsync(player);
        await player.GetByTestId("start-stage").ClickAsync();

        for (var question = 1; question <= Questions; question++)
        {
            await Expect(player.GetByTestId("question-number")).ToHaveTextAsync($"Question {question} of {Questions}");
            await Expect(player.GetByTestId("countdown")).ToBeVisibleAsync();
            // Nothing in the page says which option is right before the answer: no marker, no explanation.
            await Expect(player.GetByTestId("right-answer")).ToHaveCountAsync(0);
            Assert.DoesNotContain("Explained", await player.ContentAsync());
            await player.GetByTestId("option").Filter(new() { HasText = question == 2 ? "Neva" : "Moskva" }).ClickAsync();
            await player.GetByTestId("submit-answer").ClickAsync();
            await Expect(player.GetByTestId("feedback-title")).ToHaveTextAsync(question == 2 ? "Not right" : "Right!");
            await Expect(player.GetByTestId("explanation")).ToHaveTextAsync($"Explained {question}");
            await Expect(player.GetByTestId("right-answer")).ToHaveCountAsync(1);
            if (question == 1)
            {
                // The first answer already puts the player on the board the watcher has open.
                await Expect(watcher.GetByTestId("leaderboard-row")).ToHaveCountAsync(1);
                await Expect(watcher.GetByTestId("leaderboard-row")).ToContainTextAsync("Pavel Player");
            }
            if (question < Questions)
            {
                await player.GetByTestId("next-question").ClickAsync();
            }
        }

        await Expect(player.GetByTestId("stage-finished")).ToBeVisibleAsync();
        await Expect(player.GetByTestId("my-rank")).ToHaveTextAsync("Your place on the leaderboard: 1");
        var finalScore = (await player.GetByTestId("final-score").TextContentAsync())!.Replace(" points", "");
        await Expect(watcher.GetByTestId("row-score")).ToHaveTextAsync(finalScore);
        Assert.Empty(CspViolations(console));
    }
}
