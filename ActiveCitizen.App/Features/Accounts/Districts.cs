namespace ActiveCitizen.App.Features.Accounts;

/// <summary>The city's administrative districts a resident may name in the profile. Codes are stored; names come from the localizer.</summary>
public static class Districts
{
    public const int CodeMaxLength = 32;

    public static readonly IReadOnlyList<string> All =
    [
        "central", "northern", "north-eastern", "eastern", "south-eastern", "southern",
        "south-western", "western", "north-western", "zelenograd", "novomoskovsky", "troitsky",
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>The localizer key of a district's name.</summary>
    public static string NameKey(string code) => $"District.{code}";
}
