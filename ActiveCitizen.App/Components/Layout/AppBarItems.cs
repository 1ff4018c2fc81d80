namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// Something a feature shows in the app bar, beside the language switch and the account menu (the notifications bell). Registered when the
/// feature is composed, so the layout never needs to know the features; the component takes no parameters.
/// </summary>
/// <param name="SignedInOnly">
/// Shown to signed-in users only: the layout leaves it out for visitors, who are most of the circuits, rather than keeping a component
/// alive in each that shows nothing.
/// </param>
public sealed record AppBarItem(Type Component, int Order, bool SignedInOnly = false);

public static class AppBarItems
{
    public static IServiceCollection AddAppBarItem(this IServiceCollection services, AppBarItem item) => services.AddSingleton(item);
}
