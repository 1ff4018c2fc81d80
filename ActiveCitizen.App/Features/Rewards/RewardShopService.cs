using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Rewards;

public sealed record RedeemResult(RewardsStatus Status, string? Code = null, int Balance = 0);

/// <summary>
/// The shop: a resident spends points on a reward. The balance check, taking a code and the spending entry are one write
/// transaction (SQLite takes the write lock at BEGIN, so two redemptions run one after the other): a resident with points for one
/// who redeems twice at once pays once and gets one code, and the last codes go to exactly as many residents as there are codes.
/// A repeated request (a double click, a retry) carries the same key and gets the same code again, paying nothing more.
/// </summary>
public sealed class RewardShopService(IDbContextFactory<AppDbContext> dbFactory, UserAccess access, ILiveEvents liveEvents, TimeProvider time)
{
    public async Task<RedeemResult> RedeemAsync(ClaimsPrincipal principal, int rewardTypeId, Guid requestKey, CancellationToken cancellationToken = default)
    {
        if (UserAccess.UserIdOf(principal) is not { } userId || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new RedeemResult(RewardsStatus.SignInRequired);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var source = $"redemption:{requestKey:N}";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        RedeemResult result;
        int stock;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var type = await db.Set<RewardType>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == rewardTypeId, cancellationToken);
            var balance = await BalanceAsync(db, userId, cancellationToken);
            var repeated = await db.Set<RewardCode>().AsNoTracking().SingleOrDefaultAsync(code => code.AssignmentSource == source, cancellationToken);
            if (repeated is not null)
            {
                return new RedeemResult(repeated.AssignedTo == userId ? RewardsStatus.Done : RewardsStatus.Invalid, repeated.AssignedTo == userId ? repeated.Code : null, balance);
            }
            if (type?.PointPrice is not { } price)
            {
                return new RedeemResult(type is null ? RewardsStatus.NotFound : RewardsStatus.NotForSale, Balance: balance);
            }
            if (type.ValidUntil < now)
            {
                return new RedeemResult(RewardsStatus.Expired, Balance: balance);
            }
            if (balance < price)
            {
                return new RedeemResult(RewardsStatus.NotEnoughPoints, Balance: balance);
            }
            var code = await db.Set<RewardCode>().Where(candidate => candidate.RewardTypeId == rewardTypeId && candidate.AssignedTo == null).OrderBy(candidate => candidate.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (code is null)
            {
                return new RedeemResult(RewardsStatus.SoldOut, Balance: balance);
            }
            (code.AssignedTo, code.AssignedAt, code.AssignmentSource) = (userId, now, source);
            db.Add(new PointsEntry
            {
                UserId = userId, Amount = -price, Reason = PointsReason.Redemption, Source = $"redemption:{code.Id}", Description = type.Name, CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            stock = await db.Set<RewardCode>().CountAsync(candidate => candidate.RewardTypeId == rewardTypeId && candidate.AssignedTo == null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = new RedeemResult(RewardsStatus.Done, code.Code, balance - price);
        }
        liveEvents.Publish(RewardsTopics.Inventory, new RewardsChanged(rewardTypeId, stock));
        return result;
    }

    public static Task<int> BalanceAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Set<PointsEntry>().Where(entry => entry.UserId == userId).SumAsync(entry => entry.Amount, cancellationToken);
}
