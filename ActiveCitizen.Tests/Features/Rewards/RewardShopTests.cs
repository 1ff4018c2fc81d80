using ActiveCitizen.App.Features.Rewards;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Rewards;

/// <summary>The shop under races, each run many times: exactly as many codes as there are, and never paid twice.</summary>
public sealed class RewardShopTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.OnDisk();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)));
    private readonly RewardsHarness harness;

    public RewardShopTests() => harness = new RewardsHarness(database, time);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_hundred_residents_racing_for_the_last_ten_codes_get_exactly_ten_every_time()
    {
        var residents = new List<(string Id, System.Security.Claims.ClaimsPrincipal Principal)>();
        for (var index = 0; index < 100; index++)
        {
            var resident = await harness.UserAsync($"Resident {index}");
            await harness.GrantAsync(resident.Id, 1000, "grant");
            residents.Add(resident);
        }
        for (var round = 0; round < 5; round++)
        {
            var typeId = await harness.RewardAsync(codes: 10, price: 100, name: $"Ticket {round}");

            var results = await Task.WhenAll(residents.Select(resident => Task.Run(() => harness.Shop().RedeemAsync(resident.Principal, typeId, Guid.NewGuid()))));

            Assert.Equal(10, results.Count(result => result.Status == RewardsStatus.Done));
            Assert.Equal(90, results.Count(result => result.Status == RewardsStatus.SoldOut));
            Assert.Equal(10, results.Where(result => result.Code is not null).Select(result => result.Code).Distinct().Count());
            await using var db = database.CreateContext();
            var holders = await db.Set<RewardCode>().Where(code => code.RewardTypeId == typeId).Select(code => code.AssignedTo).ToListAsync();
            Assert.Equal(10, holders.Distinct().Count(holder => holder != null));
            Assert.Equal(10, await db.Set<PointsEntry>().CountAsync(entry => entry.Reason == PointsReason.Redemption && entry.Description.En == $"Ticket {round}"));
        }
    }

    [Fact]
    public async Task Redeeming_twice_at_once_with_points_for_one_pays_once_and_gives_one_code_every_time()
    {
        for (var round = 0; round < 20; round++)
        {
            var (residentId, resident) = await harness.UserAsync($"Resident {round}");
            await harness.GrantAsync(residentId, 150, "grant");
            var typeId = await harness.RewardAsync(codes: 5, price: 100, name: $"Ticket {round}");

            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => harness.Shop().RedeemAsync(resident, typeId, Guid.NewGuid()))));

            Assert.Equal([RewardsStatus.Done, RewardsStatus.NotEnoughPoints], results.Select(result => result.Status).Order());
            Assert.Equal(50, await harness.Queries().BalanceAsync(residentId));
            await using var db = database.CreateContext();
            Assert.Equal(1, await db.Set<RewardCode>().CountAsync(code => code.AssignedTo == residentId));
        }
    }

    [Fact]
    public async Task A_repeated_request_gets_the_same_code_and_pays_nothing_more()
    {
        var (residentId, resident) = await harness.UserAsync("Double clicker");
        await harness.GrantAsync(residentId, 500, "grant");
        var typeId = await harness.RewardAsync(codes: 5, price: 100);
        var key = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => harness.Shop().RedeemAsync(resident, typeId, key))));

        Assert.All(results, result => Assert.Equal(RewardsStatus.Done, result.Status));
        Assert.Single(results.Select(result => result.Code).Distinct());
        Assert.Equal(400, await harness.Queries().BalanceAsync(residentId));
    }

    [Fact]
    public async Task Without_enough_points_sold_out_or_not_for_sale_nothing_changes()
    {
        var (residentId, resident) = await harness.UserAsync("Resident");
        await harness.GrantAsync(residentId, 50, "grant");
        var cheap = await harness.RewardAsync(codes: 0, price: 10, name: "Gone");
        var dear = await harness.RewardAsync(codes: 3, price: 100, name: "Dear");
        var prize = await harness.RewardAsync(codes: 3, price: null, name: "Prize");

        var soldOut = await harness.Shop().RedeemAsync(resident, cheap, Guid.NewGuid());
        var tooDear = await harness.Shop().RedeemAsync(resident, dear, Guid.NewGuid());
        var notForSale = await harness.Shop().RedeemAsync(resident, prize, Guid.NewGuid());
        var anonymous = await harness.Shop().RedeemAsync(TestUsers.Anonymous, dear, Guid.NewGuid());

        Assert.Equal([RewardsStatus.SoldOut, RewardsStatus.NotEnoughPoints, RewardsStatus.NotForSale, RewardsStatus.SignInRequired],
            new[] { soldOut.Status, tooDear.Status, notForSale.Status, anonymous.Status });
        Assert.Equal(50, await harness.Queries().BalanceAsync(residentId));
        await using var db = database.CreateContext();
        Assert.False(await db.Set<RewardCode>().AnyAsync(code => code.AssignedTo != null));
    }

    [Fact]
    public async Task Imported_codes_skip_and_report_duplicates_and_malformed_rows_and_only_admins_add_codes()
    {
        var typeId = await harness.RewardAsync(codes: 1, price: 100);
        var (_, admin) = await harness.UserAsync("Admin", Roles.Admin);
        var (_, resident) = await harness.UserAsync("Resident");

        var report = await harness.Inventory().ImportCodesAsync(admin, typeId, $"code\r\nGOOD-0001\r\nbad code!\r\nGOOD-0002\r\nGOOD-0001\r\nCODE-{typeId}-0001\r\nab\r\n");
        var forbidden = await harness.Inventory().ImportCodesAsync(resident, typeId, "GOOD-0003");
        var generated = await harness.Inventory().GenerateCodesAsync(admin, typeId, 25);

        Assert.Equal(2, report.Added);
        Assert.Equal([(3, "Validation.RewardCodeFormat"), (5, "Validation.RewardCodeDuplicate"), (6, "Validation.RewardCodeDuplicate"), (7, "Validation.RewardCodeFormat")],
            report.Rejected.Select(row => (row.Line, row.Reasons[0].MessageKey)));
        Assert.Equal(RewardsStatus.Forbidden, forbidden.Status);
        Assert.Equal((RewardsStatus.Done, 25), (generated.Status, generated.Id));
        var stock = (await harness.Queries().TypesAsync()).Single(type => type.Id == typeId).Stock;
        Assert.Equal(1 + 2 + 25, stock);
    }

    [Fact]
    public async Task A_redemption_tells_open_shops_the_stock_it_left_so_they_need_not_read_again()
    {
        var (residentId, resident) = await harness.UserAsync("Resident");
        await harness.GrantAsync(residentId, 500, "grant");
        var typeId = await harness.RewardAsync(codes: 3, price: 100);
        var heard = new TaskCompletionSource<RewardsChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = harness.LiveEvents.Subscribe<RewardsChanged>(RewardsTopics.Inventory, changed =>
        {
            heard.TrySetResult(changed);
            return Task.CompletedTask;
        });

        await harness.Shop().RedeemAsync(resident, typeId, Guid.NewGuid());

        Assert.Equal(new RewardsChanged(typeId, 2), await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
