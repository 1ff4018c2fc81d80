using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Infrastructure.Data;

public sealed class DatabaseStartupTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("activecitizen-startup-").FullName;

    /// <summary>Starts the app on this test's folder and lists its users as "email: roles".</summary>
    private async Task<List<string>> UsersAfterStartAsync(bool demoData, Func<IServiceProvider, Task>? before = null)
    {
        await using var app = new AppFactory("Testing", demoData, dataDirectory);
        using var scope = app.CreateScope();
        if (before is not null)
        {
            await before(scope.ServiceProvider);
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = new List<string>();
        foreach (var user in await users.Users.OrderBy(user => user.Email).ToListAsync())
        {
            result.Add($"{user.Email}: {string.Join(",", await users.GetRolesAsync(user))}");
        }
        return result;
    }

    [Fact]
    public async Task A_fresh_database_gets_one_demo_account_per_role_and_a_second_start_adds_nothing()
    {
        var first = await UsersAfterStartAsync(demoData: true);
        var second = await UsersAfterStartAsync(demoData: true);

        Assert.Subset(first.ToHashSet(), new HashSet<string>
        {
            $"admin@activecitizen.example: {Roles.Admin}",
            $"commission@activecitizen.example: {Roles.CommissionMember}",
            $"expert@activecitizen.example: {Roles.Expert}",
            $"moderator@activecitizen.example: {Roles.Moderator}",
            "resident@activecitizen.example: ",
        });
        Assert.Equal(DemoAccounts.Everyone.Count(), first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_database_that_holds_real_residents_is_never_given_demo_data()
    {
        await UsersAfterStartAsync(demoData: false, before: async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var real = new ApplicationUser { UserName = "real@example.org", Email = "real@example.org", DisplayName = "Real Resident", NormalizedDisplayName = "REAL RESIDENT",
                RegisteredAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc) };
            Assert.True((await users.CreateAsync(real, "a real resident's passphrase")).Succeeded);
        });

        var afterDemoStart = await UsersAfterStartAsync(demoData: true);

        Assert.Equal(["real@example.org: "], afterDemoStart);
    }

    [Fact]
    public async Task Start_up_creates_the_database_file_in_write_ahead_logging_mode()
    {
        await UsersAfterStartAsync(demoData: false);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
