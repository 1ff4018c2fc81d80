using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Quizzes;

public sealed class LeaderboardTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(QuizHarness.StageOpens.AddHours(1)));
    private readonly QuizHarness harness;

    public LeaderboardTests() => harness = new QuizHarness(database, time);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        database.Dispose();
    }

    private async Task<QuizAttempt> AttemptAsync(QuizCampaign campaign, string name, int score, long answerMs, DateTime? finishedAt, FairPlay fairPlay = FairPlay.Clear)
    {
        var (userId, _) = await harness.ResidentAsync(name);
        await using var db = database.CreateContext();
        var attempt = new QuizAttempt
        {
            StageId = campaign.Stages[0].Id, CampaignId = campaign.Id, UserId = userId, StartedAt = QuizHarness.StageOpens, FinishedAt = finishedAt,
            QuestionCount = 3, Completed = finishedAt is null ? 1 : 3, Score = score, AnswerMs = answerMs, FairPlay = fairPlay,
        };
        db.Add(attempt);
        db.Add(new QuizCampaignScore
        {
            CampaignId = campaign.Id, UserId = userId, Score = score, AnswerMs = answerMs, LastFinishedAt = finishedAt, Excluded = fairPlay == FairPlay.Disqualified,
        });
        await db.SaveChangesAsync();
        return attempt;
    }

    [Fact]
    public async Task Ranks_go_by_score_then_answer_time_then_the_earlier_finish_and_leave_out_the_disqualified()
    {
        var campaign = await harness.CampaignAsync();
        var at = QuizHarness.StageOpens.AddHours(2);
        await AttemptAsync(campaign, "Slow finisher", 2000, 9000, at.AddMinutes(5));
        await AttemptAsync(campaign, "Top", 2500, 12000, at.AddMinutes(9));
        await AttemptAsync(campaign, "Quick", 2000, 8000, at.AddMinutes(7));
        await AttemptAsync(campaign, "Early finisher", 2000, 9000, at.AddMinutes(1));
        await AttemptAsync(campaign, "Still playing", 2000, 9000, null);
        await AttemptAsync(campaign, "Cheater", 3000, 1000, at, FairPlay.Disqualified);
        var flagged = await AttemptAsync(campaign, "Suspicious", 100, 500, at, FairPlay.Flagged);

        var stage = await harness.Queries.LeaderboardAsync(campaign.Id, campaign.Stages[0].Id, 1, flagged.UserId);
        var overall = await harness.Queries.LeaderboardAsync(campaign.Id, null, 1, null);

        Assert.Equal(["Top", "Quick", "Early finisher", "Slow finisher", "Still playing", "Suspicious"], stage.Rows.Select(row => row.Name));
        Assert.Equal([1L, 2, 3, 4, 5, 6], stage.Rows.Select(row => row.Rank));
        Assert.Equal((6L, true, true), (stage.Mine!.Rank, stage.Mine.Flagged, stage.Rows[^1].IsMe));
        Assert.Equal(6, stage.Total);
        Assert.Equal(["Top", "Quick", "Early finisher", "Slow finisher", "Still playing", "Suspicious"], overall.Rows.Select(row => row.Name));
    }

    [Fact]
    public async Task A_resident_far_down_a_long_board_sees_their_own_rank_and_pages_hold_twenty_five()
    {
        var campaign = await harness.CampaignAsync();
        var at = QuizHarness.StageOpens.AddHours(2);
        for (var index = 0; index < 60; index++)
        {
            await AttemptAsync(campaign, $"Player {index:00}", 3000 - index * 10, 5000, at);
        }
        var last = await AttemptAsync(campaign, "Last", 1, 5000, at);

        var first = await harness.Queries.LeaderboardAsync(campaign.Id, campaign.Stages[0].Id, 1, last.UserId);
        var third = await harness.Queries.LeaderboardAsync(campaign.Id, campaign.Stages[0].Id, 3, last.UserId);

        Assert.Equal((25, 3, 61), (first.Rows.Count, first.Pages, first.Total));
        Assert.Equal(61L, first.Mine!.Rank);
        Assert.DoesNotContain(first.Rows, row => row.IsMe);
        Assert.Equal((11, 51L, "Last"), (third.Rows.Count, third.Rows[0].Rank, third.Rows[^1].Name));
        Assert.True(third.Rows[^1].IsMe);
    }

    [Fact]
    public async Task Many_answers_make_at_most_one_live_signal_per_half_second()
    {
        var campaign = await harness.CampaignAsync(questions: 1);
        var signals = new List<LeaderboardChanged>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = harness.LiveEvents.Subscribe<LeaderboardChanged>(QuizTopics.Leaderboard(campaign.Id), changed =>
        {
            lock (signals)
            {
                signals.Add(changed);
            }
            first.TrySetResult();
            return Task.CompletedTask;
        });
        for (var index = 0; index < 30; index++)
        {
            var (_, resident) = await harness.ResidentAsync($"Player {index}");
            await harness.PlayStageAsync(campaign, 1, resident, TimeSpan.FromMilliseconds(5));
        }
        lock (signals)
        {
            // 30 answers within 150 ms of fake time: the window has not ended, so nothing yet.
            Assert.Empty(signals);
        }
        // The ticker counts what it publishes as it publishes (delivery to subscribers comes after), so absence is checked on the count.
        Assert.Equal(0, harness.Ticker.Revision);

        time.Advance(LeaderboardTicker.Window);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(LeaderboardTicker.Window);
        Assert.Equal(1, harness.Ticker.Revision);

        lock (signals)
        {
            Assert.Equal([campaign.Stages[0].Id], Assert.Single(signals).StageIds);
        }
    }

    [Fact]
    public async Task Residents_tied_on_score_see_their_own_place_as_their_line_shows_it_on_both_boards()
    {
        var campaign = await harness.CampaignAsync();
        var at = QuizHarness.StageOpens.AddHours(2);
        var attempts = new[]
        {
            await AttemptAsync(campaign, "Tie slow", 2000, 9000, at),
            await AttemptAsync(campaign, "Tie later", 2000, 8000, at.AddMinutes(2)),
            await AttemptAsync(campaign, "Tie earlier", 2000, 8000, at.AddMinutes(1)),
            await AttemptAsync(campaign, "Tie unfinished", 2000, 8000, null),
            await AttemptAsync(campaign, "Above", 2100, 20000, at),
        };

        foreach (var stageId in new int?[] { campaign.Stages[0].Id, null })
        {
            var board = await harness.Queries.LeaderboardAsync(campaign.Id, stageId, 1, null);
            Assert.Equal(["Above", "Tie earlier", "Tie later", "Tie unfinished", "Tie slow"], board.Rows.Select(row => row.Name));
            foreach (var attempt in attempts)
            {
                var mine = (await harness.Queries.LeaderboardAsync(campaign.Id, stageId, 1, attempt.UserId)).Mine!;
                Assert.Equal(board.Rows.Single(row => row.UserId == attempt.UserId).Rank, mine.Rank);
            }
        }
    }
}
