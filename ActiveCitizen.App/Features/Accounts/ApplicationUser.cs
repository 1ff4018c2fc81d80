using Microsoft.AspNetCore.Identity;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>A registered resident. Identity owns the sign-in fields; these are what the platform adds.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name other residents see next to the resident's ideas and comments; the e-mail address is never shown.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The display name in upper case, for case-insensitive search in any script (SQLite folds only ASCII).</summary>
    public string NormalizedDisplayName { get; set; } = "";

    /// <summary>One of <see cref="Districts.All"/>, or none.</summary>
    [PersonalData]
    public string? District { get; set; }

    public DateTime RegisteredAt { get; set; }

    public ThemePreference Theme { get; set; }
}

public enum ThemePreference
{
    System,
    Light,
    Dark,
}
