using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Notifications;

public sealed record UnreadNotifications(int Count, long NewestId);

public sealed record NotificationView(long Id, NotificationKind Kind, string ActorName, string Subject, string Excerpt, string Url, DateTime CreatedAt, bool Read);

/// <summary>Tells residents what happened around their ideas and comments, and what they have read.</summary>
public sealed class NotificationsService(IDbContextFactory<AppDbContext> dbFactory, ILiveEvents liveEvents, TimeProvider time)
{
    public const int ListLength = 100;
    public const int TextMaxLength = 300;

    /// <summary>
    /// Adds one notification per recipient to the caller's context, to be saved in the same transaction as what caused them, so a
    /// comment is never stored without its notifications. Call <see cref="Announce"/> with the result once committed.
    /// </summary>
    public List<Notification> Stage(
        AppDbContext db, IEnumerable<(string UserId, NotificationKind Kind)> recipients, string actorName, string subject, string excerpt, string url,
        string? source = null, DateTime? happenedAt = null)
    {
        var createdAt = happenedAt ?? time.GetUtcNow().UtcDateTime;
        var rows = recipients.Select(recipient => new Notification
        {
            UserId = recipient.UserId,
            Kind = recipient.Kind,
            ActorName = actorName,
            Subject = Shorten(subject),
            Excerpt = Shorten(excerpt),
            Url = url,
            Source = source,
            CreatedAt = createdAt,
        }).ToList();
        db.AddRange(rows);
        return rows;
    }

    /// <summary>
    /// Replaces the excerpt of every notification quoting <paramref name="source"/> (empty when what it quoted was deleted or
    /// hidden), in the caller's transaction.
    /// </summary>
    public static Task QuoteAgainAsync(AppDbContext db, string source, string excerpt, CancellationToken cancellationToken)
    {
        var shortened = Shorten(excerpt);
        return db.Set<Notification>().Where(notification => notification.Source == source)
            .ExecuteUpdateAsync(set => set.SetProperty(notification => notification.Excerpt, shortened), cancellationToken);
    }

    /// <summary>Tells each recipient's open pages (their bell) about the stored notifications.</summary>
    public void Announce(IEnumerable<Notification> stored)
    {
        foreach (var row in stored)
        {
            liveEvents.Publish(LiveTopics.User(row.UserId), new NotificationReceived(row.Id));
        }
    }

    private static string Shorten(string text) => text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…";

    /// <summary>
    /// How many of the principal's notifications are unread, and the newest notification id when counted, so a bell can tell which
    /// announcements that raced the count it already holds.
    /// </summary>
    public async Task<UnreadNotifications> UnreadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return new UnreadNotifications(0, 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One statement, so the count and the newest id describe the same moment.
        return await db.Set<Notification>().Where(notification => notification.UserId == userId)
            .GroupBy(notification => notification.UserId)
            .Select(mine => new UnreadNotifications(mine.Count(notification => notification.ReadAt == null), mine.Max(notification => notification.Id)))
            .SingleOrDefaultAsync(cancellationToken) ?? new UnreadNotifications(0, 0);
    }

    public async Task<IReadOnlyList<NotificationView>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Notification>().AsNoTracking()
            .Where(notification => notification.UserId == userId)
            .OrderByDescending(notification => notification.Id)
            .Take(ListLength)
            .Select(notification => new NotificationView(notification.Id, notification.Kind, notification.ActorName, notification.Subject,
                notification.Excerpt, notification.Url, notification.CreatedAt, notification.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one notification (null: all of them) of the principal read.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal principal, long? notificationId, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = db.Set<Notification>().Where(notification => notification.UserId == userId && notification.ReadAt == null);
        if (notificationId is { } id)
        {
            unread = unread.Where(notification => notification.Id == id);
        }
        if (await unread.ExecuteUpdateAsync(set => set.SetProperty(notification => notification.ReadAt, now), cancellationToken) > 0)
        {
            liveEvents.Publish(LiveTopics.User(userId), new NotificationsRead());
        }
    }
}
