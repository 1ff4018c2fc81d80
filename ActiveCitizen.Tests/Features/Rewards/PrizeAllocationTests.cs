using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Features.Rewards;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Features.Quizzes;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Rewards;

public sealed class PrizeAllocationTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.OnDisk();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(QuizHarness.StageOpens.AddHours(1)));
    private readonly RewardsHarness harness;
    private readonly QuizHarness quizzes;

    public PrizeAllocationTests()
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

    /// <summary>
    /// A closed, published stage played by residents who answered at different speeds (the fastest first), plus a bot that is
    /// flagged; returns the campaign and the players in rank order.
    /// </summary>
    private async Task<(QuizCampaign Campaign, List<string> Ranked, string BotId, int RewardTypeId)> PlayedStageAsync(int players, int codes, int places)
    {
        var campaign = await quizzes.CampaignAsync(questions: 3);
        var ranked = new List<string>();
        var (botId, bot) = await harness.UserAsync("Bot");
        await quizzes.PlayStageAsync(campaign, 1, bot, TimeSpan.FromMilliseconds(100));
        for (var index = 0; index < players; index++)
        {
            var (id, resident) = await harness.UserAsync($"Player {index}");
            await quizzes.PlayStageAsync(campaign, 1, resident, TimeSpan.FromSeconds(2 + index));
            ranked.Add(id);
        }
        var rewardTypeId = await harness.RewardAsync(codes, price: null, name: "Cosmonautics ticket");
        var (_, admin) = await harness.UserAsync("Admin", Roles.Admin);
        Assert.Equal(RewardsStatus.Done, (await harness.Prizes().SetPlanAsync(admin, PrizeScopes.Stage(campaign.Stages[0].Id), places, rewardTypeId)).Status);
        quizzes.At(QuizHarness.StageCloses);
        await using var db = database.CreateContext();
        await db.Set<QuizStage>().ExecuteUpdateAsync(set => set.SetProperty(stage => stage.ResultsPublishedAt, QuizHarness.StageCloses));
        return (campaign, ranked, botId, rewardTypeId);
    }

    private async Task<List<(int Place, string UserId, string? Code)>> AwardsAsync(string scope)
    {
        await using var db = database.CreateContext();
        return await (from award in db.Set<PrizeAward>()
                      where award.Scope == scope
                      join code in db.Set<RewardCode>() on award.CodeId equals (long?)code.Id into codes
                      from code in codes.DefaultIfEmpty()
                      orderby award.Place
                      select new ValueTuple<int, string, string?>(award.Place, award.UserId, code == null ? null : code.Code)).ToListAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task The_top_places_win_in_rank_order_skipping_the_flagged_and_running_again_or_at_once_changes_nothing(int round)
    {
        var (campaign, ranked, botId, _) = await PlayedStageAsync(players: 4 + round % 2, codes: 10, places: 3);
        var scope = PrizeScopes.Stage(campaign.Stages[0].Id);

        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => harness.Prizes().AllocateAsync(scope))));
        var first = await AwardsAsync(scope);
        await harness.Prizes().AllocateAsync(scope);
        var again = await AwardsAsync(scope);

        Assert.All(reports, report => Assert.Equal(RewardsStatus.Done, report.Status));
        Assert.Equal(ranked.Take(3), first.Select(award => award.UserId));
        Assert.DoesNotContain(botId, first.Select(award => award.UserId));
        Assert.All(first, award => Assert.NotNull(award.Code));
        Assert.Equal(3, first.Select(award => award.Code).Distinct().Count());
        Assert.Equal(first, again);
        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Set<RewardCode>().CountAsync(code => code.AssignedTo != null));
        Assert.Equal(3, await db.Set<Notification>().CountAsync(notification => notification.Kind == NotificationKind.PrizeWon));
    }

    [Fact]
    public async Task When_stock_runs_short_the_rest_wait_admins_are_told_and_new_codes_go_to_them_at_once()
    {
        var (campaign, ranked, _, rewardTypeId) = await PlayedStageAsync(players: 4, codes: 2, places: 4);
        var scope = PrizeScopes.Stage(campaign.Stages[0].Id);
        var (adminId, admin) = await harness.UserAsync("Second admin", Roles.Admin);

        var report = await harness.Prizes().AllocateAsync(scope);
        var rerun = await harness.Prizes().AllocateAsync(scope);
        var waiting = await AwardsAsync(scope);
        var imported = await harness.Inventory().ImportCodesAsync(admin, rewardTypeId, "code\nNEW-0001\nNEW-0002\nNEW-0003\n");
        var filled = await AwardsAsync(scope);

        Assert.Equal((4, 2, 2), (report.Places, report.CodesHandedOut, report.Waiting));
        Assert.Equal((0, 2), (rerun.CodesHandedOut, rerun.Waiting));
        Assert.Equal([ranked[2], ranked[3]], waiting.Where(award => award.Code is null).Select(award => award.UserId));
        Assert.Equal(3, imported.Added);
        Assert.Equal(["NEW-0001", "NEW-0002"], filled.Skip(2).Select(award => award.Code));
        Assert.Equal(filled.Take(2), waiting.Take(2));
        await using var db = database.CreateContext();
        var kinds = await db.Set<Notification>().GroupBy(notification => notification.Kind).Select(group => new { group.Key, Count = group.Count() }).ToDictionaryAsync(group => group.Key, group => group.Count);
        // Two winners told their code waits, each admin told once of the shortfall, and four told their code arrived (two at once, two later).
        Assert.Equal(2, kinds[NotificationKind.PrizeAwaitingCode]);
        Assert.Equal(2, kinds[NotificationKind.PrizeShortfall]);
        Assert.Equal(4, kinds[NotificationKind.PrizeWon]);
        Assert.Contains(await db.Set<Notification>().Where(notification => notification.Kind == NotificationKind.PrizeShortfall).Select(notification => notification.UserId).ToListAsync(),
            id => id == adminId);
    }

    [Fact]
    public async Task No_prizes_before_the_results_are_published_and_the_plan_is_fixed_once_awarded()
    {
        var campaign = await quizzes.CampaignAsync(questions: 1);
        var (_, resident) = await harness.UserAsync("Player");
        await quizzes.PlayStageAsync(campaign, 1, resident, TimeSpan.FromSeconds(2));
        var rewardTypeId = await harness.RewardAsync(5, price: null);
        var (_, admin) = await harness.UserAsync("Admin", Roles.Admin);
        var scope = PrizeScopes.Stage(campaign.Stages[0].Id);
        await harness.Prizes().SetPlanAsync(admin, scope, 1, rewardTypeId);

        var early = await harness.Prizes().AllocateAsync(scope);
        quizzes.At(QuizHarness.StageCloses);
        var publish = await new QuizAuthoringService(database.Factory, new UserAccess(database.Factory), quizzes.Content, quizzes.Ticker, quizzes.LiveEvents, time, new TestWebHostEnvironment(Path.GetTempPath()))
            .PublishResultsAsync(admin, campaign.Stages[0].Id, null);
        var awarded = await harness.Prizes().AllocateAsync(scope);
        var replan = await harness.Prizes().SetPlanAsync(admin, scope, 5, rewardTypeId);

        Assert.Equal(RewardsStatus.NotPublished, early.Status);
        Assert.Equal(AuthoringStatus.Done, publish.Status);
        Assert.Equal((RewardsStatus.Done, 1, 1), (awarded.Status, awarded.Places, awarded.CodesHandedOut));
        Assert.Equal(RewardsStatus.AlreadyAwarded, replan.Status);
    }

    [Fact]
    public async Task The_campaign_board_wins_by_total_and_a_resident_with_a_flag_standing_anywhere_in_it_is_skipped()
    {
        var campaign = await quizzes.CampaignAsync(stages: 2, questions: 3, secondStageRule: EntryRule.Open);
        var (steadyId, steady) = await harness.UserAsync("Steady");
        var (quickId, quick) = await harness.UserAsync("Quick in stage one");
        var (botId, bot) = await harness.UserAsync("Bot in stage two");
        await quizzes.PlayStageAsync(campaign, 1, steady, TimeSpan.FromSeconds(6));
        await quizzes.PlayStageAsync(campaign, 1, quick, TimeSpan.FromSeconds(2));
        await quizzes.PlayStageAsync(campaign, 1, bot, TimeSpan.FromSeconds(1.5));
        quizzes.At(QuizHarness.StageOpens.AddDays(1).AddHours(1));
        await quizzes.PlayStageAsync(campaign, 2, steady, TimeSpan.FromSeconds(3));
        await quizzes.PlayStageAsync(campaign, 2, bot, TimeSpan.FromMilliseconds(100));
        var rewardTypeId = await harness.RewardAsync(5, price: null);
        var (_, admin) = await harness.UserAsync("Admin", Roles.Admin);
        var scope = PrizeScopes.Campaign(campaign.Id);
        await harness.Prizes().SetPlanAsync(admin, scope, 2, rewardTypeId);
        await using (var db = database.CreateContext())
        {
            await db.Set<QuizCampaign>().ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.ResultsPublishedAt, QuizHarness.StageCloses));
        }

        await harness.Prizes().AllocateAsync(scope);

        Assert.Equal([steadyId, quickId], (await AwardsAsync(scope)).Select(award => award.UserId));
        Assert.DoesNotContain(botId, (await AwardsAsync(scope)).Select(award => award.UserId));
    }

    [Fact]
    public async Task Results_are_not_published_while_a_question_runs_or_a_flag_stands_and_then_the_stage_is_final()
    {
        var campaign = await quizzes.CampaignAsync(questions: 3);
        var (_, bot) = await harness.UserAsync("Bot");
        var (_, late) = await harness.UserAsync("Late player");
        var (_, admin) = await harness.UserAsync("Admin", Roles.Admin);
        await quizzes.PlayStageAsync(campaign, 1, bot, TimeSpan.FromMilliseconds(100));
        quizzes.At(QuizHarness.StageCloses.AddSeconds(-5));
        await quizzes.Play.NextAsync(late, campaign.Stages[0].Id);
        quizzes.At(QuizHarness.StageCloses.AddSeconds(1));
        var authoring = new QuizAuthoringService(database.Factory, new UserAccess(database.Factory), quizzes.Content, quizzes.Ticker, quizzes.LiveEvents, time,
            new TestWebHostEnvironment(Path.GetTempPath()));

        var whileRunning = await authoring.PublishResultsAsync(admin, campaign.Stages[0].Id, null);
        quizzes.At(QuizHarness.StageCloses.AddMinutes(1));
        await quizzes.Sweeper.SweepAsync();
        var whileFlagged = await authoring.PublishResultsAsync(admin, campaign.Stages[0].Id, null);
        await using (var db = database.CreateContext())
        {
            var flagged = await db.Set<QuizAttempt>().SingleAsync(attempt => attempt.FairPlay == FairPlay.Flagged);
            Assert.Equal(AuthoringStatus.Done, (await authoring.ReviewAsync(admin, flagged.Id, fair: false, "Answers in 100 ms")).Status);
        }
        var published = await authoring.PublishResultsAsync(admin, campaign.Stages[0].Id, null);
        var reopen = await authoring.SaveStageAsync(admin, campaign.Id, campaign.Stages[0].Id, new StageDraft(campaign.Stages[0].Title, campaign.Stages[0].OpensAt,
            QuizHarness.StageCloses.AddDays(3), QuizHarness.Seconds, EntryRule.Open, 0));

        Assert.Equal("Validation.QuizResultsPending", whileRunning.Errors![0].MessageKey);
        Assert.Equal("Validation.QuizResultsFlagged", whileFlagged.Errors![0].MessageKey);
        Assert.Equal(AuthoringStatus.Done, published.Status);
        Assert.True((await quizzes.Queries.CampaignAsync(campaign.Slug, null))!.Stages[0].ResultsPublished);
        Assert.Equal("Validation.QuizResultsPublishedFrozen", reopen.Errors![0].MessageKey);
    }

    [Fact]
    public async Task An_expired_reward_is_neither_sold_nor_given_as_a_prize()
    {
        var (campaign, _, _, rewardTypeId) = await PlayedStageAsync(players: 2, codes: 5, places: 1);
        var (residentId, resident) = await harness.UserAsync("Shopper");
        await harness.GrantAsync(residentId, 500, "grant");
        var sold = await harness.RewardAsync(3, price: 100, name: "Old ticket");
        await using (var db = database.CreateContext())
        {
            await db.Set<RewardType>().ExecuteUpdateAsync(set => set.SetProperty(type => type.ValidUntil, QuizHarness.StageCloses.AddSeconds(-1)));
        }

        var redeem = await harness.Shop().RedeemAsync(resident, sold, Guid.NewGuid());
        var allocation = await harness.Prizes().AllocateAsync(PrizeScopes.Stage(campaign.Stages[0].Id));

        Assert.Equal(RewardsStatus.Expired, redeem.Status);
        Assert.Empty(await harness.Queries().ShopAsync());
        Assert.Equal((1, 0, 1), (allocation.Places, allocation.CodesHandedOut, allocation.Waiting));
        Assert.Equal(500, await harness.Queries().BalanceAsync(residentId));
        Assert.Equal(5, (await harness.Queries().TypesAsync()).Single(type => type.Id == rewardTypeId).Stock);
    }
}
