using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>One demo account per role (listed in the README), for trying the platform locally. Development only.</summary>
public sealed class DemoAccounts(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<DemoAccounts> logger)
    : IDemoDataSeeder, IRealDataDetector
{
    public const string Password = "demo-pass-2026";

    public sealed record DemoAccount(string Email, string DisplayName, string District, string? Role);

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("resident@activecitizen.example", "Anna Petrova", "central", null),
        new("moderator@activecitizen.example", "Maxim Orlov", "northern", Roles.Moderator),
        new("expert@activecitizen.example", "Elena Smirnova", "western", Roles.Expert),
        new("commission@activecitizen.example", "Igor Volkov", "southern", Roles.CommissionMember),
        new("admin@activecitizen.example", "Olga Sokolova", "eastern", Roles.Admin),
    ];

    public int Order => 0;

    public async Task<bool> HoldsRealDataAsync(CancellationToken cancellationToken)
    {
        var demoEmails = All.Select(account => account.Email.ToUpperInvariant()).ToList();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.AnyAsync(user => !demoEmails.Contains(user.NormalizedEmail!), cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var account in All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                NormalizedDisplayName = ProfileRules.NormalizeForSearch(account.DisplayName),
                District = account.District,
                RegisteredAt = time.GetUtcNow().UtcDateTime,
            };
            Ensure(await users.CreateAsync(user, Password), account.Email);
            if (account.Role is not null)
            {
                Ensure(await users.AddToRoleAsync(user, account.Role), account.Email);
            }
            logger.LogInformation("Created demo account {Email}.", account.Email);
        }
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}
