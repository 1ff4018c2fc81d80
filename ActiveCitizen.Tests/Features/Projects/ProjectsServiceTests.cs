using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Resources;
using ActiveCitizen.App.Shared;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Projects;

public sealed class ProjectsServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly ProjectQueries queries;
    private readonly ProjectsService service;

    public ProjectsServiceTests()
    {
        queries = new ProjectQueries(database.Factory, time);
        service = new ProjectsService(database.Factory, new UserAccess(database.Factory), queries, new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance), time);
    }

    private static readonly DateTime Start = new(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);

    private static ProjectDraft Draft(string slug = "better-parks", IReadOnlyList<PhaseDraft>? phases = null, IReadOnlyList<CategoryDraft>? categories = null) => new(
        slug, LocalizedText.Of("Better parks", "Лучшие парки"), LocalizedText.Of("Summary", "Кратко"), LocalizedText.Of("Description", "Описание"),
        phases ?? [new(PhaseKind.Submission, Start, Start.AddDays(3), PhaseActions.Submit | PhaseActions.Support), new(PhaseKind.Discussion, Start.AddDays(3), Start.AddDays(10), PhaseActions.Support)],
        categories ?? [new(null, LocalizedText.Of("Playgrounds", "Детские площадки"))]);

    private async Task<System.Security.Claims.ClaimsPrincipal> AdminAsync() => TestUsers.Principal(await TestUsers.CreateAsync(database, "Olga", Roles.Admin));

    [Fact]
    public async Task An_admin_creates_a_project_whose_schedule_the_rules_then_follow()
    {
        var result = await service.CreateAsync(await AdminAsync(), Draft());

        Assert.Equal(ProjectSaveStatus.Saved, result.Status);
        var schedule = await queries.ScheduleAsync(result.ProjectId);
        Assert.True(schedule!.Allows(PhaseActions.Submit, Start));
        Assert.False(schedule.Allows(PhaseActions.Submit, Start.AddDays(3)));
        Assert.True(schedule.Allows(PhaseActions.Support, Start.AddDays(3)));
        Assert.Equal("better-parks", (await queries.GetBySlugAsync("Better-Parks"))!.Slug);
    }

    [Fact]
    public async Task Shortening_the_submission_window_takes_effect_on_the_next_submission()
    {
        var admin = await AdminAsync();
        var created = await service.CreateAsync(admin, Draft());
        var project = await queries.GetByIdAsync(created.ProjectId);
        var ideas = new IdeasService(database.Factory, queries, new UserAccess(database.Factory), new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance),
            new FakeTimeProvider(new DateTimeOffset(Start.AddDays(2))));
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        IdeaDraft Idea(string title) => new(created.ProjectId, title, "A description long enough to be accepted as an idea.", project!.Categories[0].Id, null, Guid.NewGuid());
        Assert.Equal(SubmitStatus.Submitted, (await ideas.SubmitAsync(resident, Idea("Before the change of plans"))).Status);

        var shortened = await service.UpdateAsync(admin, created.ProjectId, created.Version, Draft(
            phases: [new(PhaseKind.Submission, Start, Start.AddDays(1), PhaseActions.Submit | PhaseActions.Support), new(PhaseKind.Discussion, Start.AddDays(1), Start.AddDays(10), PhaseActions.Support)],
            categories: [.. project!.Categories.Select(category => new CategoryDraft(category.Id, category.Name))]));

        Assert.Equal(ProjectSaveStatus.Saved, shortened.Status);
        var refused = await ideas.SubmitAsync(resident, Idea("After the window was shortened"));
        Assert.Equal((SubmitStatus.WindowClosed, Start.AddDays(1)), (refused.Status, refused.WindowClosedAt));
    }

    [Fact]
    public async Task A_resident_cannot_create_projects()
    {
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"), Roles.Admin);

        Assert.Equal(ProjectSaveStatus.Forbidden, (await service.CreateAsync(resident, Draft())).Status);
        await using var db = database.CreateContext();
        Assert.False(await db.Set<Project>().AnyAsync());
    }

    [Fact]
    public async Task An_overlapping_schedule_is_refused_with_a_message_that_names_the_phases()
    {
        var overlapping = Draft(phases: [new(PhaseKind.Submission, Start, Start.AddDays(3), PhaseActions.Submit), new(PhaseKind.Discussion, Start.AddDays(2), Start.AddDays(9), PhaseActions.Support)]);

        var result = await service.CreateAsync(await AdminAsync(), overlapping);

        Assert.Equal(ProjectSaveStatus.Invalid, result.Status);
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();
        Assert.Equal("Phase 2 (Discussion and rating) starts before phase 1 (Idea submission) ends.", localizer.Message(Assert.Single(result.Errors)));
    }

    [Theory]
    [InlineData("Not a slug!", "Validation.SlugFormat")]
    [InlineData("ab", "Validation.SlugFormat")]
    [InlineData("taken", "Validation.SlugTaken")]
    public async Task A_bad_or_taken_address_is_refused(string slug, string messageKey)
    {
        var admin = await AdminAsync();
        await service.CreateAsync(admin, Draft("taken"));

        var result = await service.CreateAsync(admin, Draft(slug));

        Assert.Equal(messageKey, Assert.Single(result.Errors, error => error.Field == ProjectsService.SlugField).MessageKey);
    }

    [Fact]
    public async Task Texts_are_required_in_both_languages()
    {
        var result = await service.CreateAsync(await AdminAsync(), Draft() with { Title = LocalizedText.Of("Only English", " ") });

        Assert.Equal("Validation.BothLanguagesRequired", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task Two_admins_editing_the_same_version_cannot_overwrite_each_other()
    {
        var admin = await AdminAsync();
        var created = await service.CreateAsync(admin, Draft());

        var first = await service.UpdateAsync(admin, created.ProjectId, created.Version, Draft() with { Title = LocalizedText.Of("First", "Первое") });
        var second = await service.UpdateAsync(admin, created.ProjectId, created.Version, Draft() with { Title = LocalizedText.Of("Second", "Второе") });

        Assert.Equal(ProjectSaveStatus.Saved, first.Status);
        Assert.Equal(ProjectSaveStatus.Stale, second.Status);
        Assert.Equal("First", (await queries.GetByIdAsync(created.ProjectId))!.Title.En);
    }

    [Fact]
    public async Task A_category_with_ideas_cannot_be_removed_and_nothing_changes()
    {
        var admin = await AdminAsync();
        var created = await service.CreateAsync(admin, Draft());
        var project = await queries.GetByIdAsync(created.ProjectId);
        await using (var db = database.CreateContext())
        {
            db.Add(new Idea { ProjectId = project!.Id, CategoryId = project.Categories[0].Id, AuthorId = await TestUsers.CreateAsync(database, "Anna"),
                Title = "An idea in the category", Description = "A description long enough for an idea.", SubmittedAt = Start, SubmissionKey = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }

        var result = await service.UpdateAsync(admin, created.ProjectId, created.Version,
            Draft(categories: [new(null, LocalizedText.Of("Benches", "Скамейки"))]) with { Title = LocalizedText.Of("Changed", "Изменено") });

        Assert.Equal("Validation.CategoryInUse", Assert.Single(result.Errors).MessageKey);
        var unchanged = await queries.GetByIdAsync(created.ProjectId);
        Assert.Equal("Better parks", unchanged!.Title.En);
        Assert.Equal(["Playgrounds"], unchanged.Categories.Select(category => category.Name.En));
    }

    public void Dispose() => database.Dispose();
}
