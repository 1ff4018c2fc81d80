using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Moderation;

/// <summary>
/// Something in the moderation queue changed (a new idea, a report, an action); published on <see cref="LiveTopics.Moderation"/>,
/// which only the console subscribes to. It carries the item's key alone: residents never receive moderation data.
/// </summary>
public sealed record ModerationQueueChanged(string ItemKey) : ILiveEvent;

/// <summary>An item was claimed (by the named moderator, until the time given) or released (no moderator).</summary>
public sealed record ModerationClaimChanged(string ItemKey, string? ModeratorId, string? ModeratorName, DateTime? Until) : ILiveEvent;
