using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>
/// Answers "may this user do this now?" from the database rather than from the claims a circuit was opened with, so that a revoked
/// role stops working on the user's very next action even in a browser tab that has been open for hours.
/// </summary>
public sealed class UserAccess(IDbContextFactory<AppDbContext> dbFactory)
{
    public static string? UserIdOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>
    /// The signed-in user of a cascaded authentication state, or null for a visitor. Components read it in OnParametersSetAsync, so
    /// they follow a sign-in that ends under an open circuit as an AuthorizeView would, without keeping one alive as a component.
    /// </summary>
    public static async Task<ClaimsPrincipal?> SignedInAsync(Task<AuthenticationState>? authenticationState) =>
        authenticationState is not null && (await authenticationState).User is { Identity.IsAuthenticated: true } user ? user : null;

    public async Task<bool> HasRoleAsync(ClaimsPrincipal principal, string role, CancellationToken cancellationToken = default)
    {
        var userId = UserIdOf(principal);
        return userId is not null && await HasRoleAsync(userId, role, cancellationToken);
    }

    public async Task<bool> HasRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        var normalizedRole = role.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserRoles.AnyAsync(
            grant => grant.UserId == userId && db.Roles.Any(r => r.Id == grant.RoleId && r.NormalizedName == normalizedRole),
            cancellationToken);
    }

    /// <summary>True when the principal still belongs to an existing account (it may have been deleted since the circuit opened).</summary>
    public async Task<bool> IsResidentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = UserIdOf(principal);
        if (userId is null)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(user => user.Id == userId, cancellationToken);
    }
}
