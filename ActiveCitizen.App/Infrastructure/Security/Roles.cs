namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>
/// The roles a user can be granted. Every registered user is a resident without any grant; the others are stored as Identity roles.
/// </summary>
public static class Roles
{
    public const string Moderator = "Moderator";
    public const string Expert = "Expert";
    public const string CommissionMember = "CommissionMember";
    public const string Admin = "Admin";

    /// <summary>The roles an admin can grant and revoke, in the order screens list them.</summary>
    public static readonly IReadOnlyList<string> Grantable = [Moderator, Expert, CommissionMember, Admin];

    public static bool IsGrantable(string role) => Grantable.Contains(role, StringComparer.Ordinal);
}
