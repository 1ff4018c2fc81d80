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

    /// <summary>More residents, so the demo's ideas have different authors and supporters. They sign in with the same password.</summary>
    public static readonly IReadOnlyList<DemoAccount> Residents =
    [
        new("ivan.kuznetsov@demo.activecitizen.example", "Ivan Kuznetsov", "north-eastern", null),
        new("maria.sokolova@demo.activecitizen.example", "Мария Соколова", "south-western", null),
        new("dmitry.popov@demo.activecitizen.example", "Дмитрий Попов", "eastern", null),
        new("sofia.lebedeva@demo.activecitizen.example", "Sofia Lebedeva", "central", null),
        new("alexei.novikov@demo.activecitizen.example", "Алексей Новиков", "southern", null),
        new("natalia.morozova@demo.activecitizen.example", "Наталья Морозова", "western", null),
        new("pavel.volkov@demo.activecitizen.example", "Pavel Volkov", "north-western", null),
        new("ekaterina.fedorova@demo.activecitizen.example", "Екатерина Федорова", "zelenograd", null),
        new("sergey.mikhailov@demo.activecitizen.example", "Сергей Михайлов", "south-eastern", null),
        new("olga.vasilieva@demo.activecitizen.example", "Olga Vasilieva", "northern", null),
        new("andrey.zaitsev@demo.activecitizen.example", "Андрей Зайцев", "troitsky", null),
        new("yulia.pavlova@demo.activecitizen.example", "Юлия Павлова", "novomoskovsky", null),
        new("kirill.semenov@demo.activecitizen.example", "Kirill Semenov", "eastern", null),
        new("anastasia.golubeva@demo.activecitizen.example", "Анастасия Голубева", "central", null),
        new("mikhail.vinogradov@demo.activecitizen.example", "Михаил Виноградов", "southern", null),
        new("daria.bogdanova@demo.activecitizen.example", "Daria Bogdanova", "western", null),
    ];

    /// <summary>Four more commission members, so the demo's sessions have a real commission. Same password.</summary>
    public static readonly IReadOnlyList<DemoAccount> CommissionMembers =
    [
        new("tatiana.belova@demo.activecitizen.example", "Tatiana Belova", "central", Roles.CommissionMember),
        new("roman.egorov@demo.activecitizen.example", "Роман Егоров", "northern", Roles.CommissionMember),
        new("vera.nikitina@demo.activecitizen.example", "Вера Никитина", "western", Roles.CommissionMember),
        new("oleg.frolov@demo.activecitizen.example", "Oleg Frolov", "southern", Roles.CommissionMember),
    ];

    /// <summary>Every demo account.</summary>
    public static IEnumerable<DemoAccount> Everyone => All.Concat(Residents).Concat(CommissionMembers);

    public int Order => 0;

    public async Task<bool> HoldsRealDataAsync(CancellationToken cancellationToken)
    {
        var demoEmails = Everyone.Select(account => account.Email.ToUpperInvariant()).ToList();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.AnyAsync(user => !demoEmails.Contains(user.NormalizedEmail!), cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // One hash for all: the accounts share the published password, and hashing it twenty times would slow every start.
        string? passwordHash = null;
        foreach (var account in Everyone)
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
            user.PasswordHash = passwordHash ??= users.PasswordHasher.HashPassword(user, Password);
            Ensure(await users.CreateAsync(user), account.Email);
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
