using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Shared;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Commission;

/// <summary>Before a session closes, nobody learns how another member voted: not through a service, a page, an export or a live event.</summary>
public sealed class CommissionSecrecyTests : IDisposable
{
    private const string SecretComment = "SECRET-REASONING-7Q";

    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(CommissionHarness.Opens.AddHours(-1)));
    private readonly CommissionHarness harness;

    public CommissionSecrecyTests() => harness = new CommissionHarness(database, time);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Until_the_close_readers_see_only_their_own_ballot_and_how_many_have_voted()
    {
        var scene = await harness.OpenSceneAsync(members: 3);
        var events = new List<ILiveEvent>();
        // The vote and the recusal each announce a count: both heard means everything this test caused has been delivered.
        var bothCounted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = harness.LiveEvents.Subscribe<ILiveEvent>(CommissionTopics.Session(scene.SessionId), liveEvent =>
        {
            lock (events)
            {
                events.Add(liveEvent);
                if (events.Count(candidate => candidate is VotesCounted) >= 2)
                {
                    bothCounted.TrySetResult();
                }
            }
            return Task.CompletedTask;
        });
        var service = harness.Service();
        var idea = scene.Ideas[0].Id;
        await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, idea, BallotChoice.Against, SecretComment);
        await service.RecuseAsync(scene.Members[2].Principal, scene.SessionId, scene.Ideas[1].Id, "A conflict nobody else should read yet");

        foreach (var readerId in new[] { scene.Members[0].Id, scene.Members[2].Id })
        {
            var view = await harness.Queries().ForViewerAsync(scene.SessionId, readerId);
            var shown = view!.Ideas.Single(candidate => candidate.IdeaId == idea);
            Assert.Equal((null, 1, 3), (shown.MyBallot, shown.Voted, shown.Eligible));
            Assert.All(view.Ideas, candidate => Assert.Null(candidate.Result));
            Assert.All(view.Ideas, candidate => Assert.Empty(candidate.Ballots));
            Assert.DoesNotContain(SecretComment, JsonSerializer.Serialize(view));
        }
        var adminId = App.Infrastructure.Security.UserAccess.UserIdOf(scene.Admin)!;
        var adminView = await harness.Queries().ForViewerAsync(scene.SessionId, adminId);
        Assert.DoesNotContain(SecretComment, JsonSerializer.Serialize(adminView));
        Assert.All(adminView!.Ideas, candidate => Assert.Equal((null, null, 0), (candidate.MyBallot, candidate.Result, candidate.Ballots.Count)));
        Assert.Equal(1, adminView.Ideas.Single(candidate => candidate.IdeaId == idea).Voted);
        Assert.Null(await harness.Queries().ForMinutesAsync(scene.SessionId, scene.Members[0].Id));
        Assert.Null(await harness.Queries().ForMinutesAsync(scene.SessionId, adminId));
        Assert.Null(await harness.Queries().ResultsAsync(scene.Project.Slug));
        // The voter sees their own ballot, and only theirs.
        var own = (await harness.Queries().ForViewerAsync(scene.SessionId, scene.Members[1].Id))!.Ideas.Single(candidate => candidate.IdeaId == idea);
        Assert.Equal(new MyBallot(BallotChoice.Against, SecretComment), own.MyBallot);

        await bothCounted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (events)
        {
            Assert.NotEmpty(events);
            // Counts and "look again" signals only: no event type carries a direction or a comment.
            Assert.All(events, liveEvent => Assert.True(liveEvent is VotesCounted or SessionChanged, liveEvent.GetType().Name));
            Assert.Contains(events, liveEvent => liveEvent is VotesCounted { Voted: 1, Eligible: 3 });
            // Enums as names, so a leaked direction would read "Against" here rather than a number.
            var serialized = JsonSerializer.Serialize(events.Cast<object>(), new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } });
            Assert.DoesNotContain("Against", serialized);
            Assert.DoesNotContain(SecretComment, serialized);
        }
    }

    [Fact]
    public async Task After_the_close_members_see_tallies_and_names_only_once_published_and_only_when_public()
    {
        var scene = await harness.OpenSceneAsync(members: 3);
        var service = harness.Service();
        await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.Against, SecretComment);
        await service.CloseAsync(scene.Chair, scene.SessionId);

        var closed = (await harness.Queries().ForViewerAsync(scene.SessionId, scene.Members[2].Id))!.Ideas.Single(idea => idea.IdeaId == scene.Ideas[0].Id);
        Assert.Equal(new Tally(3, 0, 1, 0), closed.Result!.Tally);
        Assert.Empty(closed.Ballots);

        await using (var db = database.CreateContext())
        {
            await db.Set<CommissionSession>().ExecuteUpdateAsync(set => set.SetProperty(session => session.BallotsPublic, false));
        }
        await service.PublishAsync(scene.Chair, scene.SessionId);
        var secretAfterPublishing = await harness.Queries().ResultsAsync(scene.Project.Slug);
        Assert.All(secretAfterPublishing!.Ideas, idea => Assert.Empty(idea.Ballots));
        Assert.DoesNotContain(SecretComment, JsonSerializer.Serialize(secretAfterPublishing));
    }

    [Fact]
    public async Task Published_public_ballots_show_who_voted_how()
    {
        var scene = await harness.OpenSceneAsync(members: 3);
        var service = harness.Service();
        await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.Against, "Too costly");
        await service.CloseAsync(scene.Chair, scene.SessionId);
        await service.PublishAsync(scene.Chair, scene.SessionId);

        var results = await harness.Queries().ResultsAsync(scene.Project.Slug);

        Assert.Equal(new NamedBallot("Member 2", BallotChoice.Against, "Too costly"), Assert.Single(results!.Ideas.Single(idea => idea.IdeaId == scene.Ideas[0].Id).Ballots));
    }
}

