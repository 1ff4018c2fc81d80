namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// Something a feature shows in the app bar, beside the language switch and the account menu (the notifications bell). Registered when the
/// feature is composed, so the layout never needs to know the features; the component takes no parameters.
/// </summary>
public sealed record AppBarItem(Type Component, int Order);

public static class AppBarItems
{
    public static IServiceCollection AddAppBarItem(this IServiceCollection services, AppBarItem item) => services.AddSingleton(item);
}
