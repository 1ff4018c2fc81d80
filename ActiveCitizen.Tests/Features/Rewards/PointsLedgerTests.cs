using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Features.Rewards;
using ActiveCitizen.Tests.Features.Quizzes;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Rewards;

public sealed class PointsLedgerTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.OnDisk();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(QuizHarness.StageOpens.AddHours(1)));
    private readonly RewardsHarness harness;
    private readonly QuizHarness quizzes;

    public PointsLedgerTests()
    {
        harness = new RewardsHarness(database, time);
        quizzes = new QuizHarness(database, time);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await quizzes.DisposeAsync();
        database.Dispose();
    }

    private async Task<List<(PointsReason Reason, int Amount, string Source)>> LedgerAsync(string userId)
    {
        await using var db = database.CreateContext();
        return [.. (await db.Set<PointsEntry>().Where(entry => entry.UserId == userId).OrderBy(entry => entry.Id).ToListAsync())
            .Select(entry => (entry.Reason, entry.Amount, entry.Source))];
    }

    [Fact]
    public async Task Ideas_pay_on_submission_and_selection_once_however_often_the_accrual_runs_even_concurrently()
    {
        var project = await TestProjects.CreateAsync(database, "ledger-project");
        var (authorId, _) = await harness.UserAsync("Author");
        var idea = await TestProjects.AddIdeaAsync(database, project, authorId, "Benches by the pond", "A long enough description of the idea.", IdeaState.Submitted);
        var selected = await TestProjects.AddIdeaAsync(database, project, authorId, "Lamps on the footpath", "A long enough description of the idea.", IdeaState.Selected);
        var accrual = harness.Accrual();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => harness.Accrual().AccrueAsync(everything: true))));
        await accrual.AccrueAsync();

        Assert.Equal(
            [(PointsReason.IdeaSubmitted, 10, $"idea:{idea.Id}"), (PointsReason.IdeaSubmitted, 10, $"idea:{selected.Id}"), (PointsReason.IdeaSelected, 200, $"idea-selected:{selected.Id}")],
            (await LedgerAsync(authorId)).OrderBy(entry => entry.Reason).ThenBy(entry => entry.Source));
        Assert.Equal(220, await harness.Queries().BalanceAsync(authorId));
        await using var db = database.CreateContext();
        // One notification for the pass that paid, with the total: not one per entry, and none for the passes that paid nothing.
        var notification = await db.Set<Notification>().SingleAsync(candidate => candidate.UserId == authorId);
        Assert.Equal((NotificationKind.PointsEarned, "220"), (notification.Kind, notification.Subject));
    }

    [Fact]
    public async Task A_withdrawn_idea_has_its_points_reversed_by_a_new_entry_the_first_one_untouched()
    {
        var project = await TestProjects.CreateAsync(database, "ledger-project");
        var (authorId, _) = await harness.UserAsync("Author");
        var idea = await TestProjects.AddIdeaAsync(database, project, authorId, "Benches by the pond", "A long enough description of the idea.", IdeaState.Submitted);
        await harness.Accrual().AccrueAsync();
        await using (var db = database.CreateContext())
        {
            await db.Set<Idea>().Where(candidate => candidate.Id == idea.Id).ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.State, IdeaState.Withdrawn));
        }

        await harness.Accrual().AccrueAsync();
        await harness.Accrual().AccrueAsync();

        var ledger = await LedgerAsync(authorId);
        Assert.Equal([(PointsReason.IdeaSubmitted, 10, $"idea:{idea.Id}"), (PointsReason.Reversal, -10, $"reversal:idea:{idea.Id}")], ledger);
        Assert.Equal(0, await harness.Queries().BalanceAsync(authorId));
        await using var check = database.CreateContext();
        var entries = await check.Set<PointsEntry>().OrderBy(entry => entry.Id).ToListAsync();
        Assert.Equal(entries[0].Id, entries[1].ReversesId);
    }

    [Fact]
    public async Task A_finished_quiz_stage_pays_for_right_answers_and_completion_a_flagged_one_only_once_cleared()
    {
        var campaign = await quizzes.CampaignAsync(questions: 3);
        var (humanId, human) = await harness.UserAsync("Human");
        var (botId, bot) = await harness.UserAsync("Bot");
        var (halfwayId, halfway) = await harness.UserAsync("Halfway");
        await quizzes.PlayStageAsync(campaign, 1, human, TimeSpan.FromSeconds(4));
        await quizzes.PlayStageAsync(campaign, 1, bot, TimeSpan.FromMilliseconds(200));
        var served = await quizzes.Play.NextAsync(halfway, campaign.Stages[0].Id);
        await quizzes.Play.AnswerAsync(halfway, served.AttemptId, served.Question!.QuestionId, QuizHarness.Right(campaign, served.Question.QuestionId));

        await harness.Accrual().AccrueAsync();

        Assert.Equal([(PointsReason.CorrectAnswers, 15), (PointsReason.StageCompleted, 20)], (await LedgerAsync(humanId)).Select(entry => (entry.Reason, entry.Amount)));
        Assert.Empty(await LedgerAsync(botId));
        // Still playing: nothing yet.
        Assert.Empty(await LedgerAsync(halfwayId));

        // The stage closes with the halfway player cut off: their right answer is paid, the completion is not.
        quizzes.At(QuizHarness.StageCloses.AddMinutes(1));
        await harness.Accrual().AccrueAsync();
        Assert.Equal([(PointsReason.CorrectAnswers, 5)], (await LedgerAsync(halfwayId)).Select(entry => (entry.Reason, entry.Amount)));

        // Cleared by an admin long after: paid, though the attempt finished outside the regular window.
        var (_, admin) = await harness.UserAsync("Admin", App.Infrastructure.Security.Roles.Admin);
        await using (var db = database.CreateContext())
        {
            var botAttempt = await db.Set<QuizAttempt>().SingleAsync(attempt => attempt.UserId == botId);
            time.Advance(PointsAccrual.Window + TimeSpan.FromHours(1));
            var review = await new QuizAuthoringService(database.Factory, new App.Infrastructure.Security.UserAccess(database.Factory), quizzes.Content, quizzes.Ticker,
                quizzes.LiveEvents, time, new TestWebHostEnvironment(Path.GetTempPath())).ReviewAsync(admin, botAttempt.Id, fair: true, "A fast reader");
            Assert.Equal(AuthoringStatus.Done, review.Status);
        }
        await harness.Accrual().AccrueAsync();
        Assert.Equal(35, await harness.Queries().BalanceAsync(botId));
    }

    [Fact]
    public async Task Ideas_merged_as_duplicates_are_reversed_and_hidden_ones_are_not_paid()
    {
        var project = await TestProjects.CreateAsync(database, "ledger-project");
        var (authorId, _) = await harness.UserAsync("Author");
        var kept = await TestProjects.AddIdeaAsync(database, project, authorId, "Benches by the pond", "A long enough description of the idea.", IdeaState.Submitted);
        var duplicate = await TestProjects.AddIdeaAsync(database, project, authorId, "Benches near the pond", "A long enough description of the idea.", IdeaState.Submitted);
        var hidden = await TestProjects.AddIdeaAsync(database, project, authorId, "Spam spam spam", "A long enough description of the idea.", IdeaState.Submitted);
        await using (var db = database.CreateContext())
        {
            await db.Set<Idea>().Where(idea => idea.Id == hidden.Id).ExecuteUpdateAsync(set => set.SetProperty(idea => idea.HiddenAt, time.GetUtcNow().UtcDateTime));
        }
        await harness.Accrual().AccrueAsync();
        await using (var db = database.CreateContext())
        {
            await db.Set<Idea>().Where(idea => idea.Id == duplicate.Id).ExecuteUpdateAsync(set => set.SetProperty(idea => idea.MergedIntoId, kept.Id));
        }

        await harness.Accrual().AccrueAsync();

        Assert.Equal([$"idea:{kept.Id}", $"idea:{duplicate.Id}", $"reversal:idea:{duplicate.Id}"], (await LedgerAsync(authorId)).Select(entry => entry.Source));
        Assert.Equal(10, await harness.Queries().BalanceAsync(authorId));
    }

    [Fact]
    public async Task An_attempt_cut_off_by_the_close_is_paid_only_once_its_last_question_has_run_out()
    {
        var campaign = await quizzes.CampaignAsync(questions: 3);
        var (playerId, player) = await harness.UserAsync("Late player");
        quizzes.At(QuizHarness.StageCloses.AddSeconds(-30));
        var first = await quizzes.Play.NextAsync(player, campaign.Stages[0].Id);
        await quizzes.Play.AnswerAsync(player, first.AttemptId, first.Question!.QuestionId, QuizHarness.Right(campaign, first.Question.QuestionId));
        quizzes.At(QuizHarness.StageCloses.AddSeconds(-5));
        var second = await quizzes.Play.NextAsync(player, campaign.Stages[0].Id);

        quizzes.At(QuizHarness.StageCloses.AddSeconds(1));
        await harness.Accrual().AccrueAsync();
        var whileRunning = await LedgerAsync(playerId);
        await quizzes.Play.AnswerAsync(player, second.AttemptId, second.Question!.QuestionId, QuizHarness.Right(campaign, second.Question.QuestionId));
        await harness.Accrual().AccrueAsync();

        Assert.Empty(whileRunning);
        Assert.Equal([(PointsReason.CorrectAnswers, 10)], (await LedgerAsync(playerId)).Select(entry => (entry.Reason, entry.Amount)));
    }
}
