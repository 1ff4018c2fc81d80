using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Quizzes;

/// <summary>On a database file, in write-ahead-log mode as in the app, so that the races here meet SQLite's real locking.</summary>
public sealed class QuizPlayServiceTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.OnDisk();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(QuizHarness.StageOpens.AddHours(1)));
    private readonly QuizHarness harness;

    public QuizPlayServiceTests() => harness = new QuizHarness(database, time);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        database.Dispose();
    }

    [Theory]
    // elapsed ms of T = 20,000 ms, correct, points
    [InlineData(0, true, 1000)]
    [InlineData(10_000, true, 750)]
    [InlineData(20_000, true, 500)]
    [InlineData(20_500, true, 500)]
    [InlineData(1_234, true, 969)]
    [InlineData(0, false, 0)]
    [InlineData(19_999, false, 0)]
    public void Points_follow_the_formula_and_the_grace_scores_as_the_last_moment(long elapsedMs, bool correct, int expected) =>
        Assert.Equal(expected, QuizRules.Points(correct, elapsedMs, QuizHarness.AllowedMs));

    [Theory]
    // ms after serving, status, points
    [InlineData(0, PlayStatus.Done, 1000)]
    [InlineData(10_000, PlayStatus.Done, 750)]
    [InlineData(20_000, PlayStatus.Done, 500)]
    [InlineData(20_500, PlayStatus.Done, 500)]
    [InlineData(20_501, PlayStatus.TooLate, 0)]
    [InlineData(60_000, PlayStatus.TooLate, 0)]
    public async Task An_answer_is_scored_by_the_servers_clock_and_refused_after_the_time_and_the_grace(int afterMs, PlayStatus expected, int points)
    {
        var campaign = await harness.CampaignAsync();
        var (_, resident) = await harness.ResidentAsync();
        var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        time.Advance(TimeSpan.FromMilliseconds(afterMs));

        var result = await harness.Play.AnswerAsync(resident, served.AttemptId, served.Question!.QuestionId, QuizHarness.Right(campaign, served.Question.QuestionId));

        Assert.Equal((expected, points), (result.Status, result.Feedback?.Points ?? 0));
        await using var db = database.CreateContext();
        var attempt = await db.Set<QuizAttempt>().SingleAsync();
        var answer = await db.Set<QuizAnswer>().SingleAsync();
        if (expected == PlayStatus.Done)
        {
            Assert.Equal((AnswerOutcome.Correct, 1, points), (answer.Outcome, attempt.Completed, attempt.Score));
        }
        else
        {
            // Refused and nothing written: the late answer is not recorded; the clock completes the question after its margin.
            Assert.Equal((AnswerOutcome.Pending, null, 0), (answer.Outcome, answer.Selected, attempt.Completed));
        }
    }

    [Fact]
    public async Task A_question_left_alone_times_out_as_unanswered_and_the_next_one_gets_its_full_time()
    {
        var campaign = await harness.CampaignAsync();
        var (_, resident) = await harness.ResidentAsync();
        var first = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        time.Advance(TimeSpan.FromSeconds(QuizHarness.Seconds) + QuizLimits.NetworkGrace + QuizLimits.ClockMargin + TimeSpan.FromMilliseconds(1));

        var state = await harness.Play.StateAsync(resident, campaign.Stages[0].Id);
        time.Advance(TimeSpan.FromMinutes(3));
        var second = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);

        Assert.Null(state.Question);
        Assert.Equal((first.Question!.QuestionId, AnswerOutcome.Unanswered, 0), (state.Last!.QuestionId, state.Last.Outcome, state.Last.Points));
        Assert.Equal((1, time.GetUtcNow().UtcDateTime), (second.Question!.Index, second.Question.ServedAt));
        Assert.Equal(QuizHarness.AllowedMs, (int)(second.Question.EndsAt - time.GetUtcNow().UtcDateTime).TotalMilliseconds);
    }

    [Fact]
    public async Task Reloading_or_a_second_tab_resumes_the_same_question_with_the_time_really_left()
    {
        var campaign = await harness.CampaignAsync();
        var (_, resident) = await harness.ResidentAsync();
        var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        time.Advance(TimeSpan.FromSeconds(7));

        var reloaded = await harness.Play.StateAsync(resident, campaign.Stages[0].Id);
        var secondTab = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);

        var original = (served.Question!.QuestionId, served.Question.ServedAt, served.Question.EndsAt);
        Assert.Equal(original, (reloaded.Question!.QuestionId, reloaded.Question.ServedAt, reloaded.Question.EndsAt));
        Assert.Equal(original, (secondTab.Question!.QuestionId, secondTab.Question.ServedAt, secondTab.Question.EndsAt));
        Assert.Equal(served.Question.Options.Select(option => option.Id), reloaded.Question.Options.Select(option => option.Id));
        Assert.Equal(TimeSpan.FromSeconds(QuizHarness.Seconds - 7), reloaded.Question.EndsAt - time.GetUtcNow().UtcDateTime);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<QuizAttempt>().CountAsync());
        Assert.Equal(1, await db.Set<QuizAnswer>().CountAsync());
    }

    [Fact]
    public async Task Fifty_parallel_answers_to_one_question_leave_one_answer_scored_once()
    {
        var campaign = await harness.CampaignAsync();
        var (_, resident) = await harness.ResidentAsync();
        var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        time.Advance(TimeSpan.FromSeconds(2));
        var right = QuizHarness.Right(campaign, served.Question!.QuestionId);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            harness.Play.AnswerAsync(resident, served.AttemptId, served.Question.QuestionId, right))));

        Assert.Single(results, result => result.Status == PlayStatus.Done);
        Assert.All(results, result => Assert.Contains(result.Status, new[] { PlayStatus.Done, PlayStatus.AlreadyAnswered }));
        await using var db = database.CreateContext();
        var attempt = await db.Set<QuizAttempt>().SingleAsync();
        Assert.Equal((1, 1, 950), (attempt.Completed, attempt.Correct, attempt.Score));
        Assert.Equal(950, (await db.Set<QuizCampaignScore>().SingleAsync()).Score);
    }

    [Fact]
    public async Task Parallel_starts_make_one_attempt_and_serve_the_first_question_once()
    {
        var campaign = await harness.CampaignAsync();
        var (_, resident) = await harness.ResidentAsync();

        var states = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => harness.Play.NextAsync(resident, campaign.Stages[0].Id))));

        Assert.Single(states.Select(state => state.AttemptId).Distinct());
        Assert.Single(states.Select(state => (state.Question!.QuestionId, state.Question.ServedAt)).Distinct());
        await using var db = database.CreateContext();
        Assert.Equal((1, 1), (await db.Set<QuizAttempt>().CountAsync(), await db.Set<QuizAnswer>().CountAsync()));
    }

    [Fact]
    public async Task Forged_unserved_repeated_and_empty_answers_are_refused_and_change_nothing()
    {
        var campaign = await harness.CampaignAsync(questions: 3);
        var (_, resident) = await harness.ResidentAsync();
        var (_, other) = await harness.ResidentAsync("Someone else");
        var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        var questionId = served.Question!.QuestionId;
        var notServed = campaign.Stages[0].Questions.Single(question => question.Position == 2).Id;
        var foreignOption = campaign.Stages[0].Questions.Single(question => question.Position == 3).Options[0].Id;

        var forged = await harness.Play.AnswerAsync(resident, served.AttemptId, questionId, [foreignOption]);
        var empty = await harness.Play.AnswerAsync(resident, served.AttemptId, questionId, []);
        var twoOnSingle = await harness.Play.AnswerAsync(resident, served.AttemptId, questionId, [.. campaign.Stages[0].Questions[0].Options.Take(2).Select(option => option.Id)]);
        var ahead = await harness.Play.AnswerAsync(resident, served.AttemptId, notServed, QuizHarness.Right(campaign, notServed));
        var someoneElses = await harness.Play.AnswerAsync(other, served.AttemptId, questionId, QuizHarness.Right(campaign, questionId));
        var unchanged = await SnapshotAsync();
        var answered = await harness.Play.AnswerAsync(resident, served.AttemptId, questionId, QuizHarness.Wrong(campaign, questionId));
        var again = await harness.Play.AnswerAsync(resident, served.AttemptId, questionId, QuizHarness.Right(campaign, questionId));

        Assert.Equal((PlayStatus.Invalid, "Quiz.Refused.UnknownOption"), (forged.Status, forged.MessageKey));
        Assert.Equal((PlayStatus.Invalid, "Quiz.Refused.NothingChosen"), (empty.Status, empty.MessageKey));
        Assert.Equal(PlayStatus.Invalid, twoOnSingle.Status);
        Assert.Equal((PlayStatus.NotServed, "Quiz.Refused.NotServed"), (ahead.Status, ahead.MessageKey));
        Assert.Equal(PlayStatus.NotFound, someoneElses.Status);
        Assert.Equal((0, 0, 1), unchanged);
        Assert.Equal((PlayStatus.Done, AnswerOutcome.Wrong), (answered.Status, answered.Feedback!.Outcome));
        Assert.Equal((PlayStatus.AlreadyAnswered, AnswerOutcome.Wrong, 0), (again.Status, again.Feedback!.Outcome, again.Feedback.Points));
    }

    private async Task<(int Completed, int Score, int Rows)> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        var attempt = await db.Set<QuizAttempt>().SingleAsync();
        return (attempt.Completed, attempt.Score, await db.Set<QuizAnswer>().CountAsync());
    }

    [Fact]
    public async Task Stages_cannot_be_played_before_they_open_after_they_close_or_twice()
    {
        var campaign = await harness.CampaignAsync(stages: 2, secondStageRule: EntryRule.Open);
        var (_, resident) = await harness.ResidentAsync();

        var early = await harness.Play.NextAsync(resident, campaign.Stages[1].Id);
        var finished = await harness.PlayStageAsync(campaign, 1, resident, TimeSpan.FromSeconds(1));
        var twice = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        harness.At(QuizHarness.StageCloses);
        var late = await harness.Play.NextAsync(resident, campaign.Stages[1].Id);

        Assert.Equal(PlayStatus.NotOpenYet, early.Status);
        Assert.Equal(PlayStatus.Finished, finished.Status);
        Assert.Equal((PlayStatus.Finished, null), (twice.Status, twice.Question));
        Assert.Equal(PlayStatus.Closed, late.Status);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<QuizAttempt>().CountAsync());
    }

    [Fact]
    public async Task A_stage_that_closes_mid_attempt_serves_nothing_more_and_keeps_the_score()
    {
        var campaign = await harness.CampaignAsync(questions: 3);
        var (_, resident) = await harness.ResidentAsync();
        harness.At(QuizHarness.StageCloses.AddSeconds(-30));
        var first = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        await harness.Play.AnswerAsync(resident, first.AttemptId, first.Question!.QuestionId, QuizHarness.Right(campaign, first.Question.QuestionId));
        harness.At(QuizHarness.StageCloses);

        var next = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);

        Assert.Equal((PlayStatus.Closed, null, 1000), (next.Status, next.Question, next.Score));
    }

    [Theory]
    [InlineData(EntryRule.PreviousCompleted, 0, false, PlayStatus.Done)]
    [InlineData(EntryRule.PreviousCompleted, 0, true, PlayStatus.Locked)]
    [InlineData(EntryRule.PreviousMinScore, 2500, false, PlayStatus.Done)]
    [InlineData(EntryRule.PreviousMinScore, 2900, false, PlayStatus.Locked)]
    public async Task Entry_rules_look_at_the_previous_stage(EntryRule rule, int minScore, bool leaveUnfinished, PlayStatus expected)
    {
        var campaign = await harness.CampaignAsync(stages: 2, questions: 3, secondStageRule: rule, minScore: minScore);
        var (_, resident) = await harness.ResidentAsync();
        var (_, newcomer) = await harness.ResidentAsync("Newcomer");
        if (leaveUnfinished)
        {
            await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        }
        else
        {
            // Three right answers, each after 4 s of 20: 900 points each, 2,700 in all.
            await harness.PlayStageAsync(campaign, 1, resident, TimeSpan.FromSeconds(4));
        }
        harness.At(QuizHarness.StageOpens.AddDays(1).AddHours(1));

        var second = await harness.Play.NextAsync(resident, campaign.Stages[1].Id);
        var stranger = await harness.Play.NextAsync(newcomer, campaign.Stages[1].Id);

        Assert.Equal(expected, second.Status);
        Assert.Equal(PlayStatus.Locked, stranger.Status);
        var card = (await harness.Queries.CampaignAsync(campaign.Slug, App.Infrastructure.Security.UserAccess.UserIdOf(newcomer)))!.Stages[1];
        Assert.Equal(StageStanding.Locked, card.Standing);
    }

    [Fact]
    public async Task Extra_time_granted_to_a_resident_stretches_every_question_they_are_served()
    {
        var campaign = await harness.CampaignAsync();
        var (residentId, resident) = await harness.ResidentAsync();
        await using (var db = database.CreateContext())
        {
            db.Add(new QuizAccommodation { UserId = residentId, TimeMultiplier = 1.5, GrantedBy = "admin", GrantedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        time.Advance(TimeSpan.FromSeconds(25));

        var result = await harness.Play.AnswerAsync(resident, served.AttemptId, served.Question!.QuestionId, QuizHarness.Right(campaign, served.Question.QuestionId));

        Assert.Equal(30_000, served.Question.AllowedMs);
        // 25 s of 30: round(1000 × (1 − 25/60)) = 583.
        Assert.Equal((PlayStatus.Done, 583), (result.Status, result.Feedback!.Points));
    }

    [Fact]
    public async Task Options_are_shuffled_per_attempt()
    {
        var campaign = await harness.CampaignAsync(questions: 1);
        var orders = new HashSet<string>();
        for (var index = 0; index < 12; index++)
        {
            var (_, resident) = await harness.ResidentAsync($"Player {index}");
            var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
            orders.Add(string.Join(',', served.Question!.Options.Select(option => option.Id)));
            Assert.Null(served.Last);
        }
        Assert.True(orders.Count > 1, "every attempt saw the options in the same order");
    }

    [Fact]
    public async Task All_correct_answers_implausibly_fast_flag_the_attempt_a_human_pace_does_not()
    {
        var campaign = await harness.CampaignAsync(questions: 3);
        var (_, bot) = await harness.ResidentAsync("Bot");
        var (_, human) = await harness.ResidentAsync("Human");

        await harness.PlayStageAsync(campaign, 1, bot, TimeSpan.FromMilliseconds(300));
        await harness.PlayStageAsync(campaign, 1, human, TimeSpan.FromSeconds(3));

        await using var db = database.CreateContext();
        var flags = await db.Set<QuizAttempt>().OrderBy(attempt => attempt.Id).Select(attempt => attempt.FairPlay).ToListAsync();
        Assert.Equal([FairPlay.Flagged, FairPlay.Clear], flags);
    }

    [Fact]
    public async Task Answers_in_flight_when_the_host_stops_are_either_acknowledged_and_stored_or_never_acknowledged()
    {
        var campaign = await harness.CampaignAsync(questions: 1);
        var served = new List<(System.Security.Claims.ClaimsPrincipal Resident, PlayState State)>();
        for (var index = 0; index < 60; index++)
        {
            var (_, resident) = await harness.ResidentAsync($"Player {index}");
            served.Add((resident, await harness.Play.NextAsync(resident, campaign.Stages[0].Id)));
        }

        var answering = served.Select(pair => Task.Run(() =>
            harness.Play.AnswerAsync(pair.Resident, pair.State.AttemptId, pair.State.Question!.QuestionId, QuizHarness.Right(campaign, pair.State.Question.QuestionId)))).ToList();
        // The host stops the moment the first answer is acknowledged, with the others queued or on their way.
        await Task.WhenAny(answering);
        await harness.Writer.StopAsync(CancellationToken.None);
        var outcomes = await Task.WhenAll(answering.Select(async task =>
        {
            try
            {
                return (await task).Status;
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                // Arrived after the writer stopped taking work: the resident was told nothing was recorded.
                return (PlayStatus?)null;
            }
        }));

        var acknowledged = outcomes.Count(status => status == PlayStatus.Done);
        Assert.True(acknowledged > 0);
        await using var db = database.CreateContext();
        Assert.Equal(acknowledged, await db.Set<QuizAnswer>().CountAsync(answer => answer.Outcome == AnswerOutcome.Correct));
        Assert.Equal(acknowledged, await db.Set<QuizAttempt>().CountAsync(attempt => attempt.FinishedAt != null && attempt.Score == 1000));
    }

    [Fact]
    public async Task The_clock_waits_its_margin_then_completes_a_question_nobody_answers()
    {
        var campaign = await harness.CampaignAsync();
        var (_, resident) = await harness.ResidentAsync();
        var served = await harness.Play.NextAsync(resident, campaign.Stages[0].Id);
        var deadline = served.Question!.EndsAt + QuizLimits.NetworkGrace;

        harness.At(deadline + QuizLimits.ClockMargin);
        var withinMargin = await harness.Sweeper.SweepAsync();
        var stillShown = await harness.Play.StateAsync(resident, campaign.Stages[0].Id);
        harness.At(deadline + QuizLimits.ClockMargin + TimeSpan.FromMilliseconds(1));
        var swept = await harness.Sweeper.SweepAsync();

        Assert.Equal((0, served.Question.QuestionId), (withinMargin, stillShown.Question!.QuestionId));
        Assert.Equal(1, swept);
        await using var db = database.CreateContext();
        var answer = await db.Set<QuizAnswer>().SingleAsync();
        Assert.Equal((AnswerOutcome.Unanswered, deadline, QuizHarness.AllowedMs, (string?)null), (answer.Outcome, answer.AnsweredAt!.Value, answer.ElapsedMs, answer.Selected));
    }

    [Fact]
    public async Task A_bot_that_walks_away_from_its_last_question_still_finishes_and_is_flagged()
    {
        var campaign = await harness.CampaignAsync(questions: 4);
        var (_, bot) = await harness.ResidentAsync("Bot");
        var stage = campaign.Stages[0].Id;
        for (var index = 0; index < 3; index++)
        {
            var served = await harness.Play.NextAsync(bot, stage);
            time.Advance(TimeSpan.FromMilliseconds(250));
            await harness.Play.AnswerAsync(bot, served.AttemptId, served.Question!.QuestionId, QuizHarness.Right(campaign, served.Question.QuestionId));
        }
        await using (var db = database.CreateContext())
        {
            // Judged with every answer: three right answers in 250 ms each are flagged before the attempt ends.
            Assert.Equal(FairPlay.Flagged, (await db.Set<QuizAttempt>().SingleAsync()).FairPlay);
        }
        await harness.Play.NextAsync(bot, stage);

        time.Advance(TimeSpan.FromMinutes(1));
        await harness.Sweeper.SweepAsync();

        await using var check = database.CreateContext();
        var attempt = await check.Set<QuizAttempt>().SingleAsync();
        Assert.Equal((4, 3, FairPlay.Flagged), (attempt.Completed, attempt.Correct, attempt.FairPlay));
        Assert.NotNull(attempt.FinishedAt);
    }

    [Fact]
    public async Task A_slow_right_answer_clears_an_early_flag_before_any_admin_has_looked()
    {
        var campaign = await harness.CampaignAsync(questions: 4);
        var (_, quick) = await harness.ResidentAsync("Quick reader");
        var stage = campaign.Stages[0].Id;
        foreach (var thinking in new[] { 300, 300, 300, 4000 })
        {
            var served = await harness.Play.NextAsync(quick, stage);
            time.Advance(TimeSpan.FromMilliseconds(thinking));
            await harness.Play.AnswerAsync(quick, served.AttemptId, served.Question!.QuestionId, QuizHarness.Right(campaign, served.Question.QuestionId));
        }

        await using var db = database.CreateContext();
        Assert.Equal(FairPlay.Clear, (await db.Set<QuizAttempt>().SingleAsync()).FairPlay);
    }
}
