using Microsoft.AspNetCore.Components.Routing;

namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// One entry of the main navigation. Each feature adds its own entries when it is composed, so the menu only ever links to pages
/// that exist; <see cref="Policy"/> (null for everyone) decides who sees it.
/// </summary>
public sealed record NavigationEntry(string TitleKey, string Href, string Icon, string? Policy, int Order, NavLinkMatch Match = NavLinkMatch.Prefix);

public static class NavigationEntries
{
    public static IServiceCollection AddNavigationEntry(this IServiceCollection services, NavigationEntry entry) =>
        services.AddSingleton(entry);
}
