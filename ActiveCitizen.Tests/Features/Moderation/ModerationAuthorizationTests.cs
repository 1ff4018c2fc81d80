using System.Security.Claims;
using System.Text.Json;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Moderation;

/// <summary>
/// Every moderation and screening action against every role: the one role it belongs to gets it done; anyone else is refused by
/// the service, however it is called, and the refusal changes nothing at all.
/// </summary>
public sealed class ModerationAuthorizationTests : IDisposable
{
    private const string Anonymous = "anonymous";
    private const string Resident = "resident";

    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(ModerationHarness.DuringScreening));

    public void Dispose() => database.Dispose();

    /// <summary>What the actions work on: ideas in each needed state, a tag, a comment.</summary>
    private sealed record Scene(ModerationHarness Harness, Idea Idea, Idea Other, Idea Hidden, Idea Feasible, int TagId, int OtherTagId, int CommentId);

    private static readonly (string Name, string Role, Func<Scene, ClaimsPrincipal, Task<ModerationStatus>> Act)[] Actions =
    [
        ("claim", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().ClaimAsync(user, ModerationItems.Idea(scene.Idea.Id))).Status),
        ("release", Roles.Moderator, async (scene, user) =>
        {
            await scene.Harness.Moderation().ClaimAsync(user, ModerationItems.Idea(scene.Idea.Id));
            return (await scene.Harness.Moderation().ReleaseAsync(user, ModerationItems.Idea(scene.Idea.Id))).Status;
        }),
        ("add tag", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().AddTagAsync(user, [scene.Idea.Id], scene.TagId)).Status),
        ("remove tag", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().RemoveTagAsync(user, scene.Other.Id, scene.OtherTagId)).Status),
        ("create tag", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().CreateTagAsync(user, "Lighting")).Result.Status),
        ("hide", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().HideIdeasAsync(user, [scene.Idea.Id], "Advertising")).Status),
        ("restore", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().RestoreIdeaAsync(user, scene.Hidden.Id, null)).Status),
        ("reject", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().RejectIdeaAsync(user, scene.Idea.Id, 1, "Not about this project")).Status),
        ("merge", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().MergeIdeaAsync(user, scene.Idea.Id, scene.Other.Id, null)).Status),
        ("mark triaged", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().MarkTriagedAsync(user, [scene.Idea.Id])).Status),
        ("review comment", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().ReviewCommentAsync(user, scene.CommentId, hide: true, "Rude")).Status),
        ("create rejection reason", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().CreateRejectionReasonAsync(user, "Too vague", "Слишком расплывчато")).Status),
        ("archive rejection reason", Roles.Moderator, async (scene, user) => (await scene.Harness.Moderation().ArchiveRejectionReasonAsync(user, 1)).Status),
        ("screen", Roles.Expert, async (scene, user) => (await scene.Harness.Screening().ScreenAsync(user, scene.Idea.Id, true, "Fits this year's budget.")).Status),
        ("shortlist", Roles.Expert, async (scene, user) => (await scene.Harness.Screening().ShortlistAsync(user, scene.Feasible.Id, true)).Status),
    ];

    private static readonly string[] AllRoles = [Anonymous, Resident, Roles.Moderator, Roles.Expert, Roles.CommissionMember, Roles.Admin];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _, _) in Actions)
        {
            foreach (var role in AllRoles)
            {
                data.Add(name, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_action_is_done_for_its_role_only_and_a_refusal_changes_nothing(string actionName, string role)
    {
        var (_, allowedRole, act) = Actions.Single(action => action.Name == actionName);
        var scene = await SceneAsync();
        var user = role switch
        {
            Anonymous => TestUsers.Anonymous,
            Resident => (await scene.Harness.UserAsync("Resident")).Principal,
            _ => (await scene.Harness.UserAsync(role, role)).Principal,
        };
        var before = await WorldAsync();

        var status = await act(scene, user);

        if (role == allowedRole)
        {
            Assert.Equal(ModerationStatus.Done, status);
        }
        else
        {
            Assert.Equal(role == Anonymous ? ModerationStatus.SignInRequired : ModerationStatus.Forbidden, status);
            Assert.Equal(before, await WorldAsync());
        }
    }

    [Fact]
    public async Task A_moderator_whose_role_was_revoked_is_refused_on_the_next_action_in_an_open_circuit()
    {
        var scene = await SceneAsync();
        var (moderatorId, moderator) = await scene.Harness.UserAsync("Moderator", Roles.Moderator);
        Assert.Equal(ModerationStatus.Done, (await scene.Harness.Moderation().MarkTriagedAsync(moderator, [scene.Idea.Id])).Status);
        await using (var db = database.CreateContext())
        {
            await db.UserRoles.Where(grant => grant.UserId == moderatorId).ExecuteDeleteAsync();
        }
        var before = await WorldAsync();

        // The circuit's principal still carries the Moderator claim.
        var result = await scene.Harness.Moderation().HideIdeasAsync(moderator, [scene.Other.Id], "Spam");

        Assert.Equal(ModerationStatus.Forbidden, result.Status);
        Assert.Equal(before, await WorldAsync());
    }

    private async Task<Scene> SceneAsync()
    {
        var harness = new ModerationHarness(database, time);
        var project = await harness.ProjectAsync();
        var (authorId, _) = await harness.UserAsync("Author");
        var idea = await harness.IdeaAsync(project, authorId, "Show the full bill");
        var other = await harness.IdeaAsync(project, authorId, "Show the whole bill");
        var hidden = await harness.IdeaAsync(project, authorId, "Hidden after reports");
        var feasible = await harness.IdeaAsync(project, authorId, "Found feasible", IdeaState.Feasible);
        var tagId = await harness.TagAsync("mobile-app");
        var otherTagId = await harness.TagAsync("accessibility");
        await using (var db = database.CreateContext())
        {
            db.Add(new IdeaTag { IdeaId = other.Id, TagId = otherTagId });
            await db.SaveChangesAsync();
            await db.Set<Idea>().Where(candidate => candidate.Id == hidden.Id).ExecuteUpdateAsync(set => set
                .SetProperty(candidate => candidate.HiddenAt, ModerationHarness.DuringScreening.AddHours(-1))
                .SetProperty(candidate => candidate.HiddenBy, IdeaHiddenBy.Reports)
                .SetProperty(candidate => candidate.OpenReports, 3));
        }
        var (_, commenter) = await harness.UserAsync("Commenter");
        var comment = await harness.Discussions().PostAsync(commenter,
            new CommentDraft(DiscussionTargets.Idea, idea.Id, null, "Something rude", CommentStance.None, Guid.NewGuid()));
        return new Scene(harness, idea, other, hidden, feasible, tagId, otherTagId, comment.Comment!.Id);
    }

    /// <summary>Everything an action could change, as one comparable text.</summary>
    private async Task<string> WorldAsync()
    {
        await using var db = database.CreateContext();
        var world = new
        {
            Ideas = await db.Set<Idea>().OrderBy(idea => idea.Id)
                .Select(idea => new { idea.Id, idea.State, idea.StateReason, idea.HiddenAt, idea.HiddenBy, idea.MergedIntoId, idea.TriagedAt, idea.OpenReports, idea.SupportCount, idea.Version })
                .ToListAsync(),
            IdeaTags = await db.Set<IdeaTag>().OrderBy(tagged => tagged.IdeaId).ThenBy(tagged => tagged.TagId).Select(tagged => new { tagged.IdeaId, tagged.TagId }).ToListAsync(),
            Tags = await db.Set<Tag>().CountAsync(),
            Reasons = await db.Set<RejectionReason>().OrderBy(reason => reason.Id).Select(reason => new { reason.Id, reason.Archived }).ToListAsync(),
            Comments = await db.Set<Comment>().OrderBy(comment => comment.Id).Select(comment => new { comment.Id, comment.HiddenAt, comment.HiddenReason, comment.Version }).ToListAsync(),
            Claims = await db.Set<ModerationClaim>().CountAsync(),
            Audit = await db.Set<AuditEntry>().CountAsync(),
            Notifications = await db.Set<Notification>().CountAsync(),
        };
        return JsonSerializer.Serialize(world);
    }
}
