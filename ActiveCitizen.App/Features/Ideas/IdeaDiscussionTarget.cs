using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>
/// Ideas as things residents discuss: open while the project's current phase opens commenting and the idea is neither withdrawn
/// nor rejected; the author hears of new comments, and so do the idea's followers.
/// </summary>
public sealed class IdeaDiscussionTarget(IDbContextFactory<AppDbContext> dbFactory, ProjectQueries projects, TimeProvider time) : IDiscussionTarget
{
    public string Type => DiscussionTargets.Idea;

    public async Task<DiscussionTargetInfo?> DescribeAsync(int targetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var idea = await db.Set<Idea>().AsNoTracking().Where(candidate => candidate.Id == targetId)
            .Select(candidate => new { candidate.Title, candidate.ProjectId, candidate.AuthorId, candidate.State, candidate.CommentCount, candidate.HiddenAt, candidate.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken);
        if (idea is null)
        {
            return null;
        }
        var schedule = await projects.ScheduleAsync(idea.ProjectId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        DiscussionClosure? closure = null;
        if (IdeaLimits.HiddenByDefault.Contains(idea.State) || idea.HiddenAt is not null || idea.MergedIntoId is not null)
        {
            closure = new DiscussionClosure(DiscussionClosedReason.TargetUnavailable);
        }
        else if (schedule?.Allows(PhaseActions.Comment, now) != true)
        {
            var next = schedule?.Phases.Where(phase => phase.StartsAt > now && phase.Opens.HasFlag(PhaseActions.Comment)).MinBy(phase => phase.StartsAt);
            closure = next is null
                ? new DiscussionClosure(DiscussionClosedReason.Finished)
                : new DiscussionClosure(DiscussionClosedReason.PhaseClosed, next.StartsAt);
        }
        return new DiscussionTargetInfo(idea.Title, $"/ideas/{targetId}", idea.AuthorId, closure, idea.CommentCount);
    }

    public async Task<IReadOnlyList<string>> FollowersAsync(AppDbContext db, int targetId, CancellationToken cancellationToken) =>
        await db.Set<IdeaFollow>().Where(follow => follow.IdeaId == targetId).Select(follow => follow.UserId).ToListAsync(cancellationToken);

    public Task CommentCountChangedAsync(AppDbContext db, int targetId, int delta, CancellationToken cancellationToken) =>
        db.Set<Idea>().Where(idea => idea.Id == targetId)
            .ExecuteUpdateAsync(set => set.SetProperty(idea => idea.CommentCount, idea => idea.CommentCount + delta), cancellationToken);
}
