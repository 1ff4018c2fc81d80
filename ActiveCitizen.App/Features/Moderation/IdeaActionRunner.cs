using System.Security.Claims;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Moderation;

/// <summary>A moderator or expert acting, as the audit trail names them.</summary>
public sealed record ModerationActor(string Id, string Name);

/// <summary>
/// The frame every action on ideas by moderators and experts runs in, so that the role check, claims, audit entries, notifications
/// and announcements work the same for all of them.
/// </summary>
public sealed class IdeaActionRunner(
    IDbContextFactory<AppDbContext> dbFactory, UserAccess access, NotificationsService notifications, ILiveEvents liveEvents, TimeProvider time)
{
    /// <summary>What an action leaves to do once its transaction has committed.</summary>
    public sealed class AfterCommit
    {
        public List<(string Topic, ILiveEvent Event)> Announcements { get; } = [];
        public List<Notification> Notifications { get; } = [];

        /// <summary>Set by an action whose audit name depends on what it found (restoring a hidden idea, or only dismissing reports).</summary>
        public string? AuditAction { get; set; }
    }

    /// <summary>No user: sign in; a user without the role: forbidden.</summary>
    public static ModerationResult Refusal(ClaimsPrincipal principal) =>
        new(UserAccess.UserIdOf(principal) is null ? ModerationStatus.SignInRequired : ModerationStatus.Forbidden);

    /// <summary>Whether what the idea page shows about the idea's standing changed: its state and reason, hiding, merging.</summary>
    private static bool StandingChanged(IdeaSnapshot before, IdeaSnapshot after) =>
        before.State != after.State || before.StateReason != after.StateReason || before.RejectionReasonId != after.RejectionReasonId ||
        before.Hidden != after.Hidden || before.HiddenBy != after.HiddenBy || before.HiddenNote != after.HiddenNote ||
        before.MergedIntoId != after.MergedIntoId;

    /// <summary>
    /// Runs an action on each idea, one transaction for all: checks the role in the database, skips ideas another moderator is
    /// reviewing, records the audit entry with the idea's state before and after, keeps the actor's claim alive, and announces what
    /// changed once committed.
    /// </summary>
    public async Task<ModerationResult> RunAsync(
        ClaimsPrincipal principal, string role, bool respectClaims, IReadOnlyCollection<int> ideaIds, string action, string? reason,
        Func<AppDbContext, IdeaSnapshot, ModerationActor, AfterCommit, Task<ModerationStatus>> change, CancellationToken cancellationToken,
        string? refusalKey = null, string? invalidKey = null)
    {
        if (await ActorAsync(principal, role, cancellationToken) is not { } actor)
        {
            return Refusal(principal);
        }
        if (ideaIds.Count == 0)
        {
            return new ModerationResult(ModerationStatus.Invalid, "Moderation.NothingSelected");
        }
        var after = new AfterCommit();
        var now = time.GetUtcNow().UtcDateTime;
        int affected = 0, skipped = 0;
        string? claimedBy = null;
        var last = ModerationStatus.AlreadyDone;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var ideaId in ideaIds.Distinct())
            {
                var itemKey = ModerationItems.Idea(ideaId);
                if (respectClaims && await ClaimHolderAsync(db, itemKey, actor.Id, now, cancellationToken) is { } holder)
                {
                    skipped++;
                    claimedBy = holder.Name;
                    continue;
                }
                if (await IdeaCuration.SnapshotAsync(db, ideaId, cancellationToken) is not { } before)
                {
                    last = ModerationStatus.NotFound;
                    continue;
                }
                after.AuditAction = null;
                last = await change(db, before, actor, after);
                if (last != ModerationStatus.Done)
                {
                    continue;
                }
                affected++;
                var changed = await IdeaCuration.SnapshotAsync(db, ideaId, cancellationToken);
                AuditTrail.Record(db, now, (actor.Id, actor.Name), after.AuditAction ?? action, itemKey, reason, before, changed);
                await db.Set<ModerationClaim>().Where(claim => claim.ItemKey == itemKey && claim.ModeratorId == actor.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(claim => claim.ActiveAt, now), cancellationToken);
                var moderated = new IdeaModerated(ideaId, changed!.State, changed.StateReason, changed.Hidden, changed.MergedIntoId);
                // Every open page of the idea re-reads it on this event; a change that leaves its standing as it was (a tag, triage)
                // travels in its own event, and a thousand readers are not sent to the database for nothing.
                if (StandingChanged(before, changed))
                {
                    after.Announcements.Add((LiveTopics.Idea(ideaId), moderated));
                }
                after.Announcements.Add((LiveTopics.Project(changed.ProjectId), moderated));
                after.Announcements.Add((LiveTopics.Moderation, new ModerationQueueChanged(itemKey)));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var (topic, liveEvent) in after.Announcements)
        {
            liveEvents.Publish(topic, liveEvent);
        }
        notifications.Announce(after.Notifications);
        if (affected > 0)
        {
            return new ModerationResult(ModerationStatus.Done, Affected: affected, Skipped: skipped, ClaimedBy: claimedBy);
        }
        return skipped > 0 ? new ModerationResult(ModerationStatus.ClaimedByOther, ClaimedBy: claimedBy, Skipped: skipped)
            : new ModerationResult(last, last switch
            {
                ModerationStatus.Refused => refusalKey,
                ModerationStatus.Invalid => invalidKey,
                _ => null,
            });
    }

    /// <summary>Stages the author's notification of what happened to their idea, with the reason.</summary>
    public void Tell(AppDbContext db, AfterCommit after, IdeaSnapshot idea, NotificationKind kind, string reason, string? url = null) =>
        after.Notifications.AddRange(notifications.Stage(db, [(idea.AuthorId, kind)], "", idea.Title, reason, url ?? $"/ideas/{idea.Id}"));

    /// <summary>The active claim on an item by someone other than the actor, if any.</summary>
    public static async Task<(string Id, string Name)?> ClaimHolderAsync(AppDbContext db, string itemKey, string actorId, DateTime now, CancellationToken cancellationToken)
    {
        var lapsed = now - ModerationLimits.ClaimIdleTimeout;
        var holder = await (from claim in db.Set<ModerationClaim>()
                            where claim.ItemKey == itemKey && claim.ModeratorId != actorId && claim.ActiveAt > lapsed
                            join user in db.Users on claim.ModeratorId equals user.Id
                            select new { user.Id, user.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        return holder is null ? null : (holder.Id, holder.DisplayName);
    }

    /// <summary>The principal's user if the database says they hold the role now; null otherwise.</summary>
    public async Task<ModerationActor?> ActorAsync(ClaimsPrincipal principal, string role, CancellationToken cancellationToken)
    {
        if (UserAccess.UserIdOf(principal) is not { } userId || !await access.HasRoleAsync(userId, role, cancellationToken))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Users.Where(user => user.Id == userId).Select(user => user.DisplayName).SingleAsync(cancellationToken);
        return new ModerationActor(userId, name);
    }
}
