using System.Security.Claims;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Rewards;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Rewards;

/// <summary>The rewards services wired as the app wires them, on a real database and a fake clock.</summary>
public sealed class RewardsHarness(TestDatabase database, FakeTimeProvider time)
{
    public static readonly PointsOptions Points = new() { IdeaSubmitted = 10, IdeaSelected = 200, CorrectAnswer = 5, StageCompleted = 20 };

    public InProcessLiveEvents LiveEvents { get; } = new(NullLogger<InProcessLiveEvents>.Instance);

    private NotificationsService Notifications => new(database.Factory, LiveEvents, time);

    public PointsAccrual Accrual() => new(database.Factory, Notifications, Options.Create(new RewardsOptions { Points = Points }), time, NullLogger<PointsAccrual>.Instance);

    public PrizeService Prizes() => new(database.Factory, new UserAccess(database.Factory), Notifications, LiveEvents, time, NullLogger<PrizeService>.Instance);

    public RewardsInventoryService Inventory() => new(database.Factory, new UserAccess(database.Factory), Prizes(), LiveEvents, time, NullLogger<RewardsInventoryService>.Instance);

    public RewardShopService Shop() => new(database.Factory, new UserAccess(database.Factory), LiveEvents, time);

    public RewardsQueries Queries() => new(database.Factory, time);

    public async Task<(string Id, ClaimsPrincipal Principal)> UserAsync(string name, params string[] roles)
    {
        var id = await TestUsers.CreateAsync(database, name, roles);
        return (id, TestUsers.Principal(id, roles));
    }

    /// <summary>A reward type with <paramref name="codes"/> codes (CODE-0001…), sold for <paramref name="price"/> points (null: a prize only).</summary>
    public async Task<int> RewardAsync(int codes, int? price = 100, string name = "Museum ticket")
    {
        await using var db = database.CreateContext();
        var type = new RewardType
        {
            Name = LocalizedText.Of(name, "Билет в музей"), Provider = LocalizedText.Of("A museum", "Музей"), Description = LocalizedText.Of("One entry", "Один вход"),
            PointPrice = price, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(type);
        await db.SaveChangesAsync();
        db.AddRange(Enumerable.Range(1, codes).Select(index => new RewardCode { RewardTypeId = type.Id, Code = $"CODE-{type.Id}-{index:0000}", AddedAt = time.GetUtcNow().UtcDateTime }));
        await db.SaveChangesAsync();
        return type.Id;
    }

    /// <summary>Gives a resident points as a ledger entry of its own (what a test stands for: points earned somewhere).</summary>
    public async Task GrantAsync(string userId, int amount, string source)
    {
        await using var db = database.CreateContext();
        db.Add(new PointsEntry
        {
            UserId = userId, Amount = amount, Reason = PointsReason.IdeaSelected, Source = source, Description = LocalizedText.Of("Test", "Тест"),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }
}
