using System.Security.Claims;
using System.Text.RegularExpressions;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Projects;

public sealed record CategoryDraft(int? Id, LocalizedText Name);

public sealed record ProjectDraft(
    string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Description, IReadOnlyList<PhaseDraft> Phases, IReadOnlyList<CategoryDraft> Categories);

public enum ProjectSaveStatus
{
    Saved,
    Invalid,
    Forbidden,
    NotFound,
    /// <summary>Someone else saved the project since it was opened; reload and apply the change again.</summary>
    Stale,
}

public sealed record ProjectSaveResult(ProjectSaveStatus Status, IReadOnlyList<FieldError> Errors, int ProjectId = 0, int Version = 0)
{
    public static ProjectSaveResult Refused(ProjectSaveStatus status) => new(status, []);
}

/// <summary>Admins author projects: texts in both languages, the phase schedule and the categories ideas are filed under.</summary>
public sealed partial class ProjectsService(
    IDbContextFactory<AppDbContext> dbFactory, UserAccess access, ProjectQueries queries, ILiveEvents liveEvents, TimeProvider time)
{
    public const string SlugField = "Slug";
    public const string TitleField = "Title";
    public const string CategoriesField = "Categories";

    public async Task<ProjectSaveResult> CreateAsync(ClaimsPrincipal actor, ProjectDraft draft, CancellationToken cancellationToken = default)
    {
        if (!await access.HasRoleAsync(actor, Roles.Admin, cancellationToken))
        {
            return ProjectSaveResult.Refused(ProjectSaveStatus.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, draft, projectId: null, cancellationToken);
        if (errors.Count > 0)
        {
            return new ProjectSaveResult(ProjectSaveStatus.Invalid, errors);
        }
        var project = new Project { CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(project, draft);
        project.Categories.AddRange(draft.Categories.Select(category => new ProjectCategory { Name = BilingualText.Trimmed(category.Name) }));
        db.Add(project);
        if (!await TrySaveAsync(db, project, cancellationToken))
        {
            return new ProjectSaveResult(ProjectSaveStatus.Invalid, [new(SlugField, "Validation.SlugTaken")]);
        }
        liveEvents.Publish(LiveTopics.Site, new ProjectSaved(project.Id, project.Slug));
        return new ProjectSaveResult(ProjectSaveStatus.Saved, [], project.Id, project.Version);
    }

    public async Task<ProjectSaveResult> UpdateAsync(
        ClaimsPrincipal actor, int projectId, int expectedVersion, ProjectDraft draft, CancellationToken cancellationToken = default)
    {
        if (!await access.HasRoleAsync(actor, Roles.Admin, cancellationToken))
        {
            return ProjectSaveResult.Refused(ProjectSaveStatus.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.Set<Project>().Include(p => p.Phases).Include(p => p.Categories)
            .SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return ProjectSaveResult.Refused(ProjectSaveStatus.NotFound);
        }
        if (project.Version != expectedVersion)
        {
            return ProjectSaveResult.Refused(ProjectSaveStatus.Stale);
        }
        var errors = await ValidateAsync(db, draft, projectId, cancellationToken);
        var unknownCategory = draft.Categories.FirstOrDefault(category => category.Id is { } id && project.Categories.All(existing => existing.Id != id));
        if (unknownCategory is not null)
        {
            errors.Add(new(CategoriesField, "Validation.CategoryUnknown"));
        }
        if (errors.Count > 0)
        {
            return new ProjectSaveResult(ProjectSaveStatus.Invalid, errors);
        }

        Apply(project, draft);
        foreach (var kept in draft.Categories.Where(category => category.Id is not null))
        {
            project.Categories.Single(existing => existing.Id == kept.Id).Name = BilingualText.Trimmed(kept.Name);
        }
        var removed = project.Categories.Where(existing => draft.Categories.All(category => category.Id != existing.Id)).ToList();
        foreach (var category in removed)
        {
            project.Categories.Remove(category);
            db.Remove(category);
        }
        project.Categories.AddRange(draft.Categories.Where(category => category.Id is null).Select(category => new ProjectCategory { Name = BilingualText.Trimmed(category.Name) }));
        project.Version++;
        try
        {
            if (!await TrySaveAsync(db, project, cancellationToken))
            {
                return new ProjectSaveResult(ProjectSaveStatus.Invalid, [new(SlugField, "Validation.SlugTaken")]);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProjectSaveResult.Refused(ProjectSaveStatus.Stale);
        }
        catch (DbUpdateException) when (removed.Count > 0)
        {
            // A category that ideas are filed under cannot go; the foreign key says so at the moment of saving.
            return new ProjectSaveResult(ProjectSaveStatus.Invalid, [new(CategoriesField, "Validation.CategoryInUse")]);
        }
        queries.Forget(project.Id);
        liveEvents.Publish(LiveTopics.Site, new ProjectSaved(project.Id, project.Slug));
        liveEvents.Publish(LiveTopics.Project(project.Id), new ProjectSaved(project.Id, project.Slug));
        return new ProjectSaveResult(ProjectSaveStatus.Saved, [], project.Id, project.Version);
    }

    private static void Apply(Project project, ProjectDraft draft)
    {
        project.Slug = draft.Slug.Trim().ToLowerInvariant();
        project.Title = BilingualText.Trimmed(draft.Title);
        project.Summary = BilingualText.Trimmed(draft.Summary);
        project.Description = BilingualText.Trimmed(draft.Description);
        project.Phases.Clear();
        project.Phases.AddRange(draft.Phases.Select(phase => new ProjectPhase
        {
            Kind = phase.Kind,
            StartsAt = phase.StartsAt,
            EndsAt = phase.EndsAt,
            Opens = phase.Opens,
        }));
    }

    private static async Task<List<FieldError>> ValidateAsync(AppDbContext db, ProjectDraft draft, int? projectId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var slug = draft.Slug.Trim().ToLowerInvariant();
        if (!SlugFormat().IsMatch(slug) || slug.Length is < ProjectLimits.SlugMinLength or > ProjectLimits.SlugMaxLength)
        {
            errors.Add(new(SlugField, "Validation.SlugFormat", ProjectLimits.SlugMinLength, ProjectLimits.SlugMaxLength));
        }
        else if (await db.Set<Project>().AnyAsync(project => project.Slug == slug && project.Id != projectId, cancellationToken))
        {
            errors.Add(new(SlugField, "Validation.SlugTaken"));
        }
        BilingualText.RequireBoth(errors, TitleField, draft.Title, ProjectLimits.TitleMaxLength);
        BilingualText.RequireBoth(errors, "Summary", draft.Summary, ProjectLimits.SummaryMaxLength);
        BilingualText.RequireBoth(errors, "Description", draft.Description, ProjectLimits.DescriptionMaxLength);
        if (draft.Categories.Count == 0)
        {
            errors.Add(new(CategoriesField, "Validation.CategoriesRequired"));
        }
        else if (draft.Categories.Count > ProjectLimits.MaxCategories)
        {
            errors.Add(new(CategoriesField, "Validation.CategoriesTooMany", ProjectLimits.MaxCategories));
        }
        foreach (var category in draft.Categories)
        {
            BilingualText.RequireBoth(errors, CategoriesField, category.Name, ProjectLimits.CategoryMaxLength);
        }
        errors.AddRange(ProjectSchedule.Validate(draft.Phases));
        return errors;
    }

    /// <summary>Saves; false when the unique slug index refused (another admin took the slug a moment ago).</summary>
    private async Task<bool> TrySaveAsync(AppDbContext db, Project project, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await SlugTakenElsewhereAsync(project, cancellationToken))
            {
                return false;
            }
            throw;
        }
    }

    private async Task<bool> SlugTakenElsewhereAsync(Project project, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Project>().AnyAsync(other => other.Slug == project.Slug && other.Id != project.Id, cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugFormat();
}
