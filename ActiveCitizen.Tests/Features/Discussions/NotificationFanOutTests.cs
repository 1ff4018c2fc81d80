using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Discussions;

/// <summary>Who hears about a comment: the idea's author, its followers, the author of the comment answered; each once; never oneself.</summary>
public sealed class NotificationFanOutTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(DiscussionHarness.CommentsOpen));
    private readonly DiscussionHarness harness;

    public NotificationFanOutTests() => harness = new DiscussionHarness(database, time);

    public void Dispose() => database.Dispose();

    private async Task FollowAsync(Idea idea, string userId)
    {
        await using var db = database.CreateContext();
        db.Add(new IdeaFollow { IdeaId = idea.Id, UserId = userId, FollowedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private async Task<List<(string UserId, NotificationKind Kind)>> NotificationsAsync()
    {
        await using var db = database.CreateContext();
        return [.. (await db.Set<Notification>().OrderBy(notification => notification.Id).ToListAsync()).Select(notification => (notification.UserId, notification.Kind))];
    }

    [Fact]
    public async Task A_new_comment_reaches_the_ideas_author_and_followers_but_not_the_one_who_wrote_it()
    {
        var (idea, authorId) = await harness.IdeaAsync();
        var (followerId, _) = await harness.ResidentAsync("Follower");
        var (commenterId, commenter) = await harness.ResidentAsync("Commenter");
        await harness.ResidentAsync("Bystander");
        await FollowAsync(idea, followerId);
        await FollowAsync(idea, commenterId);

        await harness.PostAsync(commenter, idea, "What about **older** residents?");

        var received = await NotificationsAsync();
        Assert.Equal(2, received.Count);
        Assert.Contains((authorId, NotificationKind.CommentOnYourIdea), received);
        Assert.Contains((followerId, NotificationKind.CommentOnFollowedIdea), received);
        await using var db = database.CreateContext();
        var toAuthor = await db.Set<Notification>().SingleAsync(notification => notification.UserId == authorId);
        Assert.Equal(("Commenter", "Show the full bill", "What about older residents?"), (toAuthor.ActorName, toAuthor.Subject, toAuthor.Excerpt));
        Assert.StartsWith($"/ideas/{idea.Id}#comment-", toAuthor.Url);
    }

    [Fact]
    public async Task A_reply_tells_the_author_answered_once_under_the_most_personal_reason()
    {
        var (idea, authorId) = await harness.IdeaAsync();
        var author = TestUsers.Principal(authorId);
        var (followerId, follower) = await harness.ResidentAsync("Follower");
        var (otherFollowerId, _) = await harness.ResidentAsync("Other follower");
        await FollowAsync(idea, followerId);
        await FollowAsync(idea, otherFollowerId);
        var question = await harness.PostAsync(follower, idea, "How much would it cost?");
        await using (var db = database.CreateContext())
        {
            await db.Set<Notification>().ExecuteDeleteAsync();
        }

        // The idea's author answers a follower: the follower hears of a reply (not also of a comment on a followed idea), the other
        // follower of a comment, and the author of nothing: it was their own action.
        await harness.PostAsync(author, idea, "About a week of work.", question.Id);

        var received = await NotificationsAsync();
        Assert.Equal(2, received.Count);
        Assert.Contains((followerId, NotificationKind.ReplyToYourComment), received);
        Assert.Contains((otherFollowerId, NotificationKind.CommentOnFollowedIdea), received);
    }

    [Fact]
    public async Task A_reply_filed_beside_the_deepest_comment_tells_the_author_it_answers()
    {
        var (idea, authorId) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (borisId, boris) = await harness.ResidentAsync("Boris");
        var (_, clara) = await harness.ResidentAsync("Clara");
        var root = await harness.PostAsync(anna, idea, "Level one");
        var second = await harness.PostAsync(anna, idea, "Level two", root.Id);
        var third = await harness.PostAsync(boris, idea, "Level three", second.Id);
        await using (var db = database.CreateContext())
        {
            await db.Set<Notification>().ExecuteDeleteAsync();
        }

        await harness.PostAsync(clara, idea, "Answering Boris", third.Id);

        var received = await NotificationsAsync();
        Assert.Contains((borisId, NotificationKind.ReplyToYourComment), received);
        Assert.Contains((authorId, NotificationKind.CommentOnYourIdea), received);
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task An_author_commenting_on_their_own_idea_notifies_only_others()
    {
        var (idea, authorId) = await harness.IdeaAsync();

        await harness.PostAsync(TestUsers.Principal(authorId), idea, "Update: I found the tariff tables.");

        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task The_bell_hears_of_each_notification_and_of_reading_them()
    {
        var (idea, authorId) = await harness.IdeaAsync();
        var author = TestUsers.Principal(authorId);
        var (_, anna) = await harness.ResidentAsync("Anna");
        var received = new TaskCompletionSource<NotificationReceived>();
        var read = new TaskCompletionSource();
        using var onReceived = harness.LiveEvents.Subscribe<NotificationReceived>(LiveTopics.User(authorId), arrived =>
        {
            received.TrySetResult(arrived);
            return Task.CompletedTask;
        });
        using var onRead = harness.LiveEvents.Subscribe<NotificationsRead>(LiveTopics.User(authorId), _ =>
        {
            read.TrySetResult();
            return Task.CompletedTask;
        });
        var notifications = harness.Notifications();

        await harness.PostAsync(anna, idea, "First");
        await harness.PostAsync(anna, idea, "Second");

        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, (await notifications.UnreadAsync(author)).Count);
        var listed = await notifications.ListAsync(author);
        Assert.Equal(["Second", "First"], listed.Select(notification => notification.Excerpt));
        await notifications.MarkReadAsync(author, listed[1].Id);
        Assert.Equal(1, (await notifications.UnreadAsync(author)).Count);
        await notifications.MarkReadAsync(author, null);
        await read.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, (await notifications.UnreadAsync(author)).Count);
        // Someone else's notification cannot be marked read by Anna.
        await harness.PostAsync(anna, idea, "Third");
        var third = (await notifications.ListAsync(author))[0];
        await notifications.MarkReadAsync(anna, third.Id);
        Assert.Equal(1, (await notifications.UnreadAsync(author)).Count);
    }
}
