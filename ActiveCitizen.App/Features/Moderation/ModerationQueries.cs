using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Moderation;

public enum QueueItemKind
{
    NewIdea,
    ReportedIdea,
    HiddenIdea,
    ReportedComment,
    HiddenComment,
}

/// <summary>One thing in the moderators' queue; <see cref="IdeaId"/> is the idea itself or the one a comment is on.</summary>
/// <summary>
/// One thing in the moderators' queue; <see cref="IdeaId"/> is the idea itself or the one a comment is on; a comment carries its
/// sanitized body for the moderator to read.
/// </summary>
public sealed record QueueItem(
    string Key, QueueItemKind Kind, int Id, int IdeaId, int? ProjectId, LocalizedText? ProjectTitle, string Title, string Excerpt, string AuthorName,
    DateTime At, int Reports, string? BodyHtml = null)
{
    public bool IsComment => Kind is QueueItemKind.ReportedComment or QueueItemKind.HiddenComment;
}

public sealed record ClaimView(string ItemKey, string ModeratorId, string ModeratorName, DateTime Until);

public sealed record AuditFilter(string? Action = null, string? Actor = null, string? Target = null, DateTime? From = null, DateTime? To = null);

public sealed record AuditView(long Id, DateTime At, string ActorName, string Action, string Target, string? Reason, string? Before, string? After);

/// <summary>The reads of the moderation console and the audit trail; every caller is a page that only moderators can open.</summary>
public sealed class ModerationQueries(
    IDbContextFactory<AppDbContext> dbFactory, IdeaAttentionQueries ideas, DiscussionQueries discussions, TimeProvider time)
{
    /// <summary>The queue, oldest first, optionally for one project and some kinds of item.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(int? projectId, IReadOnlySet<QueueItemKind>? kinds, CancellationToken cancellationToken = default)
    {
        var items = new List<QueueItem>();
        foreach (var idea in await ideas.NeedingAttentionAsync(projectId, cancellationToken))
        {
            var kind = idea.HiddenByReports ? QueueItemKind.HiddenIdea : idea.OpenReports > 0 ? QueueItemKind.ReportedIdea : QueueItemKind.NewIdea;
            items.Add(new QueueItem(ModerationItems.Idea(idea.Id), kind, idea.Id, idea.Id, idea.ProjectId, idea.ProjectTitle, idea.Title, idea.Excerpt,
                idea.AuthorName, idea.SubmittedAt, idea.OpenReports));
        }
        var comments = (await discussions.NeedingAttentionAsync(cancellationToken)).Where(comment => comment.TargetType == DiscussionTargets.Idea).ToList();
        var context = await ideas.ContextOfAsync([.. comments.Select(comment => comment.TargetId).Distinct()], cancellationToken);
        foreach (var comment in comments)
        {
            var about = context.TryGetValue(comment.TargetId, out var found) ? found : ((int ProjectId, LocalizedText ProjectTitle, string Title)?)null;
            if (projectId is not null && about?.ProjectId != projectId)
            {
                continue;
            }
            items.Add(new QueueItem(ModerationItems.Comment(comment.Id), comment.HiddenByReports ? QueueItemKind.HiddenComment : QueueItemKind.ReportedComment,
                comment.Id, comment.TargetId, about?.ProjectId, about?.ProjectTitle, about?.Title ?? "", comment.Excerpt, comment.AuthorName,
                comment.CreatedAt, comment.OpenReports, comment.BodyHtml));
        }
        return [.. items.Where(item => kinds is null || kinds.Count == 0 || kinds.Contains(item.Kind)).OrderBy(item => item.At)];
    }

    /// <summary>Claims that still hold, by item.</summary>
    public async Task<IReadOnlyDictionary<string, ClaimView>> ClaimsAsync(CancellationToken cancellationToken = default)
    {
        var lapsed = time.GetUtcNow().UtcDateTime - ModerationLimits.ClaimIdleTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from claim in db.Set<ModerationClaim>().AsNoTracking()
                where claim.ActiveAt > lapsed
                join user in db.Users on claim.ModeratorId equals user.Id
                select new { claim.ItemKey, claim.ModeratorId, user.DisplayName, claim.ActiveAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.ItemKey, row => new ClaimView(row.ItemKey, row.ModeratorId, row.DisplayName, row.ActiveAt + ModerationLimits.ClaimIdleTimeout));
    }

    /// <summary>The reports on a queue item, newest first.</summary>
    public async Task<IReadOnlyList<ReportView>> ReportsAsync(QueueItem item, CancellationToken cancellationToken = default) =>
        item.IsComment
            ? [.. (await discussions.ReportsAsync(item.Id, cancellationToken)).Select(report => new ReportView(report.ReporterName, $"ReportReason.{report.Reason}", report.Text, report.ReportedAt))]
            : await ideas.ReportsAsync(item.Id, cancellationToken);

    /// <summary>One page of the audit trail, newest first, and whether older entries follow.</summary>
    public async Task<(IReadOnlyList<AuditView> Entries, bool HasMore)> AuditAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(entry => entry.Action == filter.Action);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            entries = entries.Where(entry => entry.ActorName.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var target = filter.Target.Trim();
            entries = entries.Where(entry => entry.Target == target || entry.Target.StartsWith(target + ":"));
        }
        if (filter.From is { } from)
        {
            entries = entries.Where(entry => entry.At >= from);
        }
        if (filter.To is { } to)
        {
            entries = entries.Where(entry => entry.At < to);
        }
        var rows = await entries.OrderByDescending(entry => entry.Id).Skip(Math.Max(page, 0) * ModerationLimits.AuditPageSize).Take(ModerationLimits.AuditPageSize + 1)
            .Select(entry => new AuditView(entry.Id, entry.At, entry.ActorName, entry.Action, entry.Target, entry.Reason, entry.Before, entry.After))
            .ToListAsync(cancellationToken);
        return ([.. rows.Take(ModerationLimits.AuditPageSize)], rows.Count > ModerationLimits.AuditPageSize);
    }
}
