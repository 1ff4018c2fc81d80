using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>An idea that needs a moderator: new and not yet looked at, reported, or hidden by reports pending review.</summary>
public sealed record IdeaAttention(
    int Id, int ProjectId, LocalizedText ProjectTitle, string Title, string Excerpt, string AuthorName, DateTime SubmittedAt, int OpenReports,
    bool HiddenByReports, bool Triaged);

/// <summary>
/// One resident's report, as moderators read it (the reporter's name is theirs to know, not the author's); the reason as the key
/// of its text.
/// </summary>
public sealed record ReportView(string ReporterName, string ReasonKey, string? Text, DateTime ReportedAt);

public sealed record RejectionReasonView(int Id, LocalizedText Name, bool Archived);

/// <summary>An idea on a project's screening list.</summary>
public sealed record ScreeningIdea(int Id, string Title, string AuthorName, IdeaState State, string? StateReason, int SupportCount, DateTime SubmittedAt);

/// <summary>The reads moderators and experts need about ideas; never shown to residents.</summary>
public sealed class IdeaAttentionQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int QueueLimit = 200;

    /// <summary>What needs a moderator now, oldest first (first come, first served), optionally in one project.</summary>
    public async Task<IReadOnlyList<IdeaAttention>> NeedingAttentionAsync(int? projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ideas = db.Set<Idea>().AsNoTracking().Where(idea => idea.MergedIntoId == null && (
            (idea.TriagedAt == null && idea.State == IdeaState.Submitted && idea.HiddenAt == null)
            || idea.OpenReports > 0
            || idea.HiddenBy == IdeaHiddenBy.Reports));
        if (projectId is { } onlyProject)
        {
            ideas = ideas.Where(idea => idea.ProjectId == onlyProject);
        }
        return await (
                from idea in ideas
                join project in db.Set<Project>() on idea.ProjectId equals project.Id
                join author in db.Set<ApplicationUser>() on idea.AuthorId equals author.Id
                orderby idea.Id
                select new IdeaAttention(idea.Id, idea.ProjectId, project.Title, idea.Title, idea.Description.Substring(0, 200), author.DisplayName,
                    idea.SubmittedAt, idea.OpenReports, idea.HiddenBy == IdeaHiddenBy.Reports, idea.TriagedAt != null))
            .Take(QueueLimit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The reports since the last review, newest first.</summary>
    public async Task<IReadOnlyList<ReportView>> ReportsAsync(int ideaId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reviewedAt = await db.Set<Idea>().Where(idea => idea.Id == ideaId).Select(idea => idea.ReviewedAt).SingleOrDefaultAsync(cancellationToken);
        var rows = await (
                from report in db.Set<IdeaReport>().AsNoTracking()
                where report.IdeaId == ideaId && (reviewedAt == null || report.ReportedAt > reviewedAt)
                join reporter in db.Set<ApplicationUser>() on report.UserId equals reporter.Id
                orderby report.ReportedAt descending
                select new { reporter.DisplayName, report.Reason, report.Text, report.ReportedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new ReportView(row.DisplayName, $"IdeaReportReason.{row.Reason}", row.Text, row.ReportedAt))];
    }

    /// <summary>The projects and titles of the given ideas: what a reported comment is about.</summary>
    public async Task<IReadOnlyDictionary<int, (int ProjectId, LocalizedText ProjectTitle, string Title)>> ContextOfAsync(
        IReadOnlyCollection<int> ideaIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from idea in db.Set<Idea>().AsNoTracking()
                where ideaIds.Contains(idea.Id)
                join project in db.Set<Project>() on idea.ProjectId equals project.Id
                select new { idea.Id, idea.ProjectId, ProjectTitle = project.Title, idea.Title })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Id, row => (row.ProjectId, row.ProjectTitle, row.Title));
    }

    public async Task<IReadOnlyList<RejectionReasonView>> RejectionReasonsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<RejectionReason>().AsNoTracking().OrderBy(reason => reason.Id)
            .Select(reason => new { reason.Id, reason.Name, reason.Archived }).ToListAsync(cancellationToken);
        return [.. rows.Select(row => new RejectionReasonView(row.Id, row.Name, row.Archived))];
    }

    /// <summary>A project's ideas as experts screen them: everything still in the running, oldest first.</summary>
    public async Task<IReadOnlyList<ScreeningIdea>> ForScreeningAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from idea in db.Set<Idea>().AsNoTracking()
                where idea.ProjectId == projectId && idea.HiddenAt == null && idea.MergedIntoId == null
                    && idea.State != IdeaState.Withdrawn && idea.State != IdeaState.Rejected
                join author in db.Set<ApplicationUser>() on idea.AuthorId equals author.Id
                orderby idea.Id
                select new ScreeningIdea(idea.Id, idea.Title, author.DisplayName, idea.State, idea.StateReason, idea.SupportCount, idea.SubmittedAt))
            .ToListAsync(cancellationToken);
    }
}
