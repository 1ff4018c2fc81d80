namespace ActiveCitizen.App.Features.Moderation.Components;

/// <summary>The console's keys and what they do; the help dialog lists them from here, the page acts on them.</summary>
public static class ModerationShortcuts
{
    public const string Next = "Next";
    public const string Previous = "Previous";
    public const string Claim = "Claim";
    public const string Triaged = "Triaged";
    public const string Hide = "Hide";
    public const string Restore = "Restore";
    public const string Reject = "Reject";
    public const string Merge = "Merge";
    public const string Tag = "Tag";
    public const string Select = "Select";
    public const string Help = "Help";

    public static readonly IReadOnlyList<(string Key, string Action)> All =
    [
        ("j", Next), ("k", Previous), ("c", Claim), ("x", Triaged), ("h", Hide), ("u", Restore), ("r", Reject), ("m", Merge), ("t", Tag),
        ("s", Select), ("?", Help),
    ];

    public static string? ActionFor(string key) => All.FirstOrDefault(shortcut => shortcut.Key == key).Action;
}
