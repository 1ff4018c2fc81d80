using System.Text.RegularExpressions;
using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>What a display name and district must be; the same rules at registration and in the personal account.</summary>
public static partial class ProfileRules
{
    public const string DisplayNameField = "DisplayName";
    public const string DistrictField = "District";

    /// <summary>Trims and collapses runs of whitespace so that "  Anna   K. " and "Anna K." are the same name.</summary>
    public static string NormalizeDisplayName(string? displayName) => Whitespace().Replace((displayName ?? "").Trim(), " ");

    public static string NormalizeForSearch(string text) => text.ToUpperInvariant();

    public static IReadOnlyList<FieldError> Validate(string normalizedDisplayName, string? district)
    {
        var errors = new List<FieldError>();
        if (normalizedDisplayName.Length == 0)
        {
            errors.Add(new(DisplayNameField, "Validation.DisplayNameRequired"));
        }
        else if (normalizedDisplayName.Length is < AccountLimits.DisplayNameMinLength or > AccountLimits.DisplayNameMaxLength)
        {
            errors.Add(new(DisplayNameField, "Validation.DisplayNameLength", AccountLimits.DisplayNameMinLength, AccountLimits.DisplayNameMaxLength));
        }
        else if (normalizedDisplayName.Any(char.IsControl))
        {
            errors.Add(new(DisplayNameField, "Validation.DisplayNameCharacters"));
        }
        if (!string.IsNullOrEmpty(district) && !Districts.IsKnown(district))
        {
            errors.Add(new(DistrictField, "Validation.DistrictUnknown"));
        }
        return errors;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
