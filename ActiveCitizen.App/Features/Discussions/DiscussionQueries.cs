using System.Text.Json;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Discussions;

public enum CommentSort
{
    Oldest,
    Newest,
    Best,
}

/// <summary>
/// One page of top-level comments with the first replies of each, whether more top-level comments follow, and the newest comment
/// id of the whole discussion when the page was read (what a reader has "seen", for catching up after a lost connection).
/// </summary>
public sealed record ThreadPage(IReadOnlyList<CommentView> Comments, bool HasMore, int NewestId);

/// <summary>The reads of discussions: pages of threads, more replies, catching up after a lost connection.</summary>
public sealed class DiscussionQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// Top-level comments <paramref name="skip"/>.. of the target in the chosen order, each with its first replies. Cost depends on
    /// the page, not on the size of the discussion: an idea with 5,000 comments opens like one with 50.
    /// </summary>
    public async Task<ThreadPage> PageAsync(string targetType, int targetId, CommentSort sort, int skip, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roots = db.Set<Comment>().AsNoTracking().Where(comment => comment.TargetType == targetType && comment.TargetId == targetId && comment.ParentId == null);
        var ordered = sort switch
        {
            CommentSort.Newest => roots.OrderByDescending(comment => comment.Id),
            CommentSort.Best => roots.OrderByDescending(comment => comment.Score).ThenBy(comment => comment.Id),
            _ => roots.OrderBy(comment => comment.Id),
        };
        var page = await ordered.Skip(skip).Take(CommentLimits.ThreadsPerPage + 1).Select(comment => comment.Id).ToListAsync(cancellationToken);
        var hasMore = page.Count > CommentLimits.ThreadsPerPage;
        var rootIds = page.Take(CommentLimits.ThreadsPerPage).ToList();

        var newestId = await db.Set<Comment>().Where(comment => comment.TargetType == targetType && comment.TargetId == targetId)
            .MaxAsync(comment => (int?)comment.Id, cancellationToken) ?? 0;
        var rows = await db.Set<Comment>().AsNoTracking().Where(comment => rootIds.Contains(comment.Id)).ToListAsync(cancellationToken);
        // The first replies of every thread on the page in one statement: numbered per thread along the (ThreadId, CreatedAt) index.
        var threads = JsonSerializer.Serialize(rootIds);
        rows.AddRange(await db.Set<Comment>().FromSql($"""
            SELECT * FROM (
                SELECT reply.*, ROW_NUMBER() OVER (PARTITION BY reply.ThreadId ORDER BY reply.CreatedAt, reply.Id) AS Position
                FROM Comments AS reply
                WHERE reply.ThreadId IN (SELECT value FROM json_each({threads})) AND reply.ParentId IS NOT NULL)
            WHERE Position <= {CommentLimits.RepliesShown}
            """).AsNoTracking().ToListAsync(cancellationToken));
        var views = await ViewsAsync(db, rows, cancellationToken);
        var order = rootIds.Select((id, index) => (id, index)).ToDictionary(entry => entry.id, entry => entry.index);
        return new ThreadPage([.. views.OrderBy(view => order[view.ThreadId]).ThenBy(view => view.ParentId is null ? 0 : 1).ThenBy(view => view.CreatedAt).ThenBy(view => view.Id)],
            hasMore, newestId);
    }

    /// <summary>The replies of one thread after the first ones shown.</summary>
    public async Task<IReadOnlyList<CommentView>> MoreRepliesAsync(int threadId, int skip, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Comment>().AsNoTracking()
            .Where(comment => comment.ThreadId == threadId && comment.ParentId != null)
            .OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id)
            .Skip(skip).Take(CommentLimits.MoreRepliesBatch)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(db, rows, cancellationToken);
    }

    /// <summary>
    /// Comments of the target newer than <paramref name="afterId"/>, oldest first, at most <see cref="CatchUpBatch"/>: what a viewer
    /// missed while the connection was down. Callers ask again from the last one while a batch comes back full.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>> SinceAsync(string targetType, int targetId, int afterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Comment>().AsNoTracking()
            .Where(comment => comment.TargetType == targetType && comment.TargetId == targetId && comment.Id > afterId)
            .OrderBy(comment => comment.Id).Take(CatchUpBatch)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(db, rows, cancellationToken);
    }

    public const int CatchUpBatch = 200;

    /// <summary>
    /// The thread holding a comment of the target (a notification's link may point anywhere in a long discussion): the top-level
    /// comment and its replies up to and including the one asked for, at least the first ones a page shows. Empty if the comment
    /// is not in this discussion.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>> ThreadOfAsync(string targetType, int targetId, int commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Set<Comment>().AsNoTracking()
            .Where(comment => comment.Id == commentId && comment.TargetType == targetType && comment.TargetId == targetId)
            .Select(comment => new { comment.ThreadId, comment.CreatedAt, comment.Id }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return [];
        }
        var replies = db.Set<Comment>().AsNoTracking().Where(comment => comment.ThreadId == target.ThreadId && comment.ParentId != null)
            .OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id);
        var upToTarget = await replies.Where(comment => comment.CreatedAt < target.CreatedAt || (comment.CreatedAt == target.CreatedAt && comment.Id <= target.Id))
            .CountAsync(cancellationToken);
        var rows = await db.Set<Comment>().AsNoTracking().Where(comment => comment.Id == target.ThreadId).ToListAsync(cancellationToken);
        rows.AddRange(await replies.Take(Math.Max(upToTarget, CommentLimits.RepliesShown)).ToListAsync(cancellationToken));
        return await ViewsAsync(db, rows, cancellationToken);
    }

    /// <summary>The given comments as they are now: what a viewer shows is refreshed after a lost connection.</summary>
    public async Task<IReadOnlyList<CommentView>> ManyAsync(IReadOnlyCollection<int> commentIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Comment>().AsNoTracking().Where(comment => commentIds.Contains(comment.Id)).ToListAsync(cancellationToken);
        return await ViewsAsync(db, rows, cancellationToken);
    }

    /// <summary>What the author typed, to edit it; null unless the principal's user wrote it.</summary>
    public async Task<(string Body, CommentStance Stance)?> SourceAsync(int commentId, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<Comment>().AsNoTracking().Where(comment => comment.Id == commentId && comment.AuthorId == userId)
            .Select(comment => new { comment.Body, comment.Stance }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Body, row.Stance);
    }

    /// <summary>The resident's votes on the given comments, for highlighting their arrows.</summary>
    public async Task<IReadOnlyDictionary<int, int>> VotesAsync(string? userId, IReadOnlyCollection<int> commentIds, CancellationToken cancellationToken = default)
    {
        if (userId is null || commentIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CommentVote>().AsNoTracking()
            .Where(vote => vote.UserId == userId && commentIds.Contains(vote.CommentId))
            .ToDictionaryAsync(vote => vote.CommentId, vote => vote.Value, cancellationToken);
    }

    /// <summary>Views of stored comments with their authors' names and, for replies filed beside their target, whom they answer.</summary>
    public static async Task<List<CommentView>> ViewsAsync(AppDbContext db, List<Comment> rows, CancellationToken cancellationToken)
    {
        var replyTargets = rows.Where(row => row.ReplyToId is not null).Select(row => row.ReplyToId!.Value).Distinct().ToList();
        var replyAuthors = await db.Set<Comment>().AsNoTracking().Where(comment => replyTargets.Contains(comment.Id))
            .Select(comment => new { comment.Id, comment.AuthorId }).ToDictionaryAsync(comment => comment.Id, comment => comment.AuthorId, cancellationToken);
        var authorIds = rows.Select(row => row.AuthorId).Concat(replyAuthors.Values).Distinct().ToList();
        var names = await db.Set<ApplicationUser>().AsNoTracking().Where(user => authorIds.Contains(user.Id))
            .ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
        return [.. rows.Select(row => new CommentView(
            row.Id, row.ParentId, row.ThreadId, row.Depth, row.ReplyToId,
            row.ReplyToId is { } replyTo && replyAuthors.TryGetValue(replyTo, out var answered) ? names.GetValueOrDefault(answered) : null,
            row.AuthorId, names.GetValueOrDefault(row.AuthorId, ""), row.DeletedAt is null ? row.BodyHtml : "", row.Stance, row.CreatedAt, row.EditedAt,
            row.DeletedAt is not null, row.HiddenAt is not null, row.HiddenReason, row.Upvotes, row.Downvotes, row.VoteSequence, row.ReplyCount, row.Version))];
    }

    /// <summary>Comments reported since their last review, or hidden by reports pending it, oldest first: the moderators' share.</summary>
    public async Task<IReadOnlyList<CommentAttention>> NeedingAttentionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from comment in db.Set<Comment>().AsNoTracking()
                where comment.DeletedAt == null && (comment.OpenReports > 0 || comment.HiddenReason == CommentHiddenReason.Reports)
                join author in db.Set<ApplicationUser>() on comment.AuthorId equals author.Id
                orderby comment.Id
                select new { comment.Id, comment.TargetType, comment.TargetId, comment.Body, comment.BodyHtml, author.DisplayName, comment.CreatedAt, comment.OpenReports, comment.HiddenReason })
            .Take(200)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new CommentAttention(row.Id, row.TargetType, row.TargetId, CommentMarkup.PlainText(row.Body, 200), row.BodyHtml,
            row.DisplayName, row.CreatedAt, row.OpenReports, row.HiddenReason == CommentHiddenReason.Reports))];
    }

    /// <summary>The reports on a comment since its last review, newest first.</summary>
    public async Task<IReadOnlyList<(string ReporterName, ReportReason Reason, string? Text, DateTime ReportedAt)>> ReportsAsync(int commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reviewedAt = await db.Set<Comment>().Where(comment => comment.Id == commentId).Select(comment => comment.ReviewedAt).SingleOrDefaultAsync(cancellationToken);
        var rows = await (
                from report in db.Set<CommentReport>().AsNoTracking()
                where report.CommentId == commentId && (reviewedAt == null || report.ReportedAt > reviewedAt)
                join reporter in db.Set<ApplicationUser>() on report.UserId equals reporter.Id
                orderby report.ReportedAt descending
                select new { reporter.DisplayName, report.Reason, report.Text, report.ReportedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.DisplayName, row.Reason, row.Text, row.ReportedAt))];
    }
}

/// <summary>A comment that needs a moderator, with its sanitized body for them to read.</summary>
public sealed record CommentAttention(
    int Id, string TargetType, int TargetId, string Excerpt, string BodyHtml, string AuthorName, DateTime CreatedAt, int OpenReports, bool HiddenByReports);
