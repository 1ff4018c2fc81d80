using System.Collections.Concurrent;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Projects;

public sealed record PhaseView(PhaseKind Kind, DateTime StartsAt, DateTime EndsAt, PhaseActions Opens);

public sealed record CategoryView(int Id, LocalizedText Name);

public sealed record ProjectCard(int Id, string Slug, LocalizedText Title, LocalizedText Summary, IReadOnlyList<PhaseView> Phases);

public sealed record ProjectDetails(
    int Id, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Description,
    IReadOnlyList<PhaseView> Phases, IReadOnlyList<CategoryView> Categories, int Version);

/// <summary>A project's schedule as the rules need it: which phase is running and what it opens, and its categories.</summary>
public sealed record ProjectScheduleView(int ProjectId, string Slug, IReadOnlyList<ProjectPhase> Phases, IReadOnlyList<int> CategoryIds)
{
    public ProjectPhase? CurrentPhase(DateTime now) => ProjectSchedule.CurrentPhase(Phases, now);
    public bool Allows(PhaseActions action, DateTime now) => ProjectSchedule.Allows(Phases, action, now);
    public ProjectStatus StatusAt(DateTime now) => ProjectSchedule.StatusAt(Phases, now);
}

/// <summary>Reads of projects shared by pages and by other features' rules.</summary>
public sealed class ProjectQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Schedules change only when an admin saves a project, yet every support or submission asks for one: they are kept in memory
    /// and dropped on save (<see cref="Forget"/>), so the rules read the clock, not the database. An entry also expires after
    /// <see cref="ScheduleLifetime"/>, which bounds how long another instance sharing the database can go on with an old schedule.
    /// </summary>
    private readonly ConcurrentDictionary<int, (ProjectScheduleView Schedule, DateTime LoadedAt)> schedules = new();

    /// <summary>Bumped by every save, so that a read that began before a save never stores what it read after it.</summary>
    private long generation;

    public static readonly TimeSpan ScheduleLifetime = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ProjectCard>> ListAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var projects = await db.Set<Project>().AsNoTracking()
            .Select(project => new
            {
                project.Id,
                project.Slug,
                project.Title,
                project.Summary,
                Phases = project.Phases.OrderBy(phase => phase.StartsAt).Select(phase => new PhaseView(phase.Kind, phase.StartsAt, phase.EndsAt, phase.Opens)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. projects
            .Select(project => new ProjectCard(project.Id, project.Slug, project.Title, project.Summary, project.Phases))
            .OrderBy(card => Rank(card, now))
            .ThenBy(card => card.Phases.Count == 0 ? DateTime.MaxValue : card.Phases[^1].EndsAt)];
    }

    /// <summary>Open for ideas first, then other running projects, then upcoming, then finished ones.</summary>
    private static int Rank(ProjectCard card, DateTime now)
    {
        var current = card.Phases.FirstOrDefault(phase => phase.StartsAt <= now && now < phase.EndsAt);
        if (current is not null)
        {
            return current.Opens.HasFlag(PhaseActions.Submit) ? 0 : 1;
        }
        if (card.Phases.Count == 0 || now < card.Phases[0].StartsAt)
        {
            return 2;
        }
        return now < card.Phases[^1].EndsAt ? 1 : 3;
    }

    public Task<ProjectDetails?> GetBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        GetAsync(project => project.Slug == slug.ToLowerInvariant(), cancellationToken);

    public Task<ProjectDetails?> GetByIdAsync(int id, CancellationToken cancellationToken = default) =>
        GetAsync(project => project.Id == id, cancellationToken);

    private async Task<ProjectDetails?> GetAsync(System.Linq.Expressions.Expression<Func<Project, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Project>().AsNoTracking().Where(which)
            .Select(project => new ProjectDetails(
                project.Id, project.Slug, project.Title, project.Summary, project.Description,
                project.Phases.OrderBy(phase => phase.StartsAt).Select(phase => new PhaseView(phase.Kind, phase.StartsAt, phase.EndsAt, phase.Opens)).ToList(),
                project.Categories.OrderBy(category => category.Id).Select(category => new CategoryView(category.Id, category.Name)).ToList(),
                project.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Project ids and titles, for filters and pickers.</summary>
    public async Task<IReadOnlyList<(int Id, string Slug, LocalizedText Title)>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Project>().AsNoTracking().OrderByDescending(project => project.CreatedAt)
            .Select(project => new { project.Id, project.Slug, project.Title }).ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.Id, row.Slug, row.Title))];
    }

    public async Task<ProjectScheduleView?> ScheduleAsync(int projectId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (schedules.TryGetValue(projectId, out var cached) && now - cached.LoadedAt < ScheduleLifetime)
        {
            return cached.Schedule;
        }
        var readFrom = Interlocked.Read(ref generation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.Set<Project>().AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Slug, Phases = p.Phases.OrderBy(phase => phase.StartsAt).ToList(), CategoryIds = p.Categories.Select(c => c.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }
        var schedule = new ProjectScheduleView(project.Id, project.Slug, project.Phases, project.CategoryIds);
        if (Interlocked.Read(ref generation) == readFrom)
        {
            schedules[projectId] = (schedule, now);
        }
        return schedule;
    }

    public void Forget(int projectId)
    {
        Interlocked.Increment(ref generation);
        schedules.TryRemove(projectId, out _);
    }
}
