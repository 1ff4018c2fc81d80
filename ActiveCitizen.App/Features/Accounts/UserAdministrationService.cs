using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Accounts;

public sealed record UserSummary(
    string Id, string Email, string DisplayName, string? District, DateTime RegisteredAt, bool EmailConfirmed, bool LockedOut,
    IReadOnlyList<string> Roles);

public sealed record UserSearch(string? Text, string? Role, int Page, int PageSize);

public sealed record UserListing(bool Allowed, IReadOnlyList<UserSummary> Users, int Total)
{
    public static readonly UserListing Forbidden = new(false, [], 0);
}

public enum RoleChangeOutcome
{
    Done,
    AlreadyDone,
    Forbidden,
    UserNotFound,
    UnknownRole,
    /// <summary>Revoking would leave the platform without any admin.</summary>
    LastAdmin,
}

/// <summary>Admins find users and grant or revoke roles. Every call re-checks in the database that the caller is still an admin.</summary>
public sealed class UserAdministrationService(
    IDbContextFactory<AppDbContext> dbFactory,
    UserAccess access,
    ILiveEvents liveEvents,
    TimeProvider time,
    ILogger<UserAdministrationService> logger)
{
    public const int MaxPageSize = 100;

    public async Task<UserListing> FindAsync(ClaimsPrincipal actor, UserSearch search, CancellationToken cancellationToken = default)
    {
        if (!await access.HasRoleAsync(actor, Roles.Admin, cancellationToken))
        {
            return UserListing.Forbidden;
        }
        var pageSize = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var page = Math.Max(search.Page, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        var text = search.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var normalized = ProfileRules.NormalizeForSearch(text);
            users = users.Where(user => user.NormalizedEmail!.Contains(normalized) || user.NormalizedDisplayName.Contains(normalized));
        }
        if (search.Role is { } role && Roles.IsGrantable(role))
        {
            var normalizedRole = role.ToUpperInvariant();
            users = users.Where(user => db.UserRoles.Any(grant =>
                grant.UserId == user.Id && db.Roles.Any(r => r.Id == grant.RoleId && r.NormalizedName == normalizedRole)));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users
            .OrderByDescending(user => user.RegisteredAt).ThenBy(user => user.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(user => new { user.Id, user.Email, user.DisplayName, user.District, user.RegisteredAt, user.EmailConfirmed, user.LockoutEnd })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(row => row.Id).ToList();
        var grants = await db.UserRoles.Where(grant => ids.Contains(grant.UserId))
            .Join(db.Roles, grant => grant.RoleId, r => r.Id, (grant, r) => new { grant.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var summaries = rows.Select(row => new UserSummary(
            row.Id, row.Email ?? "", row.DisplayName, row.District, row.RegisteredAt, row.EmailConfirmed,
            row.LockoutEnd is { } end && end > now,
            [.. Roles.Grantable.Where(r => grants.Any(grant => grant.UserId == row.Id && grant.Name == r))])).ToList();
        return new UserListing(true, summaries, total);
    }

    public async Task<RoleChangeOutcome> GrantAsync(ClaimsPrincipal actor, string userId, string role, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (refusal, roleId) = await CheckChangeAsync(db, actor, userId, role, cancellationToken);
        if (refusal is { } refused)
        {
            return refused;
        }
        if (await db.UserRoles.AnyAsync(grant => grant.UserId == userId && grant.RoleId == roleId, cancellationToken))
        {
            return RoleChangeOutcome.AlreadyDone;
        }
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await GrantExistsAsync(userId, roleId, cancellationToken))
            {
                // Another admin granted the same role a moment earlier: the outcome the caller wanted already holds.
                return RoleChangeOutcome.AlreadyDone;
            }
            throw;
        }
        Changed(actor, userId, role, "granted");
        return RoleChangeOutcome.Done;
    }

    public async Task<RoleChangeOutcome> RevokeAsync(ClaimsPrincipal actor, string userId, string role, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (refusal, roleId) = await CheckChangeAsync(db, actor, userId, role, cancellationToken);
        if (refusal is { } refused)
        {
            return refused;
        }
        var grant = db.UserRoles.Where(g => g.UserId == userId && g.RoleId == roleId);
        if (role == Roles.Admin)
        {
            // One statement, so two admins revoking each other at the same moment cannot both succeed and leave nobody in charge.
            grant = grant.Where(_ => db.UserRoles.Count(other => other.RoleId == roleId) > 1);
        }
        var removed = await grant.ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return await GrantExistsAsync(userId, roleId, cancellationToken) ? RoleChangeOutcome.LastAdmin : RoleChangeOutcome.AlreadyDone;
        }
        Changed(actor, userId, role, "revoked");
        return RoleChangeOutcome.Done;
    }

    private void Changed(ClaimsPrincipal actor, string userId, string role, string change)
    {
        logger.LogInformation("Admin {ActorId} {Change} role {Role} for user {UserId}.", UserAccess.UserIdOf(actor), change, role, userId);
        liveEvents.Publish(LiveTopics.User(userId), new AccountChanged(userId));
    }

    /// <summary>The checks every role change passes first; a refusal, or the id of the role to change.</summary>
    private async Task<(RoleChangeOutcome? Refusal, string RoleId)> CheckChangeAsync(
        AppDbContext db, ClaimsPrincipal actor, string userId, string role, CancellationToken cancellationToken)
    {
        if (!Roles.IsGrantable(role))
        {
            return (RoleChangeOutcome.UnknownRole, "");
        }
        if (!await access.HasRoleAsync(actor, Roles.Admin, cancellationToken))
        {
            return (RoleChangeOutcome.Forbidden, "");
        }
        if (!await db.Users.AnyAsync(user => user.Id == userId, cancellationToken))
        {
            return (RoleChangeOutcome.UserNotFound, "");
        }
        var normalizedRole = role.ToUpperInvariant();
        return (null, await db.Roles.Where(r => r.NormalizedName == normalizedRole).Select(r => r.Id).SingleAsync(cancellationToken));
    }

    private async Task<bool> GrantExistsAsync(string userId, string roleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserRoles.AnyAsync(grant => grant.UserId == userId && grant.RoleId == roleId, cancellationToken);
    }
}
