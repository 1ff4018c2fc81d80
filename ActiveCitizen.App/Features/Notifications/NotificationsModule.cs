using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Notifications.Components;
using MudBlazor;

namespace ActiveCitizen.App.Features.Notifications;

public static class NotificationsModule
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationsService>();
        builder.Services.AddAppBarItem(new AppBarItem(typeof(NotificationBell), 100, SignedInOnly: true));
        builder.Services.AddAccountSection(new AccountSection("notifications", "Account.Section.Notifications", Icons.Material.Outlined.Notifications, typeof(NotificationsSection), 50));
        return builder;
    }
}
