using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Tests.Infrastructure.Data;

public sealed class InstantStorageTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();

    [Fact]
    public void Every_instant_in_the_model_is_a_UTC_DateTime_stored_through_the_UTC_converter()
    {
        using var db = database.CreateContext();
        var properties = db.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()).ToList();

        var dateTimes = properties.Where(property => Nullable.GetUnderlyingType(property.ClrType) == typeof(DateTime) || property.ClrType == typeof(DateTime));
        Assert.All(dateTimes, property => Assert.IsType<UtcDateTimeConverter>(property.GetValueConverter()));
        // Identity's own lockout end is the one DateTimeOffset; Identity compares it in memory, never in SQL.
        Assert.Equal(["LockoutEnd"], properties.Where(property => property.ClrType == typeof(DateTimeOffset?)).Select(property => property.Name));
    }

    [Fact]
    public async Task Instants_come_back_marked_UTC_sort_in_time_order_and_local_times_are_refused()
    {
        await using (var db = database.CreateContext())
        {
            foreach (var (name, at) in new[] { ("late", new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)), ("early", new DateTime(2026, 1, 2, 23, 0, 0, DateTimeKind.Utc)) })
            {
                db.Users.Add(new ApplicationUser { UserName = name, DisplayName = name, NormalizedDisplayName = name, RegisteredAt = at });
            }
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var ordered = await db.Users.OrderBy(user => user.RegisteredAt).Where(user => user.RegisteredAt > new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).ToListAsync();
            Assert.Equal(["early", "late"], ordered.Select(user => user.UserName));
            Assert.All(ordered, user => Assert.Equal(DateTimeKind.Utc, user.RegisteredAt.Kind));

            db.Users.Add(new ApplicationUser { UserName = "local", DisplayName = "local", NormalizedDisplayName = "local", RegisteredAt = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Local) });
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.IsType<InvalidOperationException>(refused.InnerException);
        }
    }

    public void Dispose() => database.Dispose();
}
