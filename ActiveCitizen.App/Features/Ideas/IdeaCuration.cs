using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>The parts of an idea that moderation and screening change, as the audit trail records them before and after.</summary>
public sealed record IdeaSnapshot(
    int Id, int ProjectId, string AuthorId, string Title, IdeaState State, string? StateReason, int? RejectionReasonId, bool Hidden,
    IdeaHiddenBy? HiddenBy, string? HiddenNote, int? MergedIntoId, bool Triaged, int OpenReports, int SupportCount, int Followers,
    IReadOnlyList<string> Tags);

public enum MergeRefusal
{
    None,
    SameIdea,
    /// <summary>One of the two was itself merged into another idea already.</summary>
    AlreadyMerged,
    OtherProject,
    /// <summary>The idea to merge into is withdrawn, rejected or hidden.</summary>
    TargetUnavailable,
    /// <summary>The duplicate is already past screening (shortlisted or later) or withdrawn: merging it away would undo a decision.</summary>
    SourceAdvanced,
}

/// <summary>
/// How moderation and screening change ideas: the mechanics only, inside the caller's transaction. Who may do it, the audit trail,
/// notifications and announcements are the caller's (the moderation feature's) business; each method says whether anything
/// changed, so a repeated or racing action changes state once.
/// </summary>
public static class IdeaCuration
{
    // Arrays, which EF turns into an IN list; it cannot translate a set's Contains.
    private static readonly IdeaState[] RejectableStates = [.. IdeaLimits.Rejectable];
    private static readonly IdeaState[] ScreenableStates = [.. IdeaLimits.Screenable];

