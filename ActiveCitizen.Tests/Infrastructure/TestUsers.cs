using System.Security.Claims;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>Creates users straight in the database and the principals a circuit would hold for them.</summary>
public static class TestUsers
{
    public static async Task<string> CreateAsync(TestDatabase database, string displayName, params string[] roles)
    {
        await using var db = database.CreateContext();
        var email = $"{displayName.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = displayName,
            NormalizedDisplayName = displayName.ToUpperInvariant(),
            RegisteredAt = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc),
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        foreach (var role in roles)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>The principal as it was when the circuit opened: its role claims may be stale by the time a test uses it.</summary>
    public static ClaimsPrincipal Principal(string userId, params string[] roleClaims) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId), .. roleClaims.Select(role => new Claim(ClaimTypes.Role, role))],
        IdentityConstants.ApplicationScheme));

    public static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
}
