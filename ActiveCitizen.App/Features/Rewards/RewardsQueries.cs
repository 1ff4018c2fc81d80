using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Rewards;

public sealed record ShopItem(int Id, LocalizedText Name, LocalizedText Provider, LocalizedText Description, DateTime? ValidUntil, int Price, int Stock);

public sealed record LedgerLine(long Id, int Amount, PointsReason Reason, LocalizedText Description, DateTime CreatedAt);

public sealed record ReceivedReward(string Code, LocalizedText Name, LocalizedText Provider, DateTime? ValidUntil, DateTime ReceivedAt, string Why);

/// <summary>A place won whose code has not come yet (stock ran short): shown so the winner knows it is theirs.</summary>
public sealed record AwaitedPrize(LocalizedText Name, int Place);

public sealed record PointsAccount(int Balance, IReadOnlyList<LedgerLine> Ledger, int LedgerTotal, IReadOnlyList<ReceivedReward> Rewards, IReadOnlyList<AwaitedPrize> Awaited);

public sealed record AdminRewardType(int Id, LocalizedText Name, LocalizedText Provider, LocalizedText Description, DateTime? ValidUntil, int? PointPrice, int Stock, int Handed);

public sealed record PrizeLine(
    string Scope, LocalizedText CampaignTitle, int? StageNumber, LocalizedText? StageTitle, DateTime ClosesAt, bool Published, int? Places, int? RewardTypeId,
    int Awarded, int Waiting);

public sealed class RewardsQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>What the shop sells: priced rewards still valid, cheapest first, with the stock left.</summary>
    public async Task<IReadOnlyList<ShopItem>> ShopAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<RewardType>().AsNoTracking().Where(type => type.PointPrice != null && (type.ValidUntil == null || type.ValidUntil >= now)).OrderBy(type => type.PointPrice)
            .Select(type => new ShopItem(type.Id, type.Name, type.Provider, type.Description, type.ValidUntil, type.PointPrice!.Value,
                db.Set<RewardCode>().Count(code => code.RewardTypeId == type.Id && code.AssignedTo == null)))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> BalanceAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RewardShopService.BalanceAsync(db, userId, cancellationToken);
    }

    /// <summary>A resident's balance, the newest page of their ledger, the rewards they hold with their codes, and prizes still awaited.</summary>
    public async Task<PointsAccount> AccountAsync(string userId, int page = 1, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<PointsEntry>().AsNoTracking().Where(entry => entry.UserId == userId);
        var ledger = await entries.OrderByDescending(entry => entry.Id).Skip((Math.Max(1, page) - 1) * RewardLimits.LedgerPageSize).Take(RewardLimits.LedgerPageSize)
            .Select(entry => new LedgerLine(entry.Id, entry.Amount, entry.Reason, entry.Description, entry.CreatedAt)).ToListAsync(cancellationToken);
        var rewards = await (from code in db.Set<RewardCode>().AsNoTracking()
                             where code.AssignedTo == userId
                             join type in db.Set<RewardType>() on code.RewardTypeId equals type.Id
                             orderby code.AssignedAt descending
                             select new ReceivedReward(code.Code, type.Name, type.Provider, type.ValidUntil, code.AssignedAt!.Value, code.AssignmentSource ?? ""))
            .ToListAsync(cancellationToken);
        var awaited = await (from award in db.Set<PrizeAward>().AsNoTracking()
                             where award.UserId == userId && award.CodeId == null
                             join type in db.Set<RewardType>() on award.RewardTypeId equals type.Id
                             select new AwaitedPrize(type.Name, award.Place))
            .ToListAsync(cancellationToken);
        return new PointsAccount(await entries.SumAsync(entry => entry.Amount, cancellationToken), ledger, await entries.CountAsync(cancellationToken), rewards, awaited);
    }

    public async Task<IReadOnlyList<AdminRewardType>> TypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<RewardType>().AsNoTracking().OrderBy(type => type.Id)
            .Select(type => new AdminRewardType(type.Id, type.Name, type.Provider, type.Description, type.ValidUntil, type.PointPrice,
                db.Set<RewardCode>().Count(code => code.RewardTypeId == type.Id && code.AssignedTo == null),
                db.Set<RewardCode>().Count(code => code.RewardTypeId == type.Id && code.AssignedTo != null)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every quiz stage and campaign with its prize plan and what was handed out, newest campaigns first.</summary>
    public async Task<IReadOnlyList<PrizeLine>> PrizeLinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Set<QuizCampaign>().AsNoTracking().Include(campaign => campaign.Stages).OrderByDescending(campaign => campaign.CreatedAt).ToListAsync(cancellationToken);
        var plans = await db.Set<PrizePlan>().AsNoTracking().ToDictionaryAsync(plan => plan.Scope, cancellationToken);
        var awards = await db.Set<PrizeAward>().AsNoTracking().GroupBy(award => award.Scope)
            .Select(group => new { Scope = group.Key, Awarded = group.Count(), Waiting = group.Count(award => award.CodeId == null) })
            .ToDictionaryAsync(group => group.Scope, cancellationToken);
        var lines = new List<PrizeLine>();
        foreach (var campaign in campaigns)
        {
            foreach (var stage in campaign.Stages.OrderBy(stage => stage.Number))
            {
                lines.Add(Line(PrizeScopes.Stage(stage.Id), campaign.Title, stage.Number, stage.Title, stage.ClosesAt, stage.ResultsPublishedAt is not null));
            }
            lines.Add(Line(PrizeScopes.Campaign(campaign.Id), campaign.Title, null, null, campaign.Stages.Count == 0 ? campaign.CreatedAt : campaign.Stages.Max(stage => stage.ClosesAt),
                campaign.ResultsPublishedAt is not null));
        }
        return lines;

        PrizeLine Line(string scope, LocalizedText campaign, int? number, LocalizedText? stage, DateTime closesAt, bool published)
        {
            var plan = plans.GetValueOrDefault(scope);
            var awarded = awards.GetValueOrDefault(scope);
            return new PrizeLine(scope, campaign, number, stage, closesAt, published, plan?.Places, plan?.RewardTypeId, awarded?.Awarded ?? 0, awarded?.Waiting ?? 0);
        }
    }
}
