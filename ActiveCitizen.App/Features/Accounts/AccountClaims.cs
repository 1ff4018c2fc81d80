using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>Puts the display name into the sign-in, so the app bar can greet a resident without a database read on every page.</summary>
public sealed class AccountClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, Microsoft.AspNetCore.Identity.IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }

    public static string? DisplayNameOf(ClaimsPrincipal principal) => principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity?.Name;
}
