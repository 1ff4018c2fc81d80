using System.Security.Claims;
using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Moderation;

/// <summary>The moderation and screening services wired as the app wires them, on a real database.</summary>
public sealed class ModerationHarness(TestDatabase database, FakeTimeProvider time)
{
    /// <summary>A day into the test project's screening phase (which also opens comments).</summary>
    public static readonly DateTime DuringScreening = TestProjects.SubmissionCloses.AddDays(1);

    public InProcessLiveEvents LiveEvents { get; } = new(NullLogger<InProcessLiveEvents>.Instance);

    private NotificationsService Notifications => new(database.Factory, LiveEvents, time);

    private IdeaActionRunner Runner => new(database.Factory, new UserAccess(database.Factory), Notifications, LiveEvents, time);

    public DiscussionService Discussions() => new(
        database.Factory, [new IdeaDiscussionTarget(database.Factory, new ProjectQueries(database.Factory, time), time)], new CommentMarkup(),
        Notifications, new UserAccess(database.Factory), LiveEvents, time);

    public ModerationService Moderation() => new(database.Factory, Runner, Discussions(), LiveEvents, time);

    public ScreeningService Screening() => new(Runner, new ProjectQueries(database.Factory, time), [new CommissionShortlistLock(database.Factory, time)], time);

    public IdeasService Ideas() => new(database.Factory, new ProjectQueries(database.Factory, time), new UserAccess(database.Factory), LiveEvents, time);

    public ModerationQueries Queries() => new(database.Factory, new IdeaAttentionQueries(database.Factory), new DiscussionQueries(database.Factory), time);

    public async Task<Project> ProjectAsync() => await TestProjects.CreateAsync(database, $"housing-{Guid.NewGuid():N}");

    public async Task<Idea> IdeaAsync(Project project, string authorId, string title = "Show the full bill", IdeaState state = IdeaState.Submitted) =>
        await TestProjects.AddIdeaAsync(database, project, authorId, title, "A long enough description of the idea.", state);

    public async Task<(string Id, ClaimsPrincipal Principal)> UserAsync(string name, params string[] roles)
    {
        var id = await TestUsers.CreateAsync(database, name, roles);
        return (id, TestUsers.Principal(id, roles));
    }

    public async Task<int> TagAsync(string slug = "mobile-app")
    {
        await using var db = database.CreateContext();
        var tag = new Tag { Slug = slug, Name = App.Shared.LocalizedText.Of("Mobile app", "Мобильное приложение"), Color = "#1b5fa8" };
        db.Add(tag);
        await db.SaveChangesAsync();
        return tag.Id;
    }

    public async Task SupportAsync(int ideaId, params string[] userIds)
    {
        await using var db = database.CreateContext();
        db.AddRange(userIds.Select(userId => new IdeaSupport { IdeaId = ideaId, UserId = userId, SupportedAt = TestProjects.SubmissionOpens.AddHours(3) }));
        await db.SaveChangesAsync();
        await db.Set<Idea>().Where(idea => idea.Id == ideaId).ExecuteUpdateAsync(set => set.SetProperty(idea => idea.SupportCount, idea => idea.SupportCount + userIds.Length));
    }

    public async Task FollowAsync(int ideaId, params string[] userIds)
    {
        await using var db = database.CreateContext();
        db.AddRange(userIds.Select(userId => new IdeaFollow { IdeaId = ideaId, UserId = userId, FollowedAt = TestProjects.SubmissionOpens.AddHours(3) }));
        await db.SaveChangesAsync();
    }

    public async Task<Idea> StoredIdeaAsync(int ideaId)
    {
        await using var db = database.CreateContext();
        return await db.Set<Idea>().AsNoTracking().SingleAsync(idea => idea.Id == ideaId);
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = database.CreateContext();
        return await db.Set<AuditEntry>().AsNoTracking().OrderBy(entry => entry.Id).ToListAsync();
    }
}