/// <summary>The session page and the minutes over HTTP, as the chair and an admin would open them while voting is under way.</summary>
public sealed class CommissionPageSecrecyTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string SecretComment = "SECRET-PAGE-COMMENT-5K";

    private async Task<int> OpenSessionWithABallotAsync()
    {
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var author = await db.Users.Where(user => user.Email == "resident@activecitizen.example").Select(user => user.Id).SingleAsync();
        var chair = await db.Users.Where(user => user.Email == "commission@activecitizen.example").Select(user => user.Id).SingleAsync();
        var member = await db.Users.Where(user => user.Email == DemoAccounts.CommissionMembers[0].Email).Select(user => user.Id).SingleAsync();
        var project = new Project
        {
            Slug = $"secrecy-{Guid.NewGuid():N}", CreatedAt = now.AddDays(-30), Title = LocalizedText.Of("Secrecy test", "Тайна голосования"),
            Summary = LocalizedText.Of("Summary", "Кратко"), Description = LocalizedText.Of("Description", "Описание"),
            Phases = [new() { Kind = PhaseKind.Commission, StartsAt = now.AddDays(-1), EndsAt = now.AddDays(5) }],
            Categories = [new() { Name = LocalizedText.Of("General", "Общее") }],
        };
        db.Add(project);
        await db.SaveChangesAsync();
        var idea = new Idea
        {
            ProjectId = project.Id, CategoryId = project.Categories[0].Id, AuthorId = author, Title = "An idea under secret vote",
            Description = "A description long enough for an idea.", State = IdeaState.Shortlisted, SubmittedAt = now.AddDays(-20), SubmissionKey = Guid.NewGuid(),
        };
        db.Add(idea);
        var session = new CommissionSession
        {
            ProjectId = project.Id, ChairId = chair, OpensAt = now.AddHours(-2), ClosesAt = now.AddDays(2), CreatedAt = now.AddDays(-3), IdeasFrozenAt = now.AddHours(-2),
        };
        db.Add(session);
        await db.SaveChangesAsync();
        db.AddRange(new SessionMember { SessionId = session.Id, UserId = chair }, new SessionMember { SessionId = session.Id, UserId = member });
        db.Add(new SessionIdea { SessionId = session.Id, IdeaId = idea.Id, Position = 1 });
        db.Add(new Ballot { SessionId = session.Id, IdeaId = idea.Id, MemberId = member, Choice = BallotChoice.Against, Comment = SecretComment, CastAt = now.AddHours(-1) });
        await db.SaveChangesAsync();
        return session.Id;
    }

    [Theory]
    [InlineData("commission@activecitizen.example")]
    [InlineData("admin@activecitizen.example")]
    public async Task While_voting_runs_the_chair_and_admins_see_counts_not_directions_and_get_no_minutes(string email)
    {
        var sessionId = await OpenSessionWithABallotAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await StaticFormPost.SignInAsDemoAsync(client, email);

        var html = await client.GetStringAsync($"/commission/sessions/{sessionId}");
        var csv = await client.GetAsync($"/commission/sessions/{sessionId}/minutes.csv");
        var xlsx = await client.GetAsync($"/commission/sessions/{sessionId}/minutes.xlsx");

        Assert.Contains("An idea under secret vote", html);
        Assert.Contains("Voted: 1 of 2", html);
        Assert.DoesNotContain(SecretComment, html);
        Assert.DoesNotContain("against 1", html);
        Assert.DoesNotContain("How members voted", html);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (csv.StatusCode, xlsx.StatusCode));
    }
}