    public static async Task<IdeaSnapshot?> SnapshotAsync(AppDbContext db, int ideaId, CancellationToken cancellationToken)
    {
        var idea = await db.Set<Idea>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == ideaId, cancellationToken);
        if (idea is null)
        {
            return null;
        }
        var tags = await (from tagged in db.Set<IdeaTag>()
                          where tagged.IdeaId == ideaId
                          join tag in db.Set<Tag>() on tagged.TagId equals tag.Id
                          orderby tag.Slug
                          select tag.Slug).ToListAsync(cancellationToken);
        var followers = await db.Set<IdeaFollow>().CountAsync(follow => follow.IdeaId == ideaId, cancellationToken);
        return new IdeaSnapshot(idea.Id, idea.ProjectId, idea.AuthorId, idea.Title, idea.State, idea.StateReason, idea.RejectionReasonId,
            idea.HiddenAt is not null, idea.HiddenBy, idea.HiddenNote, idea.MergedIntoId, idea.TriagedAt is not null, idea.OpenReports,
            idea.SupportCount, followers, tags);
    }

    public static async Task<bool> AddTagAsync(AppDbContext db, int ideaId, int tagId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"INSERT INTO IdeaTags (IdeaId, TagId) VALUES ({ideaId}, {tagId}) ON CONFLICT DO NOTHING", cancellationToken) > 0;

    public static async Task<bool> RemoveTagAsync(AppDbContext db, int ideaId, int tagId, CancellationToken cancellationToken) =>
        await db.Set<IdeaTag>().Where(tagged => tagged.IdeaId == ideaId && tagged.TagId == tagId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Hides the idea by a moderator's decision (also confirming reports that hid it); the reports so far are settled.</summary>
    public static async Task<bool> HideAsync(AppDbContext db, int ideaId, string note, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.Id == ideaId && idea.HiddenBy != IdeaHiddenBy.Moderator)
            .ExecuteUpdateAsync(set => set
                .SetProperty(idea => idea.HiddenAt, idea => idea.HiddenAt ?? now)
                .SetProperty(idea => idea.HiddenBy, IdeaHiddenBy.Moderator)
                .SetProperty(idea => idea.HiddenNote, note)
                .SetProperty(idea => idea.OpenReports, 0)
                .SetProperty(idea => idea.ReviewedAt, now)
                .SetProperty(idea => idea.TriagedAt, idea => idea.TriagedAt ?? now)
                .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken) > 0;

    /// <summary>Shows the idea again (or clears reports on a visible one): the reports so far are dismissed.</summary>
    public static async Task<bool> RestoreAsync(AppDbContext db, int ideaId, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.Id == ideaId && (idea.HiddenAt != null || idea.OpenReports > 0))
            .ExecuteUpdateAsync(set => set
                .SetProperty(idea => idea.HiddenAt, (DateTime?)null)
                .SetProperty(idea => idea.HiddenBy, (IdeaHiddenBy?)null)
                .SetProperty(idea => idea.HiddenNote, (string?)null)
                .SetProperty(idea => idea.OpenReports, 0)
                .SetProperty(idea => idea.ReviewedAt, now)
                .SetProperty(idea => idea.TriagedAt, idea => idea.TriagedAt ?? now)
                .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken) > 0;

    /// <summary>Rejects an idea that has not been shortlisted, with a reason from the list and the moderator's words.</summary>
    public static async Task<bool> RejectAsync(AppDbContext db, int ideaId, int reasonId, string text, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.Id == ideaId && RejectableStates.Contains(idea.State))
            .ExecuteUpdateAsync(set => set
                .SetProperty(idea => idea.State, IdeaState.Rejected)
                .SetProperty(idea => idea.StateReason, text)
                .SetProperty(idea => idea.RejectionReasonId, reasonId)
                .SetProperty(idea => idea.StateChangedAt, now)
                .SetProperty(idea => idea.TriagedAt, idea => idea.TriagedAt ?? now)
                .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken) > 0;

    public static async Task<bool> MarkTriagedAsync(AppDbContext db, int ideaId, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.Id == ideaId && idea.TriagedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(idea => idea.TriagedAt, now), cancellationToken) > 0;

    public static async Task<MergeRefusal> CanMergeAsync(AppDbContext db, int sourceId, int targetId, CancellationToken cancellationToken)
    {
        if (sourceId == targetId)
        {
            return MergeRefusal.SameIdea;
        }
        var pair = await db.Set<Idea>().AsNoTracking().Where(idea => idea.Id == sourceId || idea.Id == targetId)
            .Select(idea => new { idea.Id, idea.ProjectId, idea.MergedIntoId, idea.State, idea.HiddenAt }).ToListAsync(cancellationToken);
        var source = pair.Single(idea => idea.Id == sourceId);
        var target = pair.Single(idea => idea.Id == targetId);
        return source.MergedIntoId is not null || target.MergedIntoId is not null ? MergeRefusal.AlreadyMerged
            : source.ProjectId != target.ProjectId ? MergeRefusal.OtherProject
            : !IdeaLimits.Rejectable.Contains(source.State) ? MergeRefusal.SourceAdvanced
            : IdeaLimits.HiddenByDefault.Contains(target.State) || target.HiddenAt is not null ? MergeRefusal.TargetUnavailable
            : MergeRefusal.None;
    }

    /// <summary>
    /// Merges a duplicate into another idea of the same project: its supports and followers move (a resident who supported both
    /// counts once; the target's author is not made a supporter of their own idea), the target's count is recounted, and the
    /// duplicate points to the target. Call <see cref="CanMergeAsync"/> first, in the same transaction.
    /// </summary>
    public static async Task<(int SupportCount, long Sequence)> MergeAsync(AppDbContext db, int sourceId, int targetId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO IdeaSupports (IdeaId, UserId, SupportedAt)
            SELECT {targetId}, support.UserId, support.SupportedAt FROM IdeaSupports AS support
            WHERE support.IdeaId = {sourceId} AND support.UserId <> (SELECT AuthorId FROM Ideas WHERE Id = {targetId})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO IdeaFollows (IdeaId, UserId, FollowedAt)
            SELECT {targetId}, follow.UserId, follow.FollowedAt FROM IdeaFollows AS follow WHERE follow.IdeaId = {sourceId}
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        await db.Set<IdeaSupport>().Where(support => support.IdeaId == sourceId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdeaFollow>().Where(follow => follow.IdeaId == sourceId).ExecuteDeleteAsync(cancellationToken);
        var supporters = await db.Set<IdeaSupport>().CountAsync(support => support.IdeaId == targetId, cancellationToken);
        await db.Set<Idea>().Where(idea => idea.Id == targetId).ExecuteUpdateAsync(set => set
            .SetProperty(idea => idea.SupportCount, supporters)
            .SetProperty(idea => idea.SupportChanges, idea => idea.SupportChanges + 1), cancellationToken);
        await db.Set<Idea>().Where(idea => idea.Id == sourceId).ExecuteUpdateAsync(set => set
            .SetProperty(idea => idea.MergedIntoId, targetId)
            .SetProperty(idea => idea.SupportCount, 0)
            .SetProperty(idea => idea.SupportChanges, idea => idea.SupportChanges + 1)
            .SetProperty(idea => idea.StateChangedAt, now)
            .SetProperty(idea => idea.TriagedAt, idea => idea.TriagedAt ?? now)
            .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken);
        var sequence = await db.Set<Idea>().Where(idea => idea.Id == targetId).Select(idea => idea.SupportChanges).SingleAsync(cancellationToken);
        return (supporters, sequence);
    }

    /// <summary>An expert's verdict, with the explanation shown publicly; allowed until the idea is shortlisted.</summary>
    public static async Task<bool> ScreenAsync(AppDbContext db, int ideaId, bool feasible, string explanation, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.Id == ideaId && ScreenableStates.Contains(idea.State))
            .ExecuteUpdateAsync(set => set
                .SetProperty(idea => idea.State, feasible ? IdeaState.Feasible : IdeaState.NotFeasible)
                .SetProperty(idea => idea.StateReason, explanation)
                .SetProperty(idea => idea.StateChangedAt, now)
                .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken) > 0;

    /// <summary>Puts a feasible idea on the shortlist, or takes it off again.</summary>
    public static async Task<bool> ShortlistAsync(AppDbContext db, int ideaId, bool shortlisted, DateTime now, CancellationToken cancellationToken)
    {
        var from = shortlisted ? IdeaState.Feasible : IdeaState.Shortlisted;
        var to = shortlisted ? IdeaState.Shortlisted : IdeaState.Feasible;
        return await db.Set<Idea>().Where(idea => idea.Id == ideaId && idea.State == from && idea.HiddenAt == null && idea.MergedIntoId == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(idea => idea.State, to)
                .SetProperty(idea => idea.StateChangedAt, now)
                .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken) > 0;
    }

    /// <summary>The commission's published decision on a shortlisted idea, with its rationale.</summary>
    public static async Task<bool> DecideAsync(AppDbContext db, int ideaId, bool selected, string? rationale, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.Id == ideaId && idea.State == IdeaState.Shortlisted)
            .ExecuteUpdateAsync(set => set
                .SetProperty(idea => idea.State, selected ? IdeaState.Selected : IdeaState.NotSelected)
                .SetProperty(idea => idea.StateReason, rationale)
                .SetProperty(idea => idea.StateChangedAt, now)
                .SetProperty(idea => idea.Version, idea => idea.Version + 1), cancellationToken) > 0;

    /// <summary>Who hears about a decision on an idea: its author, its supporters and its followers.</summary>
    public static async Task<(string AuthorId, IReadOnlyList<string> Supporters, IReadOnlyList<string> Followers)> AudienceAsync(
        AppDbContext db, int ideaId, CancellationToken cancellationToken)
    {
        var authorId = await db.Set<Idea>().Where(idea => idea.Id == ideaId).Select(idea => idea.AuthorId).SingleAsync(cancellationToken);
        var supporters = await db.Set<IdeaSupport>().Where(support => support.IdeaId == ideaId).Select(support => support.UserId).ToListAsync(cancellationToken);
        var followers = await db.Set<IdeaFollow>().Where(follow => follow.IdeaId == ideaId).Select(follow => follow.UserId).ToListAsync(cancellationToken);
        return (authorId, supporters, followers);
    }
}
