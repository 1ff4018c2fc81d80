using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Commission;

public sealed class CommissionServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(CommissionHarness.Opens.AddHours(-1)));
    private readonly CommissionHarness harness;

    public CommissionServiceTests() => harness = new CommissionHarness(database, time);

    public void Dispose() => database.Dispose();

    private void At(DateTime instant) => time.SetUtcNow(new DateTimeOffset(instant));

    /// <summary>Quorum is "more than the share of members not recused"; abstentions count toward it but not for or against.</summary>
    [Theory]
    // eligible, for, against, abstain, quorum %, rule, outcome
    [InlineData(5, 3, 0, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Approved)]
    [InlineData(5, 2, 0, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.NoQuorum)]
    [InlineData(4, 2, 0, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.NoQuorum)]
    [InlineData(4, 2, 1, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Approved)]
    [InlineData(5, 1, 1, 1, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Rejected)]
    [InlineData(5, 2, 2, 1, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Rejected)]
    [InlineData(5, 1, 0, 2, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Approved)]
    [InlineData(5, 0, 0, 3, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Rejected)]
    [InlineData(3, 2, 0, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Approved)]
    [InlineData(0, 0, 0, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.NoQuorum)]
    [InlineData(1, 1, 0, 0, 50, DecisionRule.MoreForThanAgainst, IdeaOutcome.Approved)]
    [InlineData(5, 4, 0, 0, 75, DecisionRule.MoreForThanAgainst, IdeaOutcome.Approved)]
    [InlineData(4, 3, 0, 0, 75, DecisionRule.MoreForThanAgainst, IdeaOutcome.NoQuorum)]
    [InlineData(5, 2, 1, 2, 50, DecisionRule.MajorityOfMembers, IdeaOutcome.Rejected)]
    [InlineData(5, 3, 1, 1, 50, DecisionRule.MajorityOfMembers, IdeaOutcome.Approved)]
    [InlineData(4, 2, 0, 1, 50, DecisionRule.MajorityOfMembers, IdeaOutcome.Rejected)]
    public void Quorum_and_decision_follow_the_rules(int eligible, int votesFor, int against, int abstain, int quorum, DecisionRule rule, IdeaOutcome expected) =>
        Assert.Equal(expected, CommissionRules.Outcome(new Tally(eligible, votesFor, against, abstain), quorum, rule));

    [Fact]
    public async Task Recused_members_leave_the_quorum_of_that_idea_and_the_count_says_so()
    {
        var scene = await harness.SceneAsync(members: 4);
        At(CommissionHarness.Opens);
        var service = harness.Service();
        var idea = scene.Ideas[0].Id;

        await service.RecuseAsync(scene.Members[3].Principal, scene.SessionId, idea, "My brother wrote this idea");
        await service.RecuseAsync(scene.Members[2].Principal, scene.SessionId, idea, "I work for the contractor");
        var vote = await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, idea, BallotChoice.For, null);
        var refused = await service.VoteAsync(scene.Members[3].Principal, scene.SessionId, idea, BallotChoice.Against, null);
        await service.VoteAsync(scene.Members[0].Principal, scene.SessionId, idea, BallotChoice.Abstain, null);
        At(CommissionHarness.Closes);
        await service.AdvanceAsync(scene.SessionId);

        Assert.Equal((1, 2), (vote.Voted, vote.Eligible));
        Assert.Equal(CommissionStatus.Recused, refused.Status);
        var result = (await harness.Queries().ForViewerAsync(scene.SessionId, scene.Members[0].Id))!.Ideas.Single(shown => shown.IdeaId == idea).Result!;
        // Two of two eligible members voted (one abstained): quorum; one for, none against: approved.
        Assert.Equal((IdeaOutcome.Approved, new Tally(2, 1, 0, 1)), (result.Outcome, result.Tally));
    }

    [Theory]
    [InlineData(-1, CommissionStatus.Done)]
    [InlineData(0, CommissionStatus.Closed)]
    [InlineData(10_000, CommissionStatus.Closed)]
    public async Task A_ballot_is_taken_until_the_closing_time_and_refused_from_it(long ticksFromClosing, CommissionStatus expected)
    {
        var scene = await harness.SceneAsync();
        At(CommissionHarness.Closes.AddTicks(ticksFromClosing));

        var result = await harness.Service().VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null);

        Assert.Equal(expected, result.Status);
        await using var db = database.CreateContext();
        Assert.Equal(expected == CommissionStatus.Done ? 1 : 0, await db.Set<Ballot>().CountAsync());
    }

    [Fact]
    public async Task Before_it_opens_a_session_takes_no_ballots_and_the_shortlist_can_still_change()
    {
        var scene = await harness.SceneAsync();

        var early = await harness.Service().VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null);
        var lockBefore = await new CommissionShortlistLock(database.Factory, time).IsFrozenAsync(scene.Project.Id, CancellationToken.None);
        At(CommissionHarness.Opens);
        var lockAfter = await new CommissionShortlistLock(database.Factory, time).IsFrozenAsync(scene.Project.Id, CancellationToken.None);

        Assert.Equal(CommissionStatus.NotOpen, early.Status);
        Assert.Equal((false, true), (lockBefore, lockAfter));
    }

    [Fact]
    public async Task The_shortlist_is_frozen_when_the_session_opens_later_shortlisting_does_not_join_it()
    {
        var scene = await harness.SceneAsync(ideas: 2);
        At(CommissionHarness.Opens.AddMinutes(1));
        await harness.Service().AdvanceAsync(scene.SessionId);
        // Slipped onto the shortlist behind the rules' back after the opening: the frozen list does not take it.
        await TestProjects.AddIdeaAsync(database, scene.Project, scene.AuthorId, "Shortlisted too late", "A long enough description of the idea.", IdeaState.Shortlisted);
        await harness.Service().AdvanceAsync(scene.SessionId);

        var shown = await harness.Queries().ForViewerAsync(scene.SessionId, scene.Members[0].Id);
        Assert.Equal(scene.Ideas.Select(idea => idea.Id).Order(), shown!.Ideas.Select(idea => idea.IdeaId).Order());
    }

    [Fact]
    public async Task Fifty_parallel_ballots_by_one_member_leave_one()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new CommissionHarness(onDisk, time);
        var scene = await racing.SceneAsync();
        At(CommissionHarness.Opens.AddHours(1));
        var choices = new[] { BallotChoice.For, BallotChoice.Against, BallotChoice.Abstain };

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(index => Task.Run(() =>
            racing.Service().VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, choices[index % 3], $"attempt {index}"))));

        Assert.All(results, result => Assert.Contains(result.Status, new[] { CommissionStatus.Done, CommissionStatus.AlreadyDone }));
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<Ballot>().CountAsync());
        Assert.All(results.Where(result => result.Status == CommissionStatus.Done), result => Assert.Equal((1, 3), (result.Voted, result.Eligible)));
    }

    [Fact]
    public async Task A_member_changes_the_vote_until_the_close_and_the_count_counts_members_not_changes()
    {
        var scene = await harness.SceneAsync();
        At(CommissionHarness.Opens.AddHours(1));
        var service = harness.Service();
        var member = scene.Members[1].Principal;

        await service.VoteAsync(member, scene.SessionId, scene.Ideas[0].Id, BallotChoice.Against, "Too expensive");
        var changed = await service.VoteAsync(member, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, "Convinced by the costing");

        Assert.Equal((CommissionStatus.Done, 1), (changed.Status, changed.Voted));
        await using var db = database.CreateContext();
        var ballot = await db.Set<Ballot>().SingleAsync();
        Assert.Equal((BallotChoice.For, "Convinced by the costing"), (ballot.Choice, ballot.Comment));
    }

    [Fact]
    public async Task Only_members_vote_only_the_chair_closes_and_publishes_only_admins_author_and_a_revoked_role_stops_at_once()
    {
        var scene = await harness.SceneAsync();
        At(CommissionHarness.Opens.AddHours(1));
        var service = harness.Service();
        var (_, outsider) = await harness.UserAsync("Other member", Roles.CommissionMember);
        var (_, resident) = await harness.UserAsync("Resident");

        Assert.Equal(CommissionStatus.Forbidden, (await service.VoteAsync(outsider, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null)).Status);
        Assert.Equal(CommissionStatus.Forbidden, (await service.VoteAsync(scene.Admin, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null)).Status);
        Assert.Equal(CommissionStatus.SignInRequired, (await service.VoteAsync(TestUsers.Anonymous, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null)).Status);
        Assert.Equal(CommissionStatus.Forbidden, (await service.CloseAsync(scene.Members[1].Principal, scene.SessionId)).Status);
        Assert.Equal(CommissionStatus.Forbidden, (await service.CloseAsync(scene.Admin, scene.SessionId)).Status);
        Assert.Equal(CommissionStatus.Forbidden, (await service.CreateSessionAsync(resident, new SessionDraft(scene.Project.Id, [scene.Members[0].Id],
            scene.Members[0].Id, CommissionHarness.Opens, CommissionHarness.Closes, 50, DecisionRule.MoreForThanAgainst, true))).Status);

        await using (var db = database.CreateContext())
        {
            await db.UserRoles.Where(grant => grant.UserId == scene.Members[2].Id).ExecuteDeleteAsync();
        }
        Assert.Equal(CommissionStatus.Forbidden, (await service.VoteAsync(scene.Members[2].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null)).Status);
        await using var check = database.CreateContext();
        Assert.False(await check.Set<Ballot>().AnyAsync());
        Assert.Null((await check.Set<CommissionSession>().SingleAsync()).ClosedEarlyAt);
    }

    [Fact]
    public async Task A_session_authored_with_wrong_members_or_times_is_refused_with_reasons()
    {
        var scene = await harness.SceneAsync();
        var (residentId, _) = await harness.UserAsync("Not on the commission");

        var result = await harness.Service().CreateSessionAsync(scene.Admin, new SessionDraft(
            scene.Project.Id, [scene.Members[0].Id, residentId], scene.Members[1].Id, CommissionHarness.Closes, CommissionHarness.Opens, 0,
            DecisionRule.MoreForThanAgainst, true));

        Assert.Equal(CommissionStatus.Invalid, result.Status);
        Assert.Equal(
            ["Validation.CommissionProjectTaken", "Validation.CommissionMembersRole", "Validation.CommissionChair", "Validation.CommissionClosesAfterOpening", "Validation.CommissionQuorum"],
            result.Errors!.Select(error => error.MessageKey));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<CommissionSession>().CountAsync());
    }

    [Fact]
    public async Task A_project_gets_one_session_and_a_session_cannot_be_authored_to_open_in_the_past()
    {
        var scene = await harness.SceneAsync();
        var draft = new SessionDraft(scene.Project.Id, [scene.Members[0].Id], scene.Members[0].Id, CommissionHarness.Opens, CommissionHarness.Closes, 50,
            DecisionRule.MoreForThanAgainst, true);

        var second = await harness.Service().CreateSessionAsync(scene.Admin, draft);
        var otherProject = await TestProjects.CreateAsync(database, "other-project");
        var inThePast = await harness.Service().CreateSessionAsync(scene.Admin, draft with { ProjectId = otherProject.Id, OpensAt = time.GetUtcNow().UtcDateTime.AddMinutes(-1) });

        Assert.Equal(["Validation.CommissionProjectTaken"], second.Errors!.Select(error => error.MessageKey));
        Assert.Equal(["Validation.CommissionOpensInFuture"], inThePast.Errors!.Select(error => error.MessageKey));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<CommissionSession>().CountAsync());
    }

    [Fact]
    public async Task Ballots_racing_the_chairs_close_are_either_refused_or_counted_never_acknowledged_and_dropped()
    {
        var scene = await harness.SceneAsync(members: 12);
        At(CommissionHarness.Opens.AddHours(1));
        var service = harness.Service();
        var idea = scene.Ideas[0].Id;

        var voting = Task.WhenAll(scene.Members.Skip(1).Select(member => Task.Run(() => service.VoteAsync(member.Principal, scene.SessionId, idea, BallotChoice.For, null))));
        var closing = Task.Run(() => service.CloseAsync(scene.Chair, scene.SessionId));
        var votes = await voting;
        var close = await closing;

        Assert.Equal(CommissionStatus.Done, close.Status);
        Assert.All(votes, vote => Assert.Contains(vote.Status, new[] { CommissionStatus.Done, CommissionStatus.Closed }));
        var acknowledged = votes.Count(vote => vote.Status == CommissionStatus.Done);
        var result = (await harness.Queries().ForViewerAsync(scene.SessionId, scene.Members[0].Id))!.Ideas.Single(shown => shown.IdeaId == idea).Result!;
        Assert.Equal(acknowledged, result.Tally.For);
        Assert.Equal(CommissionStatus.Closed, (await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, idea, BallotChoice.Against, null)).Status);
    }

    [Fact]
    public async Task An_admin_hands_the_chair_to_another_member_who_then_closes_while_the_old_chair_cannot()
    {
        var scene = await harness.SceneAsync();
        var (outsiderId, _) = await harness.UserAsync("Not on this session", Roles.CommissionMember);
        var service = harness.Service();

        var toOutsider = await service.ReassignChairAsync(scene.Admin, scene.SessionId, outsiderId);
        var byMember = await service.ReassignChairAsync(scene.Members[1].Principal, scene.SessionId, scene.Members[1].Id);
        var handed = await service.ReassignChairAsync(scene.Admin, scene.SessionId, scene.Members[1].Id);
        At(CommissionHarness.Opens.AddHours(1));

        Assert.Equal((CommissionStatus.Invalid, CommissionStatus.Forbidden, CommissionStatus.Done), (toOutsider.Status, byMember.Status, handed.Status));
        Assert.Equal(CommissionStatus.Forbidden, (await service.CloseAsync(scene.Chair, scene.SessionId)).Status);
        Assert.Equal(CommissionStatus.Done, (await service.CloseAsync(scene.Members[1].Principal, scene.SessionId)).Status);
        await using var db = database.CreateContext();
        var audit = await db.Set<AuditEntry>().SingleAsync(entry => entry.Action == AuditActions.CommissionChairChanged);
        Assert.Equal(($"commission:{scene.SessionId}", "Admin"), (audit.Target, audit.ActorName));
        Assert.Contains(scene.Members[1].Id, audit.After!);
    }

    [Fact]
    public async Task The_session_closes_itself_at_its_closing_time_and_counts_once()
    {
        var scene = await harness.SceneAsync();
        At(CommissionHarness.Opens.AddHours(1));
        var service = harness.Service();
        foreach (var member in scene.Members)
        {
            await service.VoteAsync(member.Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null);
        }
        At(CommissionHarness.Closes);

        await service.AdvanceAsync(scene.SessionId);
        await service.AdvanceAsync(scene.SessionId);

        await using var db = database.CreateContext();
        var counted = await db.Set<SessionIdea>().OrderBy(idea => idea.Position).ToListAsync();
        var first = counted.Single(idea => idea.IdeaId == scene.Ideas[0].Id);
        Assert.Equal((IdeaOutcome.Approved, 3, 3), (first.Outcome, first.For, first.Eligible));
        Assert.Equal(IdeaOutcome.NoQuorum, counted.Single(idea => idea.IdeaId == scene.Ideas[1].Id).Outcome);
        Assert.Equal(CommissionHarness.Closes, (await db.Set<CommissionSession>().SingleAsync()).ResultsCountedAt);
    }

    [Fact]
    public async Task Publishing_decides_the_ideas_and_tells_exactly_their_authors_supporters_and_followers()
    {
        var scene = await harness.SceneAsync(members: 3, ideas: 2);
        var (supporterId, _) = await harness.UserAsync("Supporter");
        var (followerId, _) = await harness.UserAsync("Follower");
        var (bothId, _) = await harness.UserAsync("Supports and follows");
        await harness.UserAsync("Bystander");
        await using (var db = database.CreateContext())
        {
            db.AddRange(new IdeaSupport { IdeaId = scene.Ideas[0].Id, UserId = supporterId, SupportedAt = CommissionHarness.Opens.AddDays(-20) },
                new IdeaSupport { IdeaId = scene.Ideas[0].Id, UserId = bothId, SupportedAt = CommissionHarness.Opens.AddDays(-20) },
                new IdeaSupport { IdeaId = scene.Ideas[1].Id, UserId = supporterId, SupportedAt = CommissionHarness.Opens.AddDays(-20) });
            db.AddRange(new IdeaFollow { IdeaId = scene.Ideas[0].Id, UserId = followerId, FollowedAt = CommissionHarness.Opens.AddDays(-20) },
                new IdeaFollow { IdeaId = scene.Ideas[0].Id, UserId = bothId, FollowedAt = CommissionHarness.Opens.AddDays(-20) });
            await db.SaveChangesAsync();
        }
        At(CommissionHarness.Opens.AddHours(1));
        var service = harness.Service();
        foreach (var member in scene.Members)
        {
            await service.VoteAsync(member.Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null);
            await service.VoteAsync(member.Principal, scene.SessionId, scene.Ideas[1].Id, BallotChoice.Against, null);
        }
        Assert.Equal(CommissionStatus.StillOpen, (await service.PublishAsync(scene.Chair, scene.SessionId)).Status);
        Assert.Equal(CommissionStatus.Done, (await service.CloseAsync(scene.Chair, scene.SessionId)).Status);
        await service.SetRationaleAsync(scene.Chair, scene.SessionId, scene.Ideas[0].Id, "Cheap and asked for by many.");

        var published = await service.PublishAsync(scene.Chair, scene.SessionId);
        var again = await service.PublishAsync(scene.Chair, scene.SessionId);

        Assert.Equal((CommissionStatus.Done, CommissionStatus.AlreadyPublished), (published.Status, again.Status));
        await using var check = database.CreateContext();
        var ideas = await check.Set<Idea>().Where(idea => scene.Ideas.Select(shown => shown.Id).Contains(idea.Id)).OrderBy(idea => idea.Id).ToListAsync();
        Assert.Equal((IdeaState.Selected, "Cheap and asked for by many."), (ideas[0].State, ideas[0].StateReason));
        Assert.Equal(IdeaState.NotSelected, ideas[1].State);
        var told = await check.Set<Notification>().Select(notification => new { notification.UserId, notification.Kind, notification.Subject }).ToListAsync();
        Assert.Equal(6, told.Count);
        Assert.Contains(told, entry => entry.UserId == scene.AuthorId && entry.Kind == NotificationKind.YourIdeaSelected && entry.Subject == scene.Ideas[0].Title);
        Assert.Contains(told, entry => entry.UserId == scene.AuthorId && entry.Kind == NotificationKind.YourIdeaNotSelected);
        Assert.Equal(2, told.Count(entry => entry.UserId == supporterId));
        Assert.Single(told, entry => entry.UserId == followerId && entry.Kind == NotificationKind.SupportedIdeaSelected);
        Assert.Single(told, entry => entry.UserId == bothId);
        var trail = await check.Set<AuditEntry>().OrderBy(entry => entry.Id).Select(entry => entry.Action).ToListAsync();
        Assert.Equal([AuditActions.CommissionClosed, AuditActions.IdeaSelected, AuditActions.IdeaNotSelected, AuditActions.CommissionPublished], trail);
        Assert.NotNull(await harness.Queries().ResultsAsync(scene.Project.Slug));
    }
}
