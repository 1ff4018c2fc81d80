using Microsoft.AspNetCore.Authorization;

namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>Authorization policy names used by pages and navigation. Services still re-check the database on every action.</summary>
public static class Policies
{
    public const string Resident = "Resident";
    public const string Moderation = "Moderation";
    public const string Screening = "Screening";
    public const string Commission = "Commission";
    public const string Administration = "Administration";

    public static AuthorizationBuilder AddActiveCitizenPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Resident, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(Moderation, policy => policy.RequireRole(Roles.Moderator))
        .AddPolicy(Screening, policy => policy.RequireRole(Roles.Expert))
        .AddPolicy(Commission, policy => policy.RequireRole(Roles.CommissionMember))
        .AddPolicy(Administration, policy => policy.RequireRole(Roles.Admin));
}
