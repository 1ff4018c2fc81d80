using ActiveCitizen.App.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Notifications;

/// <summary>Something a resident should hear about, with enough to show it and a link to where it happened.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }

    /// <summary>Who did it (a display name, as it was then).</summary>
    public string ActorName { get; set; } = "";

    /// <summary>What it was about (an idea's title).</summary>
    public string Subject { get; set; } = "";

    /// <summary>A short plain-text excerpt (the start of the comment).</summary>
    public string Excerpt { get; set; } = "";

    /// <summary>A path on this site, e.g. /ideas/42#comment-7.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// What the excerpt quotes ("comment:7"), so that when it is edited, deleted or hidden the copy in notifications follows:
    /// a deleted comment's words do not live on in anyone's bell.
    /// </summary>
    public string? Source { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum NotificationKind
{
    CommentOnYourIdea,
    CommentOnFollowedIdea,
    ReplyToYourComment,
    YourIdeaHidden,
    YourIdeaRestored,
    YourIdeaRejected,
    YourIdeaMerged,
    YourIdeaFeasible,
    YourIdeaNotFeasible,
    YourIdeaShortlisted,
    YourIdeaSelected,
    YourIdeaNotSelected,
    SupportedIdeaSelected,
    SupportedIdeaNotSelected,
    PointsEarned,
    PrizeWon,
    PrizeAwaitingCode,
    PrizeShortfall,
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(notification => notification.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(notification => notification.ActorName).HasMaxLength(AccountLimits.DisplayNameMaxLength);
        builder.Property(notification => notification.Subject).HasMaxLength(NotificationsService.TextMaxLength);
        builder.Property(notification => notification.Excerpt).HasMaxLength(NotificationsService.TextMaxLength);
        builder.Property(notification => notification.Url).HasMaxLength(NotificationsService.TextMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(notification => notification.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(notification => notification.Source).HasMaxLength(64);
        // A resident's unread ones, newest first; the id follows time.
        builder.HasIndex(notification => new { notification.UserId, notification.ReadAt });
        builder.HasIndex(notification => notification.Source);
    }
}
