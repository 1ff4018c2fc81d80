using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Shared;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>Projects and ideas made straight in the database, at times the test chooses.</summary>
public static class TestProjects
{
    public static readonly DateTime SubmissionOpens = new(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime SubmissionCloses = SubmissionOpens.AddDays(3);
    public static readonly DateTime DiscussionCloses = SubmissionCloses.AddDays(10);

    /// <summary>Announcement, three days of submission (with support), screening, then ten days of discussion (support only).</summary>
    public static async Task<Project> CreateAsync(TestDatabase database, string slug = "housing")
    {
        var project = new Project
        {
            Slug = slug,
            CreatedAt = SubmissionOpens.AddDays(-5),
            Title = LocalizedText.Of("Housing services", "Услуги ЖКХ"),
            Summary = LocalizedText.Of("Summary", "Кратко"),
            Description = LocalizedText.Of("Description", "Описание"),
            Phases =
            [
                new() { Kind = PhaseKind.Announcement, StartsAt = SubmissionOpens.AddDays(-2), EndsAt = SubmissionOpens },
                new() { Kind = PhaseKind.Submission, StartsAt = SubmissionOpens, EndsAt = SubmissionCloses, Opens = PhaseActions.Submit | PhaseActions.Support | PhaseActions.Comment },
                new() { Kind = PhaseKind.Screening, StartsAt = SubmissionCloses, EndsAt = SubmissionCloses.AddDays(2), Opens = PhaseActions.Comment },
                new() { Kind = PhaseKind.Discussion, StartsAt = SubmissionCloses.AddDays(2), EndsAt = DiscussionCloses, Opens = PhaseActions.Support | PhaseActions.Comment },
            ],
            Categories = [new() { Name = LocalizedText.Of("Payments", "Оплата") }, new() { Name = LocalizedText.Of("Repairs", "Ремонт") }],
        };
        await using var db = database.CreateContext();
        db.Add(project);
        await db.SaveChangesAsync();
        return project;
    }

    public static async Task<Idea> AddIdeaAsync(TestDatabase database, Project project, string authorId, string title, string description, IdeaState state = IdeaState.Submitted)
    {
        await using var db = database.CreateContext();
        var idea = new Idea
        {
            ProjectId = project.Id,
            CategoryId = project.Categories[0].Id,
            AuthorId = authorId,
            Title = title,
            Description = description,
            State = state,
            SubmittedAt = SubmissionOpens.AddHours(1),
            SubmissionKey = Guid.NewGuid(),
        };
        db.Add(idea);
        await db.SaveChangesAsync();
        return idea;
    }
}
