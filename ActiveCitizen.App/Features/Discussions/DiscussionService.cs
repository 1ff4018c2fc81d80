using System.Security.Claims;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Discussions;

public sealed record CommentDraft(string TargetType, int TargetId, int? ParentId, string? Body, CommentStance Stance, Guid SubmissionKey);

public enum CommentStatus
{
    Done,
    /// <summary>Nothing to do: posted with this key before, already deleted, the same vote, already reported.</summary>
    AlreadyDone,
    Invalid,
    /// <summary>The discussion takes no comments now; <see cref="CommentResult.Closure"/> says why.</summary>
    Closed,
    /// <summary>Too many comments lately; <see cref="CommentResult.RetryAt"/> says when the next one is accepted.</summary>
    RateLimited,
    /// <summary>The comment answered, voted on or edited was deleted or hidden.</summary>
    Unavailable,
    /// <summary>Only the author may do this.</summary>
    NotAuthor,
    /// <summary>One's own comment cannot be voted on or reported.</summary>
    OwnComment,
    /// <summary>The edit window has passed.</summary>
    TooLate,
    NotFound,
    SignInRequired,
    /// <summary>Only moderators may do this.</summary>
    Forbidden,
}

/// <summary>The outcome of an action on a comment, with the comment as it now is when there is one.</summary>
public sealed record CommentResult(
    CommentStatus Status, CommentView? Comment = null, IReadOnlyList<FieldError>? Errors = null, DiscussionClosure? Closure = null, DateTime? RetryAt = null);

/// <summary>The outcome of a vote, with the counts after it and the resident's vote (+1, −1 or 0).</summary>
public sealed record VoteResult(CommentStatus Status, int Upvotes = 0, int Downvotes = 0, long Sequence = 0, int Vote = 0);

