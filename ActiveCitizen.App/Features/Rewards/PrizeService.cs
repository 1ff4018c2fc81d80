using System.Security.Claims;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Rewards;

public enum RewardsStatus
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
    SignInRequired,
    NotEnoughPoints,
    SoldOut,
    NotForSale,

    /// <summary>The reward's codes are no longer valid.</summary>
    Expired,

    /// <summary>The results are not published yet: the leaderboard may still change.</summary>
    NotPublished,

    /// <summary>Prizes of this leaderboard have been handed out: the plan that decided them stays.</summary>
    AlreadyAwarded,
}

public sealed record RewardsResult(RewardsStatus Status, IReadOnlyList<FieldError>? Errors = null, int Id = 0);

/// <summary>What an allocation did: the places decided, codes handed out now, and places still waiting for a code.</summary>
public sealed record AllocationReport(RewardsStatus Status, int Places, int CodesHandedOut, int Waiting);

/// <summary>
/// Quiz prizes: the top places of a published leaderboard (a stage's or a campaign's) win the plan's reward, flagged and
/// disqualified attempts skipped. Allocation runs in one write transaction and is idempotent: the first run decides the winners
/// (a row per place, unique), every run hands codes to places still without one, so running it twice or from two places at once
/// gives the same winners the same codes, and no code goes to two residents (its assignment source is unique). When stock runs
/// out, the places without a code wait: admins are told of the shortfall, winners that their code comes when codes are added,
/// and adding codes hands them out at once.
/// </summary>
public sealed class PrizeService(
    IDbContextFactory<AppDbContext> dbFactory, UserAccess access, NotificationsService notifications, ILiveEvents liveEvents, TimeProvider time, ILogger<PrizeService> logger)
{
    public const string PlacesField = "Places";
    public const string RewardTypeField = "RewardType";

    public async Task<RewardsResult> SetPlanAsync(ClaimsPrincipal principal, string scope, int places, int? rewardTypeId, CancellationToken cancellationToken = default)
    {
        if (await RewardsAccess.AdminAsync(access, principal, cancellationToken) is { } refusal)
        {
            return new RewardsResult(refusal);
        }
        var errors = new List<FieldError>();
        if (places is < 0 or > RewardLimits.MaxPrizePlaces)
        {
            errors.Add(new(PlacesField, "Validation.PrizePlaces", RewardLimits.MaxPrizePlaces));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (places > 0 && (rewardTypeId is not { } typeId || !await db.Set<RewardType>().AnyAsync(type => type.Id == typeId, cancellationToken)))
        {
            errors.Add(new(RewardTypeField, "Validation.PrizeRewardType"));
        }
        if (PrizeScopes.Parse(scope) is null)
        {
            return new RewardsResult(RewardsStatus.NotFound);
        }
        if (errors.Count > 0)
        {
            return new RewardsResult(RewardsStatus.Invalid, errors);
        }
        // In one write transaction with the check, so a plan never changes under an allocation deciding by it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<PrizeAward>().AnyAsync(award => award.Scope == scope, cancellationToken))
        {
            return new RewardsResult(RewardsStatus.AlreadyAwarded);
        }
        var plan = await db.Set<PrizePlan>().SingleOrDefaultAsync(candidate => candidate.Scope == scope, cancellationToken);
        if (places == 0)
        {
            if (plan is not null)
            {
                db.Remove(plan);
            }
        }
        else if (plan is null)
        {
            db.Add(new PrizePlan { Scope = scope, Places = places, RewardTypeId = rewardTypeId!.Value });
        }
        else
        {
            (plan.Places, plan.RewardTypeId) = (places, rewardTypeId!.Value);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RewardsResult(RewardsStatus.Done);
    }

    /// <summary>An admin asking for a leaderboard's prizes now (the worker does it anyway); checked in the database like every admin action.</summary>
    public async Task<AllocationReport> AllocateAsync(ClaimsPrincipal principal, string scope, CancellationToken cancellationToken = default) =>
        await RewardsAccess.AdminAsync(access, principal, cancellationToken) is { } refusal
            ? new AllocationReport(refusal, 0, 0, 0)
            : await AllocateAsync(scope, cancellationToken);

    /// <summary>Allocates one leaderboard's prizes (see the class summary). Safe to run any number of times, concurrently.</summary>
    public async Task<AllocationReport> AllocateAsync(string scope, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (PrizeScopes.Parse(scope) is not { } parsed)
        {
            return new AllocationReport(RewardsStatus.NotFound, 0, 0, 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var told = new List<Notification>();
        int places, handedOut, waiting;
        // One write transaction (SQLite takes the write lock at BEGIN): a second allocation waits, then finds the places decided. The
        // plan and the publication are read inside it, so neither can change under the decision.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var plan = await db.Set<PrizePlan>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Scope == scope, cancellationToken);
            if (plan is null)
            {
                return new AllocationReport(RewardsStatus.NotFound, 0, 0, 0);
            }
            var published = parsed.IsStage
                ? await db.Set<QuizStage>().AnyAsync(stage => stage.Id == parsed.Id && stage.ResultsPublishedAt != null, cancellationToken)
                : await db.Set<QuizCampaign>().AnyAsync(campaign => campaign.Id == parsed.Id && campaign.ResultsPublishedAt != null, cancellationToken);
            if (!published)
            {
                return new AllocationReport(RewardsStatus.NotPublished, 0, 0, 0);
            }
            var awards = await db.Set<PrizeAward>().Where(award => award.Scope == scope).OrderBy(award => award.Place).ToListAsync(cancellationToken);
            var decidedNow = awards.Count == 0;
            if (decidedNow)
            {
                var winners = parsed.IsStage ? await StageWinnersAsync(db, parsed.Id, plan.Places, cancellationToken) : await CampaignWinnersAsync(db, parsed.Id, plan.Places, cancellationToken);
                awards = [.. winners.Select((userId, index) => new PrizeAward { Scope = scope, Place = index + 1, UserId = userId, RewardTypeId = plan.RewardTypeId, AwardedAt = now })];
                db.AddRange(awards);
                await db.SaveChangesAsync(cancellationToken);
            }
            var coded = new List<PrizeAward>();
            foreach (var award in awards.Where(award => award.CodeId is null))
            {
                if (await TakeCodeAsync(db, award, now, cancellationToken) is { } codeId)
                {
                    award.CodeId = codeId;
                    coded.Add(award);
                }
            }
            handedOut = coded.Count;
            places = awards.Count;
            waiting = awards.Count(award => award.CodeId is null);
            // Told once each: a code handed out in this run; a place decided in this run that has to wait for one.
            foreach (var award in coded)
            {
                told.AddRange(notifications.Stage(db, [(award.UserId, NotificationKind.PrizeWon)], "", Place(award), "", "/account?section=points"));
            }
            var newlyWaiting = decidedNow ? awards.Where(award => award.CodeId is null).ToList() : [];
            foreach (var award in newlyWaiting)
            {
                told.AddRange(notifications.Stage(db, [(award.UserId, NotificationKind.PrizeAwaitingCode)], "", Place(award), "", "/account?section=points"));
            }
            if (newlyWaiting.Count > 0)
            {
                told.AddRange(notifications.Stage(db, (await AdminIdsAsync(db, cancellationToken)).Select(id => (id, NotificationKind.PrizeShortfall)), "",
                    newlyWaiting.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "/admin/rewards"));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        notifications.Announce(told);
        if (handedOut > 0 || waiting > 0)
        {
            logger.LogInformation("Prizes of {Scope}: {Places} places, {HandedOut} codes handed out now, {Waiting} waiting for codes", scope, places, handedOut, waiting);
        }
        if (handedOut > 0)
        {
            liveEvents.Publish(RewardsTopics.Inventory, new RewardsChanged());
        }
        return new AllocationReport(RewardsStatus.Done, places, handedOut, waiting);
    }

    private static string Place(PrizeAward award) => award.Place.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every published leaderboard with a plan: what the background pass and "codes added" run.</summary>
    public async Task AllocatePendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only published leaderboards: the others cannot be allocated yet, and need not take the write lock to learn it.
        var publishedStages = await db.Set<QuizStage>().Where(stage => stage.ResultsPublishedAt != null).Select(stage => stage.Id).ToListAsync(cancellationToken);
        var publishedCampaigns = await db.Set<QuizCampaign>().Where(campaign => campaign.ResultsPublishedAt != null).Select(campaign => campaign.Id).ToListAsync(cancellationToken);
        var published = publishedStages.Select(PrizeScopes.Stage).Concat(publishedCampaigns.Select(PrizeScopes.Campaign)).ToHashSet();
        var scopes = (await db.Set<PrizePlan>().AsNoTracking().Select(plan => plan.Scope).ToListAsync(cancellationToken)).Where(published.Contains).ToList();
        var settled = await db.Set<PrizeAward>().GroupBy(award => award.Scope).Where(group => group.All(award => award.CodeId != null))
            .Select(group => group.Key).ToListAsync(cancellationToken);
        foreach (var scope in scopes.Except(settled))
        {
            await AllocateAsync(scope, cancellationToken);
        }
    }

    /// <summary>The first free code of the award's type, handed to its winner by one conditional update; null when none is left.</summary>
    private static async Task<long?> TakeCodeAsync(AppDbContext db, PrizeAward award, DateTime now, CancellationToken cancellationToken)
    {
        var source = $"prize:{award.Scope}:{award.Place}";
        var taken = await db.Set<RewardCode>().Where(code => code.AssignmentSource == source).Select(code => (long?)code.Id).SingleOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return taken;
        }
        // An expired reward is no prize: its place waits, like a shortfall, for valid codes.
        if (await db.Set<RewardType>().AnyAsync(type => type.Id == award.RewardTypeId && type.ValidUntil != null && type.ValidUntil < now, cancellationToken))
        {
            return null;
        }
        var free = await db.Set<RewardCode>().Where(code => code.RewardTypeId == award.RewardTypeId && code.AssignedTo == null).OrderBy(code => code.Id)
            .Select(code => (long?)code.Id).FirstOrDefaultAsync(cancellationToken);
        if (free is not { } id)
        {
            return null;
        }
        var updated = await db.Set<RewardCode>().Where(code => code.Id == id && code.AssignedTo == null)
            .ExecuteUpdateAsync(set => set.SetProperty(code => code.AssignedTo, award.UserId).SetProperty(code => code.AssignedAt, now)
                .SetProperty(code => code.AssignmentSource, source), cancellationToken);
        return updated == 1 ? id : null;
    }

    /// <summary>A stage's prize winners in rank order: attempts that scored, neither flagged nor disqualified.</summary>
    private static async Task<List<string>> StageWinnersAsync(AppDbContext db, int stageId, int places, CancellationToken cancellationToken) =>
        await db.Set<QuizAttempt>().AsNoTracking()
            .Where(attempt => attempt.StageId == stageId && attempt.Score > 0 && (attempt.FairPlay == FairPlay.Clear || attempt.FairPlay == FairPlay.Cleared))
            .OrderByDescending(attempt => attempt.Score).ThenBy(attempt => attempt.AnswerMs).ThenBy(attempt => attempt.FinishedAt == null).ThenBy(attempt => attempt.FinishedAt)
            .ThenBy(attempt => attempt.Id)
            .Take(places).Select(attempt => attempt.UserId).ToListAsync(cancellationToken);

    /// <summary>A campaign's prize winners: its overall board, without residents excluded or with an attempt still flagged.</summary>
    private static async Task<List<string>> CampaignWinnersAsync(AppDbContext db, int campaignId, int places, CancellationToken cancellationToken) =>
        await db.Set<QuizCampaignScore>().AsNoTracking()
            .Where(score => score.CampaignId == campaignId && !score.Excluded && score.Score > 0
                && !db.Set<QuizAttempt>().Any(attempt => attempt.CampaignId == campaignId && attempt.UserId == score.UserId && attempt.FairPlay != FairPlay.Clear && attempt.FairPlay != FairPlay.Cleared))
            .OrderByDescending(score => score.Score).ThenBy(score => score.AnswerMs).ThenBy(score => score.LastFinishedAt == null).ThenBy(score => score.LastFinishedAt)
            .ThenBy(score => score.UserId)
            .Take(places).Select(score => score.UserId).ToListAsync(cancellationToken);

    private static Task<List<string>> AdminIdsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var role = Roles.Admin.ToUpperInvariant();
        return db.UserRoles.Where(grant => db.Roles.Any(candidate => candidate.Id == grant.RoleId && candidate.NormalizedName == role)).Select(grant => grant.UserId)
            .ToListAsync(cancellationToken);
    }
}

internal static class RewardsAccess
{
    public static async Task<RewardsStatus?> AdminAsync(UserAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        UserAccess.UserIdOf(principal) is null ? RewardsStatus.SignInRequired
        : !await access.HasRoleAsync(principal, Roles.Admin, cancellationToken) ? RewardsStatus.Forbidden
        : null;
}
