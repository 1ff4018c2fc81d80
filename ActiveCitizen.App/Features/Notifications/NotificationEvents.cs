using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Notifications;

/// <summary>A new notification for the user whose topic carries it; the bell adds one without asking the database.</summary>
public sealed record NotificationReceived(long NotificationId) : ILiveEvent;

/// <summary>The user read notifications (in another tab, perhaps); bells reload their count.</summary>
public sealed record NotificationsRead : ILiveEvent;