/// <summary>
/// Everything residents and moderators do in discussions. Every rule is checked here when the request arrives, against the server's
/// clock and the database: the phase the target is in, authorship, the edit window, one vote and one report per resident, the rate
/// limit. Writes that two requests can race on run in one transaction, which SQLite serialises; keys catch what slips past elsewhere.
/// Every change is published whole on the discussion's topic, so viewers update without asking the database.
/// </summary>
public sealed class DiscussionService(
    IDbContextFactory<AppDbContext> dbFactory, IEnumerable<IDiscussionTarget> targets, CommentMarkup markup, NotificationsService notifications,
    UserAccess access, ILiveEvents liveEvents, TimeProvider time)
{
    private readonly IReadOnlyDictionary<string, IDiscussionTarget> targetsByType = targets.ToDictionary(target => target.Type, StringComparer.Ordinal);

    public const string BodyField = "Body";
    public const string ReportTextField = "Text";

    public async Task<DiscussionTargetInfo?> DescribeAsync(string targetType, int targetId, CancellationToken cancellationToken = default) =>
        targetsByType.TryGetValue(targetType, out var target) ? await target.DescribeAsync(targetId, cancellationToken) : null;

    public async Task<CommentResult> PostAsync(ClaimsPrincipal principal, CommentDraft draft, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new CommentResult(CommentStatus.SignInRequired);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A retry of a post that was stored answers with its comment, whatever has changed since.
        if (await ExistingPostAsync(db, userId, draft.SubmissionKey, cancellationToken) is { } alreadyPosted)
        {
            return new CommentResult(CommentStatus.AlreadyDone, await ViewAsync(db, alreadyPosted, cancellationToken));
        }
        var body = Tidy(draft.Body);
        var errors = Validate(body, draft.Stance);
        if (errors.Count > 0)
        {
            return new CommentResult(CommentStatus.Invalid, Errors: errors);
        }
        if (!targetsByType.TryGetValue(draft.TargetType, out var target) || await target.DescribeAsync(draft.TargetId, cancellationToken) is not { } info)
        {
            return new CommentResult(CommentStatus.NotFound);
        }
        if (info.Closure is not null)
        {
            return new CommentResult(CommentStatus.Closed, Closure: info.Closure);
        }
        Comment? parent = null;
        if (draft.ParentId is { } parentId)
        {
            parent = await db.Set<Comment>().AsNoTracking().SingleOrDefaultAsync(
                comment => comment.Id == parentId && comment.TargetType == draft.TargetType && comment.TargetId == draft.TargetId, cancellationToken);
            if (parent is null)
            {
                return new CommentResult(CommentStatus.NotFound);
            }
            if (parent.DeletedAt is not null || parent.HiddenAt is not null)
            {
                return new CommentResult(CommentStatus.Unavailable);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var comment = new Comment
        {
            TargetType = draft.TargetType,
            TargetId = draft.TargetId,
            AuthorId = userId,
            Body = body,
            BodyHtml = markup.ToHtml(body),
            Stance = draft.Stance,
            CreatedAt = now,
            SubmissionKey = draft.SubmissionKey,
        };
        CommentThreads.Place(comment, parent);
        List<Notification> staged;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await ExistingPostAsync(db, userId, draft.SubmissionKey, cancellationToken) is { } existing)
            {
                return new CommentResult(CommentStatus.AlreadyDone, await ViewAsync(db, existing, cancellationToken));
            }
            if (await RetryAtAsync(db, userId, now, cancellationToken) is { } retryAt)
            {
                return new CommentResult(CommentStatus.RateLimited, RetryAt: retryAt);
            }
            db.Add(comment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The key (author, form key) refused a second post that raced past the check: the comment exists once.
                await transaction.RollbackAsync(cancellationToken);
                var made = await ExistingPostAsync(db, userId, draft.SubmissionKey, cancellationToken)
                    ?? throw new InvalidOperationException("The comment could not be stored.");
                return new CommentResult(CommentStatus.AlreadyDone, await ViewAsync(db, made, cancellationToken));
            }
            if (parent is null)
            {
                comment.ThreadId = comment.Id;
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await db.Set<Comment>().Where(root => root.Id == comment.ThreadId)
                    .ExecuteUpdateAsync(set => set.SetProperty(root => root.ReplyCount, root => root.ReplyCount + 1), cancellationToken);
            }
            await target.CommentCountChangedAsync(db, draft.TargetId, +1, cancellationToken);
            staged = await StageNotificationsAsync(db, target, info, comment, parent, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var view = await ViewAsync(db, comment, cancellationToken);
        liveEvents.Publish(DiscussionTargets.Topic(comment.TargetType, comment.TargetId), new CommentPosted(view));
        notifications.Announce(staged);
        return new CommentResult(CommentStatus.Done, view);
    }

    /// <summary>
    /// When the resident may post again, if they have reached a limit (the later of the two when both are reached); counted inside
    /// the posting transaction.
    /// </summary>
    private static async Task<DateTime?> RetryAtAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken)
    {
        DateTime? retryAt = null;
        foreach (var (window, limit) in new[] { (TimeSpan.FromMinutes(1), CommentLimits.PerMinute), (TimeSpan.FromHours(1), CommentLimits.PerHour) })
        {
            var since = now - window;
            var recent = db.Set<Comment>().Where(comment => comment.AuthorId == userId && comment.CreatedAt > since);
            if (await recent.CountAsync(cancellationToken) >= limit)
            {
                // The window frees a place when the oldest comment that counts against the limit leaves it.
                var oldestCounted = await recent.OrderByDescending(comment => comment.CreatedAt).Skip(limit - 1)
                    .Select(comment => comment.CreatedAt).FirstAsync(cancellationToken);
                retryAt = retryAt is { } earlier && earlier > oldestCounted + window ? earlier : oldestCounted + window;
            }
        }
        return retryAt;
    }

    /// <summary>
    /// Who hears about a new comment: the author of the comment it answers, the target's owner, its followers; each once, under the
    /// most personal reason, and never the one who wrote it.
    /// </summary>
    private async Task<List<Notification>> StageNotificationsAsync(
        AppDbContext db, IDiscussionTarget target, DiscussionTargetInfo info, Comment comment, Comment? parent, CancellationToken cancellationToken)
    {
        var recipients = new Dictionary<string, NotificationKind>(StringComparer.Ordinal);
        foreach (var follower in await target.FollowersAsync(db, comment.TargetId, cancellationToken))
        {
            recipients[follower] = NotificationKind.CommentOnFollowedIdea;
        }
        if (info.OwnerId is { } ownerId)
        {
            recipients[ownerId] = NotificationKind.CommentOnYourIdea;
        }
        if (parent is not null)
        {
            recipients[parent.AuthorId] = NotificationKind.ReplyToYourComment;
        }
        recipients.Remove(comment.AuthorId);
        if (recipients.Count == 0)
        {
            return [];
        }
        var actorName = await db.Set<ApplicationUser>().Where(user => user.Id == comment.AuthorId).Select(user => user.DisplayName).SingleAsync(cancellationToken);
        return notifications.Stage(db, recipients.Select(entry => (entry.Key, entry.Value)), actorName, info.Title,
            CommentMarkup.PlainText(comment.Body, NotificationsService.TextMaxLength), $"{info.Url}#comment-{comment.Id}", DiscussionTargets.CommentSource(comment.Id));
    }

    /// <summary>The author corrects the text or stance within <see cref="CommentLimits.EditWindow"/> of posting; it shows as edited.</summary>
    public async Task<CommentResult> EditAsync(
        ClaimsPrincipal principal, int commentId, string? body, CommentStance stance, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (comment, refusal) = await AuthorsCommentAsync(db, principal, commentId, cancellationToken);
        if (comment is null)
        {
            return refusal!;
        }
        if (comment.DeletedAt is not null || comment.HiddenAt is not null)
        {
            return new CommentResult(CommentStatus.Unavailable);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (now >= comment.CreatedAt + CommentLimits.EditWindow)
        {
            return new CommentResult(CommentStatus.TooLate);
        }
        var tidy = Tidy(body);
        var errors = Validate(tidy, stance);
        if (errors.Count > 0)
        {
            return new CommentResult(CommentStatus.Invalid, Errors: errors);
        }
        if (await DescribeAsync(comment.TargetType, comment.TargetId, cancellationToken) is { Closure: { } closure })
        {
            return new CommentResult(CommentStatus.Closed, Closure: closure);
        }
        if (tidy == comment.Body && stance == comment.Stance)
        {
            return new CommentResult(CommentStatus.AlreadyDone, await ViewAsync(db, comment, cancellationToken));
        }
        var html = markup.ToHtml(tidy);
        var windowStart = now - CommentLimits.EditWindow;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Conditional on what was checked above, so an edit racing a deletion or a hide cannot bring the text back.
            var edited = await db.Set<Comment>()
                .Where(row => row.Id == commentId && row.DeletedAt == null && row.HiddenAt == null && row.CreatedAt > windowStart)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(row => row.Body, tidy)
                    .SetProperty(row => row.BodyHtml, html)
                    .SetProperty(row => row.Stance, stance)
                    .SetProperty(row => row.EditedAt, now)
                    .SetProperty(row => row.Version, row => row.Version + 1), cancellationToken);
            if (edited == 0)
            {
                return new CommentResult(CommentStatus.Unavailable);
            }
            await NotificationsService.QuoteAgainAsync(db, DiscussionTargets.CommentSource(commentId), CommentMarkup.PlainText(tidy, NotificationsService.TextMaxLength), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await PublishChangeAsync(db, commentId, CommentChangeKind.Edited, cancellationToken);
    }

    /// <summary>
    /// The author deletes the comment. Its text goes; a placeholder stays so that the replies still make sense. Allowed at any time:
    /// residents may always take back what they wrote.
    /// </summary>
    public async Task<CommentResult> DeleteAsync(ClaimsPrincipal principal, int commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (comment, refusal) = await AuthorsCommentAsync(db, principal, commentId, cancellationToken);
        if (comment is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Conditional on not being deleted yet, so two clicks take one comment off the count once.
            var deleted = await db.Set<Comment>().Where(row => row.Id == commentId && row.DeletedAt == null).ExecuteUpdateAsync(set => set
                .SetProperty(row => row.DeletedAt, now)
                .SetProperty(row => row.Body, "")
                .SetProperty(row => row.BodyHtml, "")
                .SetProperty(row => row.Version, row => row.Version + 1), cancellationToken);
            if (deleted == 0)
            {
                return new CommentResult(CommentStatus.AlreadyDone);
            }
            if (targetsByType.TryGetValue(comment.TargetType, out var target))
            {
                await target.CommentCountChangedAsync(db, comment.TargetId, -1, cancellationToken);
            }
            await NotificationsService.QuoteAgainAsync(db, DiscussionTargets.CommentSource(commentId), "", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await PublishChangeAsync(db, commentId, CommentChangeKind.Deleted, cancellationToken);
    }

    private static async Task<(Comment? Comment, CommentResult? Refusal)> AuthorsCommentAsync(
        AppDbContext db, ClaimsPrincipal principal, int commentId, CancellationToken cancellationToken)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return (null, new CommentResult(CommentStatus.SignInRequired));
        }
        var comment = await db.Set<Comment>().SingleOrDefaultAsync(row => row.Id == commentId, cancellationToken);
        return comment is null ? (null, new CommentResult(CommentStatus.NotFound))
            : comment.AuthorId != userId ? (null, new CommentResult(CommentStatus.NotAuthor))
            : (comment, null);
    }

    /// <summary>An up (+1) or down (−1) vote, or 0 to take one's vote back; one per resident per comment, changeable while discussion is open.</summary>
    public async Task<VoteResult> VoteAsync(ClaimsPrincipal principal, int commentId, int value, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new VoteResult(CommentStatus.SignInRequired);
        }
        if (value is < -1 or > 1)
        {
            return new VoteResult(CommentStatus.Invalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var comment = await db.Set<Comment>().AsNoTracking().Where(row => row.Id == commentId)
            .Select(row => new { row.TargetType, row.TargetId, row.AuthorId, Gone = row.DeletedAt != null || row.HiddenAt != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return new VoteResult(CommentStatus.NotFound);
        }
        if (comment.AuthorId == userId)
        {
            return new VoteResult(CommentStatus.OwnComment);
        }
        if (comment.Gone)
        {
            return new VoteResult(CommentStatus.Unavailable);
        }
        if (await DescribeAsync(comment.TargetType, comment.TargetId, cancellationToken) is not { Open: true })
        {
            return new VoteResult(CommentStatus.Closed);
        }

        VoteResult outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var votes = db.Set<CommentVote>().Where(vote => vote.CommentId == commentId && vote.UserId == userId);
            var previous = await votes.Select(vote => (int?)vote.Value).SingleOrDefaultAsync(cancellationToken) ?? 0;
            if (previous == value)
            {
                return await CountsAsync(db, commentId, CommentStatus.AlreadyDone, value, cancellationToken);
            }
            if (previous == 0)
            {
                db.Add(new CommentVote { CommentId = commentId, UserId = userId, Value = value });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The key (comment, resident) refused a second vote that raced past the check: the first one stands.
                    await transaction.RollbackAsync(cancellationToken);
                    var standing = await votes.Select(vote => vote.Value).SingleAsync(cancellationToken);
                    return await CountsAsync(db, commentId, CommentStatus.AlreadyDone, standing, cancellationToken);
                }
            }
            else if (value == 0)
            {
                await votes.ExecuteDeleteAsync(cancellationToken);
            }
            else
            {
                await votes.ExecuteUpdateAsync(set => set.SetProperty(vote => vote.Value, value), cancellationToken);
            }
            var up = (value == 1 ? 1 : 0) - (previous == 1 ? 1 : 0);
            var down = (value == -1 ? 1 : 0) - (previous == -1 ? 1 : 0);
            await db.Set<Comment>().Where(row => row.Id == commentId).ExecuteUpdateAsync(set => set
                .SetProperty(row => row.Upvotes, row => row.Upvotes + up)
                .SetProperty(row => row.Downvotes, row => row.Downvotes + down)
                .SetProperty(row => row.Score, row => row.Score + up - down)
                .SetProperty(row => row.VoteSequence, row => row.VoteSequence + 1), cancellationToken);
            outcome = await CountsAsync(db, commentId, CommentStatus.Done, value, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        liveEvents.Publish(DiscussionTargets.Topic(comment.TargetType, comment.TargetId),
            new CommentVoted(commentId, outcome.Upvotes, outcome.Downvotes, outcome.Sequence));
        return outcome;
    }

    private static async Task<VoteResult> CountsAsync(AppDbContext db, int commentId, CommentStatus status, int vote, CancellationToken cancellationToken)
    {
        var counts = await db.Set<Comment>().AsNoTracking().Where(row => row.Id == commentId)
            .Select(row => new { row.Upvotes, row.Downvotes, row.VoteSequence }).SingleAsync(cancellationToken);
        return new VoteResult(status, counts.Upvotes, counts.Downvotes, counts.VoteSequence, vote);
    }

    /// <summary>
    /// A resident reports a comment, once. When <see cref="CommentLimits.ReportsToHide"/> residents have reported it since the last
    /// review it is hidden pending a moderator's review. Open at any time: a closed discussion can still hold something harmful.
    /// </summary>
    public async Task<CommentResult> ReportAsync(
        ClaimsPrincipal principal, int commentId, ReportReason reason, string? text, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new CommentResult(CommentStatus.SignInRequired);
        }
        var tidyText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var errors = ValidateReport(reason, tidyText);
        if (errors.Count > 0)
        {
            return new CommentResult(CommentStatus.Invalid, Errors: errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var comment = await db.Set<Comment>().AsNoTracking().SingleOrDefaultAsync(row => row.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return new CommentResult(CommentStatus.NotFound);
        }
        if (comment.AuthorId == userId)
        {
            return new CommentResult(CommentStatus.OwnComment);
        }
        if (comment.DeletedAt is not null)
        {
            return new CommentResult(CommentStatus.Unavailable);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var hidden = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(new CommentReport { CommentId = commentId, UserId = userId, Reason = reason, Text = tidyText, ReportedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The key (comment, resident): this resident reported it already.
                return new CommentResult(CommentStatus.AlreadyDone);
            }
            await db.Set<Comment>().Where(row => row.Id == commentId)
                .ExecuteUpdateAsync(set => set.SetProperty(row => row.OpenReports, row => row.OpenReports + 1), cancellationToken);
            hidden = await db.Set<Comment>().Where(row => row.Id == commentId && row.HiddenAt == null && row.OpenReports >= CommentLimits.ReportsToHide)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(row => row.HiddenAt, now)
                    .SetProperty(row => row.HiddenReason, CommentHiddenReason.Reports)
                    .SetProperty(row => row.Version, row => row.Version + 1), cancellationToken) > 0;
            if (hidden)
            {
                await NotificationsService.QuoteAgainAsync(db, DiscussionTargets.CommentSource(commentId), "", cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        liveEvents.Publish(LiveTopics.Moderation, new ModerationQueueChanged(ModerationItems.Comment(commentId)));
        return hidden ? await PublishChangeAsync(db, commentId, CommentChangeKind.Hidden, cancellationToken)
            : new CommentResult(CommentStatus.Done, await ViewAsync(db, await db.Set<Comment>().AsNoTracking().SingleAsync(row => row.Id == commentId, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// A moderator's review from the thread: hide the comment for good (confirming the reports, or on their own judgement) or restore
    /// it. Either way the reports so far are settled; only new ones count toward hiding it again.
    /// </summary>
    public async Task<CommentResult> ModerateAsync(
        ClaimsPrincipal principal, int commentId, bool hide, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (UserAccess.UserIdOf(principal) is not { } moderatorId)
        {
            return new CommentResult(CommentStatus.SignInRequired);
        }
        if (!await access.HasRoleAsync(principal, Roles.Moderator, cancellationToken))
        {
            return new CommentResult(CommentStatus.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Read inside the transaction: of two moderators acting at once, the second finds the work done and records nothing.
            var comment = await db.Set<Comment>().AsNoTracking().SingleOrDefaultAsync(row => row.Id == commentId, cancellationToken);
            if (comment is null)
            {
                return new CommentResult(CommentStatus.NotFound);
            }
            var settled = comment.OpenReports == 0 && (hide ? comment.HiddenReason == CommentHiddenReason.Moderator : comment.HiddenAt is null);
            if (settled)
            {
                return new CommentResult(CommentStatus.AlreadyDone, await ViewAsync(db, comment, cancellationToken));
            }
            // Only the moderation columns: a deletion at the same moment keeps its effect.
            await db.Set<Comment>().Where(row => row.Id == commentId).ExecuteUpdateAsync(set =>
            {
                if (hide)
                {
                    set.SetProperty(row => row.HiddenAt, row => row.HiddenAt ?? now).SetProperty(row => row.HiddenReason, CommentHiddenReason.Moderator);
                }
                else
                {
                    set.SetProperty(row => row.HiddenAt, (DateTime?)null).SetProperty(row => row.HiddenReason, (CommentHiddenReason?)null);
                }
                set.SetProperty(row => row.OpenReports, 0).SetProperty(row => row.ReviewedAt, now).SetProperty(row => row.Version, row => row.Version + 1);
            }, cancellationToken);
            var current = await db.Set<Comment>().AsNoTracking().Where(row => row.Id == commentId).Select(row => row.Body).SingleAsync(cancellationToken);
            await NotificationsService.QuoteAgainAsync(db, DiscussionTargets.CommentSource(commentId),
                hide ? "" : CommentMarkup.PlainText(current, NotificationsService.TextMaxLength), cancellationToken);
            var moderatorName = await db.Users.Where(user => user.Id == moderatorId).Select(user => user.DisplayName).SingleAsync(cancellationToken);
            AuditTrail.Record(db, now, (moderatorId, moderatorName), hide ? AuditActions.CommentHidden : AuditActions.CommentRestored,
                DiscussionTargets.CommentSource(commentId), reason,
                new { hidden = comment.HiddenAt is not null, by = comment.HiddenReason, reports = comment.OpenReports },
                new { hidden = hide, by = hide ? CommentHiddenReason.Moderator : (CommentHiddenReason?)null, reports = 0 });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Consoles follow, whether the decision came from the console or from the thread.
        liveEvents.Publish(LiveTopics.Moderation, new ModerationQueueChanged(ModerationItems.Comment(commentId)));
        return await PublishChangeAsync(db, commentId, hide ? CommentChangeKind.Hidden : CommentChangeKind.Restored, cancellationToken);
    }

    /// <summary>Reads the comment as it is after the change and announces it; a change racing another is announced as stored.</summary>
    private async Task<CommentResult> PublishChangeAsync(AppDbContext db, int commentId, CommentChangeKind kind, CancellationToken cancellationToken)
    {
        var stored = await db.Set<Comment>().AsNoTracking().SingleAsync(row => row.Id == commentId, cancellationToken);
        var view = await ViewAsync(db, stored, cancellationToken);
        liveEvents.Publish(DiscussionTargets.Topic(stored.TargetType, stored.TargetId), new CommentChanged(view, kind));
        return new CommentResult(CommentStatus.Done, view);
    }

    private static async Task<CommentView> ViewAsync(AppDbContext db, Comment comment, CancellationToken cancellationToken) =>
        (await DiscussionQueries.ViewsAsync(db, [comment], cancellationToken)).Single();

    private static async Task<Comment?> ExistingPostAsync(AppDbContext db, string userId, Guid key, CancellationToken cancellationToken) =>
        await db.Set<Comment>().AsNoTracking().SingleOrDefaultAsync(comment => comment.AuthorId == userId && comment.SubmissionKey == key, cancellationToken);

    /// <summary>Trims the text and makes line endings one kind, so length means what the resident sees.</summary>
    public static string Tidy(string? body) => (body ?? "").ReplaceLineEndings("\n").Trim();

    public static IReadOnlyList<FieldError> Validate(string body, CommentStance stance)
    {
        var errors = new List<FieldError>();
        if (body.Length == 0)
        {
            errors.Add(new FieldError(BodyField, "Validation.CommentEmpty"));
        }
        else if (body.Length > CommentLimits.MaxLength)
        {
            errors.Add(new FieldError(BodyField, "Validation.CommentTooLong", CommentLimits.MaxLength, body.Length));
        }
        if (!Enum.IsDefined(stance))
        {
            errors.Add(new FieldError(nameof(Comment.Stance), "Validation.CommentStance"));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> ValidateReport(ReportReason reason, string? text)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(reason))
        {
            errors.Add(new FieldError(nameof(CommentReport.Reason), "Validation.ReportReason"));
        }
        if (reason == ReportReason.Other && text is null)
        {
            errors.Add(new FieldError(ReportTextField, "Validation.ReportTextRequired"));
        }
        if (text?.Length > CommentLimits.ReportTextMaxLength)
        {
            errors.Add(new FieldError(ReportTextField, "Validation.ReportTextTooLong", CommentLimits.ReportTextMaxLength));
        }
        return errors;
    }
}
