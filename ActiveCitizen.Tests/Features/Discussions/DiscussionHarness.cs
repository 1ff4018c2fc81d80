using System.Security.Claims;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Discussions;

/// <summary>The discussion services wired as the app wires them, on a real database, with a project whose idea is open for comments.</summary>
public sealed class DiscussionHarness(TestDatabase database, FakeTimeProvider time)
{
    public static readonly DateTime CommentsOpen = TestProjects.SubmissionOpens.AddHours(2);

    public InProcessLiveEvents LiveEvents { get; } = new(NullLogger<InProcessLiveEvents>.Instance);
    public CommentMarkup Markup { get; } = new();

    public DiscussionService Service() => new(
        database.Factory, [new IdeaDiscussionTarget(database.Factory, new ProjectQueries(database.Factory, time), time)], Markup,
        new NotificationsService(database.Factory, LiveEvents, time), new UserAccess(database.Factory), LiveEvents, time);

    public DiscussionQueries Queries() => new(database.Factory);

    public NotificationsService Notifications() => new(database.Factory, LiveEvents, time);

    /// <summary>A project in its submission phase (comments open) with one idea by "Author".</summary>
    public async Task<(Idea Idea, string AuthorId)> IdeaAsync(IdeaState state = IdeaState.Submitted)
    {
        var project = await TestProjects.CreateAsync(database, $"housing-{Guid.NewGuid():N}");
        var authorId = await TestUsers.CreateAsync(database, "Author");
        var idea = await TestProjects.AddIdeaAsync(database, project, authorId, "Show the full bill", "A long enough description of the idea.", state);
        return (idea, authorId);
    }

    public async Task<(string Id, ClaimsPrincipal Principal)> ResidentAsync(string name, params string[] roles)
    {
        var id = await TestUsers.CreateAsync(database, name, roles);
        return (id, TestUsers.Principal(id, roles));
    }

    public static CommentDraft Draft(Idea idea, string body = "I agree, this would help a lot.", int? parentId = null, CommentStance stance = CommentStance.None) =>
        new(DiscussionTargets.Idea, idea.Id, parentId, body, stance, Guid.NewGuid());

    /// <summary>Posts and insists it worked, returning the comment.</summary>
    public async Task<CommentView> PostAsync(ClaimsPrincipal author, Idea idea, string body = "I agree, this would help a lot.", int? parentId = null, CommentStance stance = CommentStance.None)
    {
        var result = await Service().PostAsync(author, Draft(idea, body, parentId, stance));
        Assert.Equal(CommentStatus.Done, result.Status);
        return result.Comment!;
    }
}
