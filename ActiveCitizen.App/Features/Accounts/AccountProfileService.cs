using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Accounts;

public sealed record ProfileView(
    string UserId, string Email, string DisplayName, string? District, DateTime RegisteredAt, ThemePreference Theme, IReadOnlyList<string> Roles);

public enum ProfileUpdateStatus
{
    Saved,
    Invalid,
    /// <summary>The account no longer exists (deleted while the page was open).</summary>
    AccountGone,
}

public sealed record ProfileUpdateResult(ProfileUpdateStatus Status, IReadOnlyList<FieldError> Errors)
{
    public static readonly ProfileUpdateResult Saved = new(ProfileUpdateStatus.Saved, []);
    public static readonly ProfileUpdateResult AccountGone = new(ProfileUpdateStatus.AccountGone, []);
}

/// <summary>The resident's own profile and preferences in the personal account.</summary>
public sealed class AccountProfileService(IDbContextFactory<AppDbContext> dbFactory, ILiveEvents liveEvents)
{
    public async Task<ProfileView?> GetAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new { user.Id, user.Email, user.DisplayName, user.District, user.RegisteredAt, user.Theme })
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return null;
        }
        var roles = await db.UserRoles.Where(grant => grant.UserId == userId)
            .Join(db.Roles, grant => grant.RoleId, role => role.Id, (_, role) => role.Name!)
            .ToListAsync(cancellationToken);
        return new ProfileView(profile.Id, profile.Email ?? "", profile.DisplayName, profile.District, profile.RegisteredAt, profile.Theme,
            [.. Roles.Grantable.Where(roles.Contains)]);
    }

    public async Task<ProfileUpdateResult> UpdateAsync(
        ClaimsPrincipal principal, string? displayName, string? district, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return ProfileUpdateResult.AccountGone;
        }
        var name = ProfileRules.NormalizeDisplayName(displayName);
        var chosenDistrict = string.IsNullOrEmpty(district) ? null : district;
        var errors = ProfileRules.Validate(name, chosenDistrict);
        if (errors.Count > 0)
        {
            return new ProfileUpdateResult(ProfileUpdateStatus.Invalid, errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users.Where(user => user.Id == userId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(user => user.DisplayName, name)
                .SetProperty(user => user.NormalizedDisplayName, ProfileRules.NormalizeForSearch(name))
                .SetProperty(user => user.District, chosenDistrict)
                .SetProperty(user => user.ConcurrencyStamp, NewConcurrencyStamp()), cancellationToken);
        if (updated == 0)
        {
            return ProfileUpdateResult.AccountGone;
        }
        liveEvents.Publish(LiveTopics.User(userId), new AccountChanged(userId));
        return ProfileUpdateResult.Saved;
    }

    /// <summary>Remembers light or dark for the signed-in resident, so it follows them to other devices at their next sign-in.</summary>
    public async Task SetThemeAsync(ClaimsPrincipal principal, ThemePreference theme, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(user => user.Id == userId).ExecuteUpdateAsync(set => set
            .SetProperty(user => user.Theme, theme)
            .SetProperty(user => user.ConcurrencyStamp, NewConcurrencyStamp()), cancellationToken);
    }

    /// <summary>
    /// A direct update must still change Identity's concurrency stamp, or a sign-in page holding the old row could save it back over ours.
    /// </summary>
    private static string NewConcurrencyStamp() => Guid.NewGuid().ToString();
}
