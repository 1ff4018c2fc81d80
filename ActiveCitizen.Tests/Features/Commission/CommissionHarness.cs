using System.Security.Claims;
using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Commission;

/// <summary>A commission session on a project with shortlisted ideas, with the services wired as the app wires them.</summary>
public sealed class CommissionHarness(TestDatabase database, FakeTimeProvider time)
{
    /// <summary>When the test sessions open and close: a day after the test project's discussion phase ends.</summary>
    public static readonly DateTime Opens = TestProjects.DiscussionCloses.AddDays(1);
    public static readonly DateTime Closes = Opens.AddDays(3);

    public InProcessLiveEvents LiveEvents { get; } = new(NullLogger<InProcessLiveEvents>.Instance);

    public CommissionService Service() => new(
        database.Factory, new UserAccess(database.Factory), new ProjectQueries(database.Factory, time), new NotificationsService(database.Factory, LiveEvents, time),
        LiveEvents, time);

    public CommissionQueries Queries() => new(database.Factory, new UserAccess(database.Factory), time);

    public async Task<(string Id, ClaimsPrincipal Principal)> UserAsync(string name, params string[] roles)
    {
        var id = await TestUsers.CreateAsync(database, name, roles);
        return (id, TestUsers.Principal(id, roles));
    }

    /// <summary>A project with shortlisted ideas (by "Author") and a session of the given members, the first of them chairing.</summary>
    public async Task<Scene> SceneAsync(int members = 3, int ideas = 2, string firstTitle = "Shortlisted idea")
    {
        var project = await TestProjects.CreateAsync(database, $"project-{Guid.NewGuid():N}");
        var (authorId, _) = await UserAsync("Author");
        var shortlisted = new List<Idea>();
        for (var index = 0; index < ideas; index++)
        {
            shortlisted.Add(await TestProjects.AddIdeaAsync(database, project, authorId, index == 0 ? firstTitle : $"Shortlisted idea {index + 1}",
                "A long enough description of the idea.", IdeaState.Shortlisted));
        }
        var memberList = new List<(string Id, ClaimsPrincipal Principal)>();
        for (var index = 0; index < members; index++)
        {
            memberList.Add(await UserAsync($"Member {index + 1}", Roles.CommissionMember));
        }
        var (_, admin) = await UserAsync("Admin", Roles.Admin);
        var created = await Service().CreateSessionAsync(admin, new SessionDraft(
            project.Id, [.. memberList.Select(member => member.Id)], memberList[0].Id, Opens, Closes, CommissionLimits.DefaultQuorumPercent,
            DecisionRule.MoreForThanAgainst, BallotsPublic: true));
        Assert.Equal(CommissionStatus.Done, created.Status);
        return new Scene(project, authorId, shortlisted, memberList, admin, created.SessionId);
    }

    /// <summary>A scene whose session has been open for an hour: sessions are authored before they open, so the clock moves on after.</summary>
    public async Task<Scene> OpenSceneAsync(int members = 3, int ideas = 2, string firstTitle = "Shortlisted idea")
    {
        var scene = await SceneAsync(members, ideas, firstTitle);
        time.SetUtcNow(new DateTimeOffset(Opens.AddHours(1)));
        return scene;
    }

    public sealed record Scene(Project Project, string AuthorId, List<Idea> Ideas, List<(string Id, ClaimsPrincipal Principal)> Members, ClaimsPrincipal Admin, int SessionId)
    {
        public ClaimsPrincipal Chair => Members[0].Principal;
    }
}
