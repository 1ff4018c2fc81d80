using System.Globalization;
using System.Security.Claims;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Moderation;

public enum ModerationStatus
{
    Done,
    /// <summary>Nothing to do: the item is already in the state asked for.</summary>
    AlreadyDone,
    Invalid,
    NotFound,
    SignInRequired,
    /// <summary>Only moderators (or, for screening, experts) may do this; checked in the database on every action.</summary>
    Forbidden,
    /// <summary>Another moderator is reviewing the item (<see cref="ModerationResult.ClaimedBy"/>).</summary>
    ClaimedByOther,
    /// <summary>The action does not apply to the item as it is (<see cref="ModerationResult.MessageKey"/> says why).</summary>
    Refused,
}

/// <summary>
/// The outcome of a moderation or screening action. For bulk actions <see cref="Affected"/> counts the items changed and
/// <see cref="Skipped"/> those left alone because another moderator is reviewing them.
/// </summary>
public sealed record ModerationResult(
    ModerationStatus Status, string? MessageKey = null, IReadOnlyList<FieldError>? Errors = null, string? ClaimedBy = null, int Affected = 0, int Skipped = 0);

/// <summary>
/// Everything moderators do from the console. Each action checks the role in the database when it arrives (a revoked moderator is
/// refused at once, whatever the page shows), respects another moderator's claim, runs in one transaction with its audit entry and
/// the author's notification, and is announced afterwards: the idea's new standing on its own topic for every viewer, the item's
/// key on the moderators' topic.
/// </summary>
public sealed class ModerationService(
    IDbContextFactory<AppDbContext> dbFactory, IdeaActionRunner runner, DiscussionService discussions, ILiveEvents liveEvents, TimeProvider time)
{
    public const string ReasonField = "Reason";
    public const string NameField = "Name";

    public async Task<ModerationResult> ClaimAsync(ClaimsPrincipal principal, string itemKey, CancellationToken cancellationToken = default)
    {
        if (await ModeratorAsync(principal, cancellationToken) is not { } actor)
        {
            return IdeaActionRunner.Refusal(principal);
        }
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lapsed = now - ModerationLimits.ClaimIdleTimeout;
        // Take the item if it is free, already ours, or its claim has lapsed; one statement, so two moderators cannot both win.
        var taken = await db.Set<ModerationClaim>()
            .Where(claim => claim.ItemKey == itemKey && (claim.ModeratorId == actor.Id || claim.ActiveAt <= lapsed))
            .ExecuteUpdateAsync(set => set.SetProperty(claim => claim.ModeratorId, actor.Id).SetProperty(claim => claim.ClaimedAt, now)
                .SetProperty(claim => claim.ActiveAt, now), cancellationToken) > 0;
        if (!taken)
        {
            db.Add(new ModerationClaim { ItemKey = itemKey, ModeratorId = actor.Id, ClaimedAt = now, ActiveAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return new ModerationResult(ModerationStatus.ClaimedByOther, ClaimedBy: (await IdeaActionRunner.ClaimHolderAsync(db, itemKey, actor.Id, now, cancellationToken))?.Name);
            }
        }
        liveEvents.Publish(LiveTopics.Moderation, new ModerationClaimChanged(itemKey, actor.Id, actor.Name, now + ModerationLimits.ClaimIdleTimeout));
        return new ModerationResult(ModerationStatus.Done);
    }

    public async Task<ModerationResult> ReleaseAsync(ClaimsPrincipal principal, string itemKey, CancellationToken cancellationToken = default)
    {
        if (await ModeratorAsync(principal, cancellationToken) is not { } actor)
        {
            return IdeaActionRunner.Refusal(principal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var released = await db.Set<ModerationClaim>().Where(claim => claim.ItemKey == itemKey && claim.ModeratorId == actor.Id).ExecuteDeleteAsync(cancellationToken);
        if (released == 0)
        {
            return new ModerationResult(ModerationStatus.AlreadyDone);
        }
        liveEvents.Publish(LiveTopics.Moderation, new ModerationClaimChanged(itemKey, null, null, null));
        return new ModerationResult(ModerationStatus.Done);
    }

    public Task<ModerationResult> AddTagAsync(ClaimsPrincipal principal, IReadOnlyCollection<int> ideaIds, int tagId, CancellationToken cancellationToken = default) =>
        ChangeTagAsync(principal, ideaIds, tagId, add: true, cancellationToken);

    public Task<ModerationResult> RemoveTagAsync(ClaimsPrincipal principal, int ideaId, int tagId, CancellationToken cancellationToken = default) =>
        ChangeTagAsync(principal, [ideaId], tagId, add: false, cancellationToken);

    private Task<ModerationResult> ChangeTagAsync(ClaimsPrincipal principal, IReadOnlyCollection<int> ideaIds, int tagId, bool add, CancellationToken cancellationToken) =>
        OnIdeasAsync(principal, ideaIds, add ? AuditActions.IdeaTagAdded : AuditActions.IdeaTagRemoved, null, async (db, before, _, after) =>
        {
            var slug = await db.Set<Tag>().Where(tag => tag.Id == tagId).Select(tag => tag.Slug).SingleOrDefaultAsync(cancellationToken);
            if (slug is null)
            {
                return ModerationStatus.NotFound;
            }
            var changed = add ? await IdeaCuration.AddTagAsync(db, before.Id, tagId, cancellationToken) : await IdeaCuration.RemoveTagAsync(db, before.Id, tagId, cancellationToken);
            if (!changed)
            {
                return ModerationStatus.AlreadyDone;
            }
            var tags = (await IdeaQueries.TagsOfAsync(db, [before.Id], cancellationToken)).GetValueOrDefault(before.Id) ?? [];
            after.Announcements.Add((LiveTopics.Idea(before.Id), new IdeaTagsChanged(before.Id, tags)));
            return ModerationStatus.Done;
        }, cancellationToken);

    /// <summary>A new tag in the vocabulary, named as the moderator typed it (in both languages until someone refines it).</summary>
    public async Task<(ModerationResult Result, TagView? Tag)> CreateTagAsync(ClaimsPrincipal principal, string? name, CancellationToken cancellationToken = default)
    {
        if (await ModeratorAsync(principal, cancellationToken) is not { } actor)
        {
            return (IdeaActionRunner.Refusal(principal), null);
        }
        var tidy = (name ?? "").Trim();
        if (tidy.Length is < 2 or > IdeaLimits.VocabularyNameMaxLength)
        {
            return (new ModerationResult(ModerationStatus.Invalid, Errors: [new FieldError(NameField, "Validation.TagName", 2, IdeaLimits.VocabularyNameMaxLength)]), null);
        }
        var slug = Slug(tidy);
        if (slug.Length == 0)
        {
            return (new ModerationResult(ModerationStatus.Invalid, Errors: [new FieldError(NameField, "Validation.TagName", 2, IdeaLimits.VocabularyNameMaxLength)]), null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Tag>().AsNoTracking().SingleOrDefaultAsync(tag => tag.Slug == slug, cancellationToken) is { } existing)
        {
            return (new ModerationResult(ModerationStatus.AlreadyDone), new TagView(existing.Id, existing.Slug, existing.Name, existing.Color));
        }
        var count = await db.Set<Tag>().CountAsync(cancellationToken);
        var created = new Tag { Slug = slug, Name = LocalizedText.Of(tidy, tidy), Color = ModerationLimits.TagColors[count % ModerationLimits.TagColors.Count] };
        db.Add(created);
        AuditTrail.Record(db, Now, (actor.Id, actor.Name), AuditActions.TagCreated, $"tag:{slug}", null, null, new { created.Slug, Name = tidy, created.Color });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another moderator created the same tag a moment earlier; that one serves.
            db.ChangeTracker.Clear();
            var raced = await db.Set<Tag>().AsNoTracking().SingleAsync(tag => tag.Slug == slug, cancellationToken);
            return (new ModerationResult(ModerationStatus.AlreadyDone), new TagView(raced.Id, raced.Slug, raced.Name, raced.Color));
        }
        return (new ModerationResult(ModerationStatus.Done), new TagView(created.Id, created.Slug, created.Name, created.Color));
    }

    /// <summary>Hides ideas with a reason the authors are told.</summary>
    public Task<ModerationResult> HideIdeasAsync(ClaimsPrincipal principal, IReadOnlyCollection<int> ideaIds, string? reason, CancellationToken cancellationToken = default)
    {
        var tidy = Tidy(reason);
        if (ValidateReason(tidy, required: true) is { } invalid)
        {
            return Task.FromResult(invalid);
        }
        return OnIdeasAsync(principal, ideaIds, AuditActions.IdeaHidden, tidy, async (db, before, actor, after) =>
        {
            if (!await IdeaCuration.HideAsync(db, before.Id, tidy!, Now, cancellationToken))
            {
                return ModerationStatus.AlreadyDone;
            }
            runner.Tell(db, after, before, NotificationKind.YourIdeaHidden, tidy!);
            return ModerationStatus.Done;
        }, cancellationToken);
    }

    /// <summary>Shows a hidden idea again, or dismisses the reports on a visible one.</summary>
    public Task<ModerationResult> RestoreIdeaAsync(ClaimsPrincipal principal, int ideaId, string? reason, CancellationToken cancellationToken = default)
    {
        var tidy = Tidy(reason);
        if (ValidateReason(tidy, required: false) is { } invalid)
        {
            return Task.FromResult(invalid);
        }
        return OnIdeasAsync(principal, [ideaId], AuditActions.IdeaRestored, tidy, async (db, before, _, after) =>
        {
            if (!await IdeaCuration.RestoreAsync(db, before.Id, Now, cancellationToken))
            {
                return ModerationStatus.AlreadyDone;
            }
            if (before.Hidden)
            {
                runner.Tell(db, after, before, NotificationKind.YourIdeaRestored, tidy ?? "");
            }
            else
            {
                after.AuditAction = AuditActions.IdeaReportsDismissed;
            }
            return ModerationStatus.Done;
        }, cancellationToken);
    }

    public Task<ModerationResult> RejectIdeaAsync(ClaimsPrincipal principal, int ideaId, int? reasonId, string? text, CancellationToken cancellationToken = default)
    {
        var tidy = Tidy(text);
        if (ValidateReason(tidy, required: false) is { } invalid)
        {
            return Task.FromResult(invalid);
        }
        return OnIdeasAsync(principal, [ideaId], AuditActions.IdeaRejected, tidy, async (db, before, _, after) =>
        {
            var reason = await db.Set<RejectionReason>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == reasonId && !candidate.Archived, cancellationToken);
            if (reason is null)
            {
                return ModerationStatus.Invalid;
            }
            if (before.State == IdeaState.Rejected)
            {
                return ModerationStatus.AlreadyDone;
            }
            if (!await IdeaCuration.RejectAsync(db, before.Id, reason.Id, tidy ?? "", Now, cancellationToken))
            {
                return ModerationStatus.Refused;
            }
            // The author may read in the other language: the list's reason goes in both.
            var explained = tidy ?? $"{reason.Name.En} / {reason.Name.Ru}";
            runner.Tell(db, after, before, NotificationKind.YourIdeaRejected, explained);
            return ModerationStatus.Done;
        }, cancellationToken, refusalKey: "Moderation.Refused.NotRejectable", invalidKey: "Validation.RejectionReason");
    }

    public async Task<ModerationResult> MergeIdeaAsync(ClaimsPrincipal principal, int sourceId, int targetId, string? reason, CancellationToken cancellationToken = default)
    {
        var tidy = Tidy(reason);
        if (ValidateReason(tidy, required: false) is { } invalid)
        {
            return invalid;
        }
        string? refusalKey = null;
        var result = await OnIdeasAsync(principal, [sourceId], AuditActions.IdeaMerged, tidy, async (db, before, actor, after) =>
        {
            if (!await db.Set<Idea>().AnyAsync(idea => idea.Id == targetId, cancellationToken))
            {
                return ModerationStatus.NotFound;
            }
            var refusal = await IdeaCuration.CanMergeAsync(db, sourceId, targetId, cancellationToken);
            if (refusal != MergeRefusal.None)
            {
                refusalKey = $"Moderation.Refused.Merge.{refusal}";
                return ModerationStatus.Refused;
            }
            var targetBefore = await IdeaCuration.SnapshotAsync(db, targetId, cancellationToken);
            var (supportCount, sequence) = await IdeaCuration.MergeAsync(db, sourceId, targetId, Now, cancellationToken);
            // The target changes too (supporters, followers): its own entry, so filtering the trail by it shows the merge.
            AuditTrail.Record(db, Now, (actor.Id, actor.Name), AuditActions.IdeaMerged, ModerationItems.Idea(targetId), tidy, targetBefore,
                await IdeaCuration.SnapshotAsync(db, targetId, cancellationToken));
            after.Announcements.Add((LiveTopics.Idea(targetId), new IdeaSupportChanged(targetId, supportCount, sequence)));
            after.Announcements.Add((LiveTopics.Idea(targetId), new IdeaChanged(targetId)));
            runner.Tell(db, after, before, NotificationKind.YourIdeaMerged, tidy ?? "", $"/ideas/{targetId}");
            return ModerationStatus.Done;
        }, cancellationToken);
        return result with { MessageKey = refusalKey ?? result.MessageKey };
    }

    public Task<ModerationResult> MarkTriagedAsync(ClaimsPrincipal principal, IReadOnlyCollection<int> ideaIds, CancellationToken cancellationToken = default) =>
        OnIdeasAsync(principal, ideaIds, AuditActions.IdeaTriaged, null, async (db, before, _, _) =>
            await IdeaCuration.MarkTriagedAsync(db, before.Id, Now, cancellationToken) ? ModerationStatus.Done : ModerationStatus.AlreadyDone, cancellationToken);

    /// <summary>Confirms the reports on a comment (it stays hidden) or dismisses them (it shows again), from the console.</summary>
    public async Task<ModerationResult> ReviewCommentAsync(ClaimsPrincipal principal, int commentId, bool hide, string? reason, CancellationToken cancellationToken = default)
    {
        if (await ModeratorAsync(principal, cancellationToken) is not { } actor)
        {
            return IdeaActionRunner.Refusal(principal);
        }
        var itemKey = ModerationItems.Comment(commentId);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await IdeaActionRunner.ClaimHolderAsync(db, itemKey, actor.Id, Now, cancellationToken) is { } holder)
            {
                return new ModerationResult(ModerationStatus.ClaimedByOther, ClaimedBy: holder.Name);
            }
        }
        var result = await discussions.ModerateAsync(principal, commentId, hide, Tidy(reason), cancellationToken);
        var status = result.Status switch
        {
            CommentStatus.Done => ModerationStatus.Done,
            CommentStatus.AlreadyDone => ModerationStatus.AlreadyDone,
            CommentStatus.NotFound => ModerationStatus.NotFound,
            CommentStatus.Forbidden => ModerationStatus.Forbidden,
            _ => ModerationStatus.SignInRequired,
        };
        return new ModerationResult(status, Affected: status == ModerationStatus.Done ? 1 : 0);
    }

    public async Task<ModerationResult> CreateRejectionReasonAsync(ClaimsPrincipal principal, string? english, string? russian, CancellationToken cancellationToken = default)
    {
        if (await ModeratorAsync(principal, cancellationToken) is not { } actor)
        {
            return IdeaActionRunner.Refusal(principal);
        }
        var (en, ru) = ((english ?? "").Trim(), (russian ?? "").Trim());
        if (en.Length is < 2 or > IdeaLimits.VocabularyNameMaxLength || ru.Length is < 2 or > IdeaLimits.VocabularyNameMaxLength)
        {
            return new ModerationResult(ModerationStatus.Invalid, Errors: [new FieldError(NameField, "Validation.RejectionReasonName", 2, IdeaLimits.VocabularyNameMaxLength)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reason = new RejectionReason { Name = LocalizedText.Of(en, ru) };
        db.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, Now, (actor.Id, actor.Name), AuditActions.RejectionReasonCreated, $"rejection-reason:{reason.Id}", null, null, new { en, ru });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ModerationResult(ModerationStatus.Done, Affected: 1);
    }

    public async Task<ModerationResult> ArchiveRejectionReasonAsync(ClaimsPrincipal principal, int reasonId, CancellationToken cancellationToken = default)
    {
        if (await ModeratorAsync(principal, cancellationToken) is not { } actor)
        {
            return IdeaActionRunner.Refusal(principal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var archived = await db.Set<RejectionReason>().Where(reason => reason.Id == reasonId && !reason.Archived)
            .ExecuteUpdateAsync(set => set.SetProperty(reason => reason.Archived, true), cancellationToken);
        if (archived == 0)
        {
            return new ModerationResult(await db.Set<RejectionReason>().AnyAsync(reason => reason.Id == reasonId, cancellationToken) ? ModerationStatus.AlreadyDone : ModerationStatus.NotFound);
        }
        AuditTrail.Record(db, Now, (actor.Id, actor.Name), AuditActions.RejectionReasonArchived, $"rejection-reason:{reasonId}", null, new { archived = false }, new { archived = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ModerationResult(ModerationStatus.Done, Affected: 1);
    }

    private Task<ModerationActor?> ModeratorAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        runner.ActorAsync(principal, Roles.Moderator, cancellationToken);

    private Task<ModerationResult> OnIdeasAsync(
        ClaimsPrincipal principal, IReadOnlyCollection<int> ideaIds, string action, string? reason,
        Func<AppDbContext, IdeaSnapshot, ModerationActor, IdeaActionRunner.AfterCommit, Task<ModerationStatus>> change, CancellationToken cancellationToken,
        string? refusalKey = null, string? invalidKey = null) =>
        runner.RunAsync(principal, Roles.Moderator, respectClaims: true, ideaIds, action, reason, change, cancellationToken, refusalKey, invalidKey);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ModerationResult? ValidateReason(string? reason, bool required) =>
        required && reason is null ? new ModerationResult(ModerationStatus.Invalid, Errors: [new FieldError(ReasonField, "Validation.ModerationReasonRequired")])
        : reason?.Length > ModerationLimits.ReasonMaxLength ? new ModerationResult(ModerationStatus.Invalid, Errors: [new FieldError(ReasonField, "Validation.ModerationReasonTooLong", ModerationLimits.ReasonMaxLength)])
        : null;

    /// <summary>A URL-safe key for a tag name in any script (Cyrillic letters kept; "Мобильное приложение" → "мобильное-приложение").</summary>
    private static string Slug(string name)
    {
        var letters = name.ToLower(CultureInfo.InvariantCulture).Select(character => char.IsLetterOrDigit(character) ? character : '-').ToArray();
        var slug = string.Join('-', new string(letters).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length <= 60 ? slug : slug[..60];
    }
}
