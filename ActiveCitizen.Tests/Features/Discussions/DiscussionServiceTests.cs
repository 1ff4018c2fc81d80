using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Discussions;

public sealed class DiscussionServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(DiscussionHarness.CommentsOpen));
    private readonly DiscussionHarness harness;

    public DiscussionServiceTests() => harness = new DiscussionHarness(database, time);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Replies_nest_three_deep_and_a_reply_to_the_deepest_is_filed_beside_it_naming_whom_it_answers()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");

        var root = await harness.PostAsync(anna, idea, "Top level");
        var second = await harness.PostAsync(boris, idea, "Second level", root.Id);
        var third = await harness.PostAsync(anna, idea, "Third level", second.Id);
        var fourth = await harness.PostAsync(boris, idea, "Would be fourth", third.Id);

        Assert.Equal((1, (int?)null, root.Id), (root.Depth, root.ParentId, root.ThreadId));
        Assert.Equal((2, (int?)root.Id, root.Id), (second.Depth, second.ParentId, second.ThreadId));
        Assert.Equal((3, (int?)second.Id, root.Id), (third.Depth, third.ParentId, third.ThreadId));
        Assert.Equal((3, (int?)second.Id, root.Id, (int?)third.Id), (fourth.Depth, fourth.ParentId, fourth.ThreadId, fourth.ReplyToId));
        Assert.Equal("Anna", fourth.ReplyToAuthor);

        var page = await harness.Queries().PageAsync(DiscussionTargets.Idea, idea.Id, CommentSort.Oldest, 0);
        Assert.Equal([root.Id, second.Id, third.Id, fourth.Id], page.Comments.Select(comment => comment.Id));
        Assert.Equal(3, page.Comments[0].ReplyCount);
        await using var db = database.CreateContext();
        Assert.Equal(4, (await db.Set<Idea>().SingleAsync()).CommentCount);
    }

    [Fact]
    public async Task The_stance_is_kept_and_votes_count_one_per_resident_changeable_and_never_ones_own()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, author) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var (_, clara) = await harness.ResidentAsync("Clara");
        var (_, dmitry) = await harness.ResidentAsync("Dmitry");
        var comment = await harness.PostAsync(author, idea, "Against: too expensive.", stance: CommentStance.Against);
        var service = harness.Service();

        Assert.Equal(CommentStance.Against, comment.Stance);
        Assert.Equal(new VoteResult(CommentStatus.Done, 1, 0, 1, 1), await service.VoteAsync(boris, comment.Id, 1));
        Assert.Equal(new VoteResult(CommentStatus.AlreadyDone, 1, 0, 1, 1), await service.VoteAsync(boris, comment.Id, 1));
        Assert.Equal(new VoteResult(CommentStatus.Done, 2, 0, 2, 1), await service.VoteAsync(clara, comment.Id, 1));
        Assert.Equal(new VoteResult(CommentStatus.Done, 2, 1, 3, -1), await service.VoteAsync(dmitry, comment.Id, -1));
        // Boris changes his mind, then Clara takes her vote back.
        Assert.Equal(new VoteResult(CommentStatus.Done, 1, 2, 4, -1), await service.VoteAsync(boris, comment.Id, -1));
        Assert.Equal(new VoteResult(CommentStatus.Done, 0, 2, 5, 0), await service.VoteAsync(clara, comment.Id, 0));
        Assert.Equal(CommentStatus.OwnComment, (await service.VoteAsync(author, comment.Id, 1)).Status);
        Assert.Equal(CommentStatus.Invalid, (await service.VoteAsync(boris, comment.Id, 5)).Status);
        Assert.Equal(CommentStatus.SignInRequired, (await service.VoteAsync(TestUsers.Anonymous, comment.Id, 1)).Status);

        await using var db = database.CreateContext();
        var stored = await db.Set<Comment>().SingleAsync();
        Assert.Equal((0, 2, -2), (stored.Upvotes, stored.Downvotes, stored.Score));
        Assert.Equal(2, await db.Set<CommentVote>().CountAsync());
        var votes = await harness.Queries().VotesAsync(UserAccess.UserIdOf(boris), [comment.Id]);
        Assert.Equal(-1, votes[comment.Id]);
    }

    [Fact]
    public async Task A_vote_reaches_viewers_with_its_counts_and_sequence_number()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var comment = await harness.PostAsync(anna, idea);
        var told = new TaskCompletionSource<CommentVoted>();
        using var _ = harness.LiveEvents.Subscribe<CommentVoted>(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), voted =>
        {
            told.TrySetResult(voted);
            return Task.CompletedTask;
        });

        await harness.Service().VoteAsync(boris, comment.Id, -1);

        Assert.Equal(new CommentVoted(comment.Id, 0, 1, 1), await told.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Fifty_parallel_votes_by_one_resident_leave_exactly_one()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new DiscussionHarness(onDisk, time);
        var (idea, _) = await racing.IdeaAsync();
        var (_, anna) = await racing.ResidentAsync("Anna");
        var (_, boris) = await racing.ResidentAsync("Boris");
        var comment = await racing.PostAsync(anna, idea);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => racing.Service().VoteAsync(boris, comment.Id, 1))));

        Assert.Single(results, result => result.Status == CommentStatus.Done);
        Assert.All(results, result => Assert.Equal((1, 0), (result.Upvotes, result.Downvotes)));
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<CommentVote>().CountAsync());
        var stored = await db.Set<Comment>().SingleAsync();
        Assert.Equal((1, 0, 1, 1L), (stored.Upvotes, stored.Downvotes, stored.Score, stored.VoteSequence));
    }

    [Fact]
    public async Task Parallel_posts_of_one_form_make_one_comment()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new DiscussionHarness(onDisk, time);
        var (idea, _) = await racing.IdeaAsync();
        var (_, anna) = await racing.ResidentAsync("Anna");
        var draft = DiscussionHarness.Draft(idea);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => racing.Service().PostAsync(anna, draft))));

        Assert.Single(results, result => result.Status == CommentStatus.Done);
        Assert.Single(results.Select(result => result.Comment!.Id).Distinct());
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<Comment>().CountAsync());
        Assert.Equal(1, (await db.Set<Idea>().SingleAsync()).CommentCount);
    }

    [Theory]
    [InlineData(-1, CommentStatus.Done)]
    [InlineData(0, CommentStatus.TooLate)]
    [InlineData(1, CommentStatus.TooLate)]
    public async Task The_author_may_edit_for_exactly_ten_minutes_and_the_comment_shows_as_edited(long ticksFromEnd, CommentStatus expected)
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var comment = await harness.PostAsync(anna, idea, "Frist version");
        time.SetUtcNow(new DateTimeOffset(comment.CreatedAt + CommentLimits.EditWindow).AddTicks(ticksFromEnd));

        var result = await harness.Service().EditAsync(anna, comment.Id, "First version, **corrected**", CommentStance.For);

        Assert.Equal(expected, result.Status);
        await using var db = database.CreateContext();
        var stored = await db.Set<Comment>().SingleAsync();
        if (expected == CommentStatus.Done)
        {
            Assert.Equal("<p>First version, <strong>corrected</strong></p>", stored.BodyHtml);
            Assert.Equal((CommentStance.For, time.GetUtcNow().UtcDateTime), (stored.Stance, stored.EditedAt));
            Assert.Equal(stored.BodyHtml, result.Comment!.BodyHtml);
        }
        else
        {
            Assert.Equal(("Frist version", (DateTime?)null), (stored.Body, stored.EditedAt));
        }
    }

    [Fact]
    public async Task Nobody_edits_or_deletes_someone_elses_comment()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var comment = await harness.PostAsync(anna, idea, "Mine");

        Assert.Equal(CommentStatus.NotAuthor, (await harness.Service().EditAsync(boris, comment.Id, "Now his", CommentStance.None)).Status);
        Assert.Equal(CommentStatus.NotAuthor, (await harness.Service().DeleteAsync(boris, comment.Id)).Status);
        Assert.Null(await harness.Queries().SourceAsync(comment.Id, UserAccess.UserIdOf(boris)));

        await using var db = database.CreateContext();
        var stored = await db.Set<Comment>().SingleAsync();
        Assert.Equal(("Mine", (DateTime?)null, (DateTime?)null), (stored.Body, stored.EditedAt, stored.DeletedAt));
    }

    [Theory]
    [InlineData("", "Validation.CommentEmpty")]
    [InlineData("   \n\t  ", "Validation.CommentEmpty")]
    [InlineData(null, "Validation.CommentEmpty")]
    public async Task Empty_comments_are_refused_with_a_reason_and_nothing_is_stored(string? body, string messageKey)
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");

        var result = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea) with { Body = body });

        Assert.Equal(CommentStatus.Invalid, result.Status);
        Assert.Equal(messageKey, Assert.Single(result.Errors!).MessageKey);
        await using var db = database.CreateContext();
        Assert.False(await db.Set<Comment>().AnyAsync());
    }

    [Fact]
    public async Task A_comment_may_be_two_thousand_characters_and_not_one_more()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");

        var longest = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, new string('a', CommentLimits.MaxLength)));
        var tooLong = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, new string('b', CommentLimits.MaxLength + 1)));

        Assert.Equal(CommentStatus.Done, longest.Status);
        Assert.Equal(CommentStatus.Invalid, tooLong.Status);
        var error = Assert.Single(tooLong.Errors!);
        Assert.Equal(("Validation.CommentTooLong", DiscussionService.BodyField), (error.MessageKey, error.Field));
        Assert.Equal([CommentLimits.MaxLength, CommentLimits.MaxLength + 1], error.Arguments);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<Comment>().CountAsync());
    }

    [Fact]
    public async Task Deleting_leaves_a_placeholder_so_replies_still_make_sense_and_counts_once()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var root = await harness.PostAsync(anna, idea, "Something I regret");
        var reply = await harness.PostAsync(boris, idea, "I disagree", root.Id);
        var changed = new TaskCompletionSource<CommentChanged>();
        using var _ = harness.LiveEvents.Subscribe<CommentChanged>(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), change =>
        {
            changed.TrySetResult(change);
            return Task.CompletedTask;
        });

        var first = await harness.Service().DeleteAsync(anna, root.Id);
        var second = await harness.Service().DeleteAsync(anna, root.Id);

        Assert.Equal((CommentStatus.Done, CommentStatus.AlreadyDone), (first.Status, second.Status));
        var announced = (await changed.Task.WaitAsync(TimeSpan.FromSeconds(20))).Comment;
        Assert.True(announced.Deleted);
        Assert.Equal("", announced.BodyHtml);
        var page = await harness.Queries().PageAsync(DiscussionTargets.Idea, idea.Id, CommentSort.Oldest, 0);
        Assert.Equal([root.Id, reply.Id], page.Comments.Select(comment => comment.Id));
        Assert.True(page.Comments[0].Deleted);
        Assert.Equal("<p>I disagree</p>", page.Comments[1].BodyHtml);
        await using var db = database.CreateContext();
        Assert.Equal("", (await db.Set<Comment>().SingleAsync(comment => comment.Id == root.Id)).Body);
        Assert.Equal(1, (await db.Set<Idea>().SingleAsync()).CommentCount);
    }

    [Fact]
    public async Task Replies_to_a_deleted_or_hidden_comment_are_refused_and_nothing_is_stored()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var (_, moderator) = await harness.ResidentAsync("Moderator", Roles.Moderator);
        var deleted = await harness.PostAsync(anna, idea, "Soon deleted");
        var hidden = await harness.PostAsync(anna, idea, "Soon hidden");
        await harness.Service().DeleteAsync(anna, deleted.Id);
        await harness.Service().ModerateAsync(moderator, hidden.Id, hide: true);

        var toDeleted = await harness.Service().PostAsync(boris, DiscussionHarness.Draft(idea, parentId: deleted.Id));
        var toHidden = await harness.Service().PostAsync(boris, DiscussionHarness.Draft(idea, parentId: hidden.Id));
        var voteOnHidden = await harness.Service().VoteAsync(boris, hidden.Id, 1);

        Assert.Equal((CommentStatus.Unavailable, CommentStatus.Unavailable, CommentStatus.Unavailable), (toDeleted.Status, toHidden.Status, voteOnHidden.Status));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Set<Comment>().CountAsync());
        Assert.False(await db.Set<CommentVote>().AnyAsync());
    }

    [Fact]
    public async Task A_reply_must_answer_a_comment_of_the_same_discussion()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (otherIdea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var elsewhere = await harness.PostAsync(anna, otherIdea, "On another idea");

        var result = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, parentId: elsewhere.Id));

        Assert.Equal(CommentStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task A_double_click_posts_once_and_answers_with_the_same_comment()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var draft = DiscussionHarness.Draft(idea);

        var first = await harness.Service().PostAsync(anna, draft);
        var second = await harness.Service().PostAsync(anna, draft);

        Assert.Equal((CommentStatus.Done, CommentStatus.AlreadyDone), (first.Status, second.Status));
        Assert.Equal(first.Comment!.Id, second.Comment!.Id);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<Comment>().CountAsync());
    }

    [Fact]
    public async Task Comments_are_hidden_at_exactly_three_reports_from_different_residents()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var reporters = new[] { await harness.ResidentAsync("Boris"), await harness.ResidentAsync("Clara"), await harness.ResidentAsync("Dmitry") };
        var comment = await harness.PostAsync(anna, idea, "Buy cheap watches at spam.example");
        var service = harness.Service();

        Assert.Equal(CommentStatus.Done, (await service.ReportAsync(reporters[0].Principal, comment.Id, ReportReason.Spam, null)).Status);
        Assert.Equal(CommentStatus.AlreadyDone, (await service.ReportAsync(reporters[0].Principal, comment.Id, ReportReason.Offensive, null)).Status);
        Assert.Equal(CommentStatus.OwnComment, (await service.ReportAsync(anna, comment.Id, ReportReason.Spam, null)).Status);
        var second = await service.ReportAsync(reporters[1].Principal, comment.Id, ReportReason.OffTopic, null);
        Assert.False(second.Comment!.Hidden);

        var third = await service.ReportAsync(reporters[2].Principal, comment.Id, ReportReason.Other, "Advertising");

        Assert.True(third.Comment!.Hidden);
        Assert.Equal(CommentHiddenReason.Reports, third.Comment.HiddenReason);
        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Set<CommentReport>().CountAsync());
        Assert.Equal("Advertising", (await db.Set<CommentReport>().SingleAsync(report => report.Reason == ReportReason.Other)).Text);
    }

    [Fact]
    public async Task A_report_needs_a_known_reason_and_details_when_the_reason_is_other()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var comment = await harness.PostAsync(anna, idea);
        var service = harness.Service();

        var noDetails = await service.ReportAsync(boris, comment.Id, ReportReason.Other, "  ");
        var unknown = await service.ReportAsync(boris, comment.Id, (ReportReason)42, null);
        var tooLong = await service.ReportAsync(boris, comment.Id, ReportReason.Spam, new string('x', CommentLimits.ReportTextMaxLength + 1));

        Assert.Equal("Validation.ReportTextRequired", Assert.Single(noDetails.Errors!).MessageKey);
        Assert.Equal("Validation.ReportReason", Assert.Single(unknown.Errors!).MessageKey);
        Assert.Equal("Validation.ReportTextTooLong", Assert.Single(tooLong.Errors!).MessageKey);
        await using var db = database.CreateContext();
        Assert.False(await db.Set<CommentReport>().AnyAsync());
    }

    [Fact]
    public async Task A_moderator_restores_a_hidden_comment_and_only_new_reports_count_toward_hiding_it_again()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, moderator) = await harness.ResidentAsync("Moderator", Roles.Moderator);
        var reporters = new List<System.Security.Claims.ClaimsPrincipal>();
        for (var index = 0; index < 6; index++)
        {
            reporters.Add((await harness.ResidentAsync($"Reporter {index}")).Principal);
        }
        var comment = await harness.PostAsync(anna, idea, "Controversial but fair");
        var service = harness.Service();
        foreach (var reporter in reporters.Take(3))
        {
            await service.ReportAsync(reporter, comment.Id, ReportReason.Offensive, null);
        }

        var restored = await service.ModerateAsync(moderator, comment.Id, hide: false);

        Assert.False(restored.Comment!.Hidden);
        Assert.False((await service.ReportAsync(reporters[3], comment.Id, ReportReason.Offensive, null)).Comment!.Hidden);
        Assert.False((await service.ReportAsync(reporters[4], comment.Id, ReportReason.Offensive, null)).Comment!.Hidden);
        Assert.True((await service.ReportAsync(reporters[5], comment.Id, ReportReason.Offensive, null)).Comment!.Hidden);
        var confirmed = await service.ModerateAsync(moderator, comment.Id, hide: true);
        Assert.Equal((true, CommentHiddenReason.Moderator), (confirmed.Comment!.Hidden, confirmed.Comment.HiddenReason));
    }

    [Fact]
    public async Task Only_a_current_moderator_may_hide_or_restore_even_with_a_stale_role_claim()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (borisId, _) = await harness.ResidentAsync("Boris");
        var comment = await harness.PostAsync(anna, idea);
        // Boris's circuit still believes he is a moderator; the database says he no longer is.
        var staleModerator = TestUsers.Principal(borisId, Roles.Moderator);

        var result = await harness.Service().ModerateAsync(staleModerator, comment.Id, hide: true);

        Assert.Equal(CommentStatus.Forbidden, result.Status);
        await using var db = database.CreateContext();
        Assert.Null((await db.Set<Comment>().SingleAsync()).HiddenAt);
    }

    [Fact]
    public async Task The_sixth_comment_in_a_minute_is_refused_with_the_time_the_next_one_is_accepted()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var first = time.GetUtcNow().UtcDateTime;
        for (var index = 0; index < CommentLimits.PerMinute; index++)
        {
            await harness.PostAsync(anna, idea, $"Comment number {index + 1}");
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var sixth = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, "One too many"));

        Assert.Equal(CommentStatus.RateLimited, sixth.Status);
        Assert.Equal(first.AddMinutes(1), sixth.RetryAt);
        time.SetUtcNow(new DateTimeOffset(first.AddMinutes(1)));
        Assert.Equal(CommentStatus.Done, (await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, "Now it is fine"))).Status);
        await using var db = database.CreateContext();
        Assert.Equal(CommentLimits.PerMinute + 1, await db.Set<Comment>().CountAsync());
    }

    [Fact]
    public async Task An_hour_takes_at_most_sixty_comments_from_one_resident_and_others_are_not_held_back()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var first = time.GetUtcNow().UtcDateTime;
        for (var index = 0; index < CommentLimits.PerHour; index++)
        {
            await harness.PostAsync(anna, idea, $"Comment number {index + 1}");
            time.Advance(TimeSpan.FromSeconds(13));
        }

        var refused = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, "One too many this hour"));

        Assert.Equal(CommentStatus.RateLimited, refused.Status);
        Assert.Equal(first.AddHours(1), refused.RetryAt);
        Assert.Equal(CommentStatus.Done, (await harness.Service().PostAsync(boris, DiscussionHarness.Draft(idea, "Someone else"))).Status);
    }

    [Fact]
    public async Task When_both_limits_are_reached_the_message_gives_the_later_time()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var first = time.GetUtcNow().UtcDateTime;
        for (var index = 0; index < CommentLimits.PerHour - CommentLimits.PerMinute; index++)
        {
            await harness.PostAsync(anna, idea, $"Comment number {index + 1}");
            time.Advance(TimeSpan.FromSeconds(13));
        }
        time.Advance(TimeSpan.FromMinutes(1));
        for (var index = 0; index < CommentLimits.PerMinute; index++)
        {
            await harness.PostAsync(anna, idea, $"Quick one {index + 1}");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var refused = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea, "Both limits now"));

        // The minute's limit frees a place in under a minute, the hour's only an hour after the first comment: the later counts.
        Assert.Equal((CommentStatus.RateLimited, (DateTime?)first.AddHours(1)), (refused.Status, refused.RetryAt));
    }

    [Fact]
    public async Task An_edit_racing_a_deletion_never_brings_the_text_back()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new DiscussionHarness(onDisk, time);
        var (idea, _) = await racing.IdeaAsync();
        var (_, anna) = await racing.ResidentAsync("Anna");
        var last = new Dictionary<int, CommentView>();
        using var _ = racing.LiveEvents.Subscribe<CommentChanged>(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), changed =>
        {
            lock (last)
            {
                if (!last.TryGetValue(changed.Comment.Id, out var known) || changed.Comment.Version > known.Version)
                {
                    last[changed.Comment.Id] = changed.Comment;
                }
            }
            return Task.CompletedTask;
        });
        var posted = new List<CommentView>();
        for (var round = 0; round < CommentLimits.PerMinute; round++)
        {
            posted.Add(await racing.PostAsync(anna, idea, $"Original text {round}"));
        }

        await Task.WhenAll(posted.SelectMany(comment => new[]
        {
            Task.Run(() => racing.Service().EditAsync(anna, comment.Id, "Edited text", CommentStance.None)),
            Task.Run(() => racing.Service().DeleteAsync(anna, comment.Id)),
        }));

        await using var db = onDisk.CreateContext();
        foreach (var stored in await db.Set<Comment>().ToListAsync())
        {
            Assert.NotNull(stored.DeletedAt);
            Assert.Equal(("", ""), (stored.Body, stored.BodyHtml));
        }
        await EventuallyAsync(() => { lock (last) { return last.Count == posted.Count && last.Values.All(view => view.Deleted && view.BodyHtml == ""); } });
    }

    /// <summary>Waits for events delivered on the thread pool.</summary>
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }

    [Fact]
    public async Task Notifications_quote_a_comment_as_it_is_edited_and_forget_it_when_deleted_or_hidden()
    {
        var (idea, authorId) = await harness.IdeaAsync();
        var author = TestUsers.Principal(authorId);
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, moderator) = await harness.ResidentAsync("Moderator", Roles.Moderator);
        var edited = await harness.PostAsync(anna, idea, "Frist thought");
        var hidden = await harness.PostAsync(anna, idea, "Something rude");
        var deleted = await harness.PostAsync(anna, idea, "Something regretted");
        var notifications = harness.Notifications();

        await harness.Service().EditAsync(anna, edited.Id, "First thought", CommentStance.None);
        await harness.Service().ModerateAsync(moderator, hidden.Id, hide: true);
        await harness.Service().DeleteAsync(anna, deleted.Id);

        Assert.Equal(["", "", "First thought"], (await notifications.ListAsync(author)).Select(notification => notification.Excerpt));
        await harness.Service().ModerateAsync(moderator, hidden.Id, hide: false);
        Assert.Equal(["", "Something rude", "First thought"], (await notifications.ListAsync(author)).Select(notification => notification.Excerpt));
    }

    [Fact]
    public async Task Outside_the_phases_that_open_discussion_the_thread_is_read_only_and_says_when_it_opens()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var comment = await harness.PostAsync(anna, idea);

        time.SetUtcNow(new DateTimeOffset(TestProjects.DiscussionCloses));
        var afterwards = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea));
        var voteAfterwards = await harness.Service().VoteAsync(boris, comment.Id, 1);

        Assert.Equal(CommentStatus.Closed, afterwards.Status);
        Assert.Equal(new DiscussionClosure(DiscussionClosedReason.Finished), afterwards.Closure);
        Assert.Equal(CommentStatus.Closed, voteAfterwards.Status);

        var early = new FakeTimeProvider(new DateTimeOffset(TestProjects.SubmissionOpens.AddMinutes(-1)));
        var info = await new DiscussionHarness(database, early).Service().DescribeAsync(DiscussionTargets.Idea, idea.Id);
        Assert.Equal(new DiscussionClosure(DiscussionClosedReason.PhaseClosed, TestProjects.SubmissionOpens), info!.Closure);
    }

    [Fact]
    public async Task A_withdrawn_idea_takes_no_comments()
    {
        var (idea, _) = await harness.IdeaAsync(IdeaState.Withdrawn);
        var (_, anna) = await harness.ResidentAsync("Anna");

        var result = await harness.Service().PostAsync(anna, DiscussionHarness.Draft(idea));

        Assert.Equal((CommentStatus.Closed, DiscussionClosedReason.TargetUnavailable), (result.Status, result.Closure!.Reason));
    }

    [Fact]
    public async Task The_new_comment_travels_whole_with_its_event_so_viewers_need_not_read_it()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var posted = new TaskCompletionSource<CommentPosted>();
        using var _ = harness.LiveEvents.Subscribe<CommentPosted>(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), arrived =>
        {
            posted.TrySetResult(arrived);
            return Task.CompletedTask;
        });

        var comment = await harness.PostAsync(anna, idea, "With **bold** text", stance: CommentStance.For);

        var carried = (await posted.Task.WaitAsync(TimeSpan.FromSeconds(20))).Comment;
        Assert.Equal(comment, carried);
        Assert.Equal(("Anna", "<p>With <strong>bold</strong> text</p>", CommentStance.For), (carried.AuthorName, carried.BodyHtml, carried.Stance));
    }
}
