using System.Security.Claims;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Discussions.Components;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace ActiveCitizen.Tests.Features.Discussions;

/// <summary>The thread component with the real services on a real database, driven as readers drive it and as others' actions reach it.</summary>
public sealed class DiscussionPanelTests : ComponentTestContext
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(DiscussionHarness.CommentsOpen));
    private readonly DiscussionHarness harness;

    public DiscussionPanelTests()
    {
        harness = new DiscussionHarness(database, time);
        Services.AddSingleton(database.Factory);
        Services.AddSingleton<TimeProvider>(time);
        Services.AddSingleton<ILiveEvents>(harness.LiveEvents);
        Services.AddScoped<CircuitLiveSubscriptions>();
        Services.AddScoped<CircuitConnection>();
        Services.AddSingleton(Options.Create(new SiteOptions()));
        Services.AddSingleton<CityClock>();
        Services.AddSingleton<UserAccess>();
        Services.AddSingleton<ProjectQueries>();
        Services.AddSingleton<IDiscussionTarget, IdeaDiscussionTarget>();
        Services.AddSingleton<NotificationsService>();
        Services.AddSingleton<CommentMarkup>();
        Services.AddSingleton<DiscussionQueries>();
        Services.AddSingleton<DiscussionService>();
        Services.AddSingleton<DiscussionPresence>();
    }

    /// <summary>Renders the panel, with MudBlazor's providers unless an earlier render in this test already holds them.</summary>
    private IRenderedComponent<DiscussionPanel> RenderPanel(Idea idea, bool withProviders = true)
    {
        var host = Render(builder =>
        {
            if (withProviders)
            {
                builder.OpenComponent<MudPopoverProvider>(0);
                builder.CloseComponent();
                builder.OpenComponent<MudDialogProvider>(1);
                builder.CloseComponent();
            }
            builder.OpenComponent<DiscussionPanel>(2);
            builder.AddAttribute(3, nameof(DiscussionPanel.TargetType), DiscussionTargets.Idea);
            builder.AddAttribute(4, nameof(DiscussionPanel.TargetId), idea.Id);
            builder.CloseComponent();
        });
        return host.FindComponent<DiscussionPanel>();
    }

    private static IReadOnlyList<string> Bodies(IRenderedComponent<DiscussionPanel> panel) =>
        [.. panel.FindAll("[data-testid=comment-body]").Select(body => body.TextContent.Trim())];

    private static AngleSharp.Dom.IElement CommentElement(IRenderedComponent<DiscussionPanel> panel, int commentId) =>
        panel.Find($"[data-comment-id='{commentId}']");

    [Fact]
    public async Task Threads_show_nested_replies_stances_votes_and_placeholders_for_deleted_comments()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var root = await harness.PostAsync(anna, idea, "I am **for** it", stance: CommentStance.For);
        var reply = await harness.PostAsync(boris, idea, "Why?", root.Id);
        var deepest = await harness.PostAsync(anna, idea, "Because of the bills", reply.Id);
        var filedBeside = await harness.PostAsync(boris, idea, "Fair enough", deepest.Id);
        var regretted = await harness.PostAsync(boris, idea, "Something rude");
        await harness.Service().DeleteAsync(boris, regretted.Id);
        await harness.Service().VoteAsync(boris, root.Id, 1);
        SignInAs(UserAccess.UserIdOf(anna)!, []);

        var panel = RenderPanel(idea);

        panel.WaitForAssertion(() => Assert.Equal(["I am for it", "Why?", "Because of the bills", "Fair enough"], Bodies(panel)));
        Assert.Contains("comment--depth-2", CommentElement(panel, reply.Id).ClassName);
        Assert.Contains("comment--depth-3", CommentElement(panel, deepest.Id).ClassName);
        Assert.Contains("comment--depth-3", CommentElement(panel, filedBeside.Id).ClassName);
        Assert.Contains("in reply to Anna", CommentElement(panel, filedBeside.Id).TextContent);
        Assert.Equal("For", CommentElement(panel, root.Id).QuerySelector("[data-testid=stance]")!.TextContent.Trim());
        Assert.Equal("1", CommentElement(panel, root.Id).QuerySelector("[data-testid=upvotes]")!.TextContent);
        Assert.Equal("The author deleted this comment.", CommentElement(panel, regretted.Id).QuerySelector("[data-testid=comment-deleted]")!.TextContent);
        Assert.Equal("Comments: 4", panel.Find("[data-testid=comment-total]").TextContent.Trim());
        // Anna may edit her own fresh comment but not vote on it; she may vote on Boris's.
        Assert.NotNull(CommentElement(panel, root.Id).QuerySelector("[data-testid=edit]"));
        Assert.True(CommentElement(panel, root.Id).QuerySelector("[data-testid=upvote]")!.HasAttribute("disabled"));
        Assert.False(CommentElement(panel, reply.Id).QuerySelector("[data-testid=upvote]")!.HasAttribute("disabled"));
    }

    /// <summary>Anna reads the discussion of an idea holding her first comment; Boris, another resident, is about to join in.</summary>
    private async Task<(Idea Idea, ClaimsPrincipal Boris, CommentView First, IRenderedComponent<DiscussionPanel> Panel)> AnnaReadsHerCommentAsync()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (annaId, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var first = await harness.PostAsync(anna, idea, "The first comment");
        SignInAs(annaId, []);
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Equal(["The first comment"], Bodies(panel)));
        return (idea, boris, first, panel);
    }

    [Fact]
    public async Task Others_new_comments_wait_behind_a_button_while_replies_and_ones_own_appear_at_once()
    {
        var (idea, boris, first, panel) = await AnnaReadsHerCommentAsync();

        await harness.PostAsync(boris, idea, "A new thread by Boris");
        await harness.PostAsync(boris, idea, "A reply by Boris", first.Id);

        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["The first comment", "A reply by Boris"], Bodies(panel));
            Assert.Equal("New comments: 1. Show", panel.Find("[data-testid=show-new-comments]").TextContent.Trim());
        });
        await panel.InvokeAsync(() => panel.Find("[data-testid=show-new-comments]").Click());
        panel.WaitForAssertion(() => Assert.Equal(["A new thread by Boris", "The first comment", "A reply by Boris"], Bodies(panel)));
        Assert.Empty(panel.FindAll("[data-testid=show-new-comments]"));

        panel.Find("[data-testid=comment-composer] textarea").Input("My own **answer**");
        await panel.InvokeAsync(() => panel.Find("[data-testid=post-comment]").Click());

        panel.WaitForAssertion(() => Assert.Equal("My own answer", Bodies(panel)[0]));
        Assert.Equal("Comments: 4", panel.Find("[data-testid=comment-total]").TextContent.Trim());
    }

    [Fact]
    public async Task A_reply_to_a_reply_shows_under_it_and_ones_own_reply_joins_its_thread_and_closes_the_composer()
    {
        var (idea, boris, first, panel) = await AnnaReadsHerCommentAsync();
        var borisReply = await harness.PostAsync(boris, idea, "A reply by Boris", first.Id);
        panel.WaitForAssertion(() => Assert.Equal(["The first comment", "A reply by Boris"], Bodies(panel)));

        var nested = await harness.PostAsync(boris, idea, "Boris adds to his reply", borisReply.Id);

        // Each comment lists the replies under it, so the arrival lands inside Boris's reply, not beside it.
        // The count renders on its own, in a batch of its own right after the reply's.
        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["The first comment", "A reply by Boris", "Boris adds to his reply"], Bodies(panel));
            Assert.Equal("Comments: 3", panel.Find("[data-testid=comment-total]").TextContent.Trim());
        });
        Assert.NotNull(panel.Find($"[data-comment-id='{borisReply.Id}'] ~ .comment-list--replies [data-comment-id='{nested.Id}']"));

        await panel.InvokeAsync(() => CommentElement(panel, nested.Id).QuerySelector("[data-testid=reply]")!.Click());
        panel.Find(".comment-reply-composer textarea").Input("Anna answers the nested reply");
        await panel.InvokeAsync(() => panel.Find(".comment-reply-composer [data-testid=post-comment]").Click());

        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["The first comment", "A reply by Boris", "Boris adds to his reply", "Anna answers the nested reply"], Bodies(panel));
            Assert.Empty(panel.FindAll(".comment-reply-composer"));
            Assert.Equal("Comments: 4", panel.Find("[data-testid=comment-total]").TextContent.Trim());
        });
        // Threads nest three deep: an answer to the third level joins it, under Boris's reply, and says whom it answers.
        var underBorisReply = panel.FindAll($"[data-comment-id='{borisReply.Id}'] ~ .comment-list--replies > li > [data-testid=comment]");
        Assert.Equal(2, underBorisReply.Count);
        Assert.Equal(nested.Id.ToString(), underBorisReply[0].GetAttribute("data-comment-id"));
        Assert.Equal("Anna answers the nested reply", underBorisReply[1].QuerySelector("[data-testid=comment-body]")!.TextContent.Trim());
        Assert.Contains("Boris", underBorisReply[1].QuerySelector(".comment__reply-to")!.TextContent);
    }

    [Fact]
    public async Task What_a_reader_is_typing_stays_while_others_comments_arrive_and_the_composer_empties_once_theirs_is_posted()
    {
        var (idea, boris, first, panel) = await AnnaReadsHerCommentAsync();

        panel.Find("[data-testid=comment-composer] textarea").Input("Half-written thought");
        await harness.PostAsync(boris, idea, "A reply by Boris", first.Id);
        panel.WaitForAssertion(() => Assert.Equal(["The first comment", "A reply by Boris"], Bodies(panel)));

        Assert.Equal("Half-written thought", panel.Find("[data-testid=comment-composer] textarea").GetAttribute("value"));

        await panel.InvokeAsync(() => panel.Find("[data-testid=post-comment]").Click());

        panel.WaitForAssertion(() =>
        {
            Assert.Equal("Half-written thought", Bodies(panel)[0]);
            Assert.True(string.IsNullOrEmpty(panel.Find("[data-testid=comment-composer] textarea").GetAttribute("value")));
            Assert.False(panel.Find("[data-testid=post-comment]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public async Task Another_order_replaces_the_list_at_once_and_keeps_a_reply_being_written()
    {
        var (idea, boris, older) = await AnnaSignedInBesideBorisCommentAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await harness.PostAsync(boris, idea, "The newer thread");
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Equal(["Boris was here", "The newer thread"], Bodies(panel)));
        await panel.InvokeAsync(() => CommentElement(panel, older.Id).QuerySelector("[data-testid=reply]")!.Click());
        panel.Find(".comment-reply-composer textarea").Input("Half a thought");
        var shownDuringTheRead = new List<int>();
        panel.OnMarkupUpdated += (_, _) => shownDuringTheRead.Add(panel.FindAll("[data-testid=comment]").Count);

        var sortChoice = panel.FindComponent<CommentSortSelect>();
        var answer = new TaskCompletionSource();
        database.ReadsWaitFor = answer.Task;
        var sorting = panel.InvokeAsync(() => sortChoice.Instance.SortChanged.InvokeAsync(CommentSort.Newest));
        await database.ReadWaiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        database.ReadsWaitFor = null;
        answer.SetResult();
        await sorting;

        panel.WaitForAssertion(() => Assert.Equal(["The newer thread", "Boris was here"], Bodies(panel)));
        // The list went straight from one order to the other, never empty, and the reply being written stayed where it was.
        Assert.DoesNotContain(0, shownDuringTheRead);
        Assert.Empty(panel.FindAll("[data-testid=no-comments]"));
        Assert.Equal("Half a thought", panel.Find($"[data-comment-id='{older.Id}'] ~ .comment-reply-composer textarea").GetAttribute("value"));
    }

    [Fact]
    public async Task A_visitor_reorders_with_the_browser_s_select_and_a_value_it_never_offered_changes_nothing()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, boris) = await harness.ResidentAsync("Boris");
        await harness.PostAsync(boris, idea, "The older thread");
        time.Advance(TimeSpan.FromMinutes(1));
        await harness.PostAsync(boris, idea, "The newer thread");
        // No providers: a visitor's idea page has none (MainLayout), and the order must not need one.
        var panel = RenderPanel(idea, withProviders: false);
        panel.WaitForAssertion(() => Assert.Equal(["The older thread", "The newer thread"], Bodies(panel)));
        var order = panel.Find("select[data-testid=comment-sort]");
        Assert.Equal(["Oldest first", "Newest first", "Best first"], order.QuerySelectorAll("option").Select(option => option.TextContent));
        Assert.Equal("Order", panel.Find("label[for=comment-sort]").TextContent);

        foreach (var tampered in new[] { "Sideways", "1", "newest" })
        {
            await order.ChangeAsync(new ChangeEventArgs { Value = tampered });
        }
        Assert.Equal(["The older thread", "The newer thread"], Bodies(panel));
        Assert.True(panel.Find("option[value=Oldest]").HasAttribute("selected"));

        await panel.Find("select[data-testid=comment-sort]").ChangeAsync(new ChangeEventArgs { Value = "Newest" });

        panel.WaitForAssertion(() => Assert.Equal(["The newer thread", "The older thread"], Bodies(panel)));
        Assert.True(panel.Find("option[value=Newest]").HasAttribute("selected"));
    }

    [Fact]
    public async Task A_live_comment_is_shown_from_the_event_alone_without_asking_the_database()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (annaId, anna) = await harness.ResidentAsync("Anna");
        var root = await harness.PostAsync(anna, idea, "Stored comment");
        SignInAs(annaId, []);
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Single(Bodies(panel)));

        // This reply exists only in the event: if the panel re-read the database it could not show it.
        var carried = root with
        {
            Id = root.Id + 1000, ParentId = root.Id, Depth = 2, AuthorId = "someone", AuthorName = "Someone", BodyHtml = "<p>Only in the event</p>",
            ReplyCount = 0, Upvotes = 0, Downvotes = 0, VoteSequence = 0,
        };
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), new CommentPosted(carried));
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), new CommentVoted(root.Id, 7, 2, 9));
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), new CommentVoted(root.Id, 1, 0, 3));
        // Two edits delivered out of order: the later version stays.
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id),
            new CommentChanged(root with { BodyHtml = "<p>Second edit</p>", Version = 2 }, CommentChangeKind.Edited));
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id),
            new CommentChanged(root with { BodyHtml = "<p>First edit</p>", Version = 1 }, CommentChangeKind.Edited));

        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["Second edit", "Only in the event"], Bodies(panel));
            // The late, older count (sequence 3) does not undo the newer one (sequence 9).
            Assert.Equal("7", CommentElement(panel, root.Id).QuerySelector("[data-testid=upvotes]")!.TextContent);
            Assert.Equal("2", CommentElement(panel, root.Id).QuerySelector("[data-testid=downvotes]")!.TextContent);
        });
    }

    [Fact]
    public async Task A_new_viewer_count_shows_at_once_and_leaves_the_discussion_as_it_was()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var root = await harness.PostAsync(anna, idea, "Stored comment");
        await harness.PostAsync(anna, idea, "Another thread");
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Equal(2, Bodies(panel).Count));
        var tally = panel.FindComponent<DiscussionTally>();
        var topic = DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id);
        // A render counts for the component and for each component around it: the tally's own render counts once for the panel.
        var panelRenders = panel.RenderCount;

        harness.LiveEvents.Publish(topic, new DiscussionViewersChanged(42));

        // The tally renders on its own (the panel hands it the count without rendering itself), so it is asked, not the panel.
        tally.WaitForAssertion(() => Assert.Contains("Viewing now: 42", tally.Find("[data-testid=viewers]").TextContent));
        Assert.Equal(panelRenders + 1, panel.RenderCount);

        // A reply then changes the number of comments beside it: both figures show, the newer viewer count kept.
        harness.LiveEvents.Publish(topic, new CommentPosted(root with
        {
            Id = root.Id + 1000, ParentId = root.Id, Depth = 2, AuthorId = "someone", AuthorName = "Someone", BodyHtml = "<p>A reply</p>",
            ReplyCount = 0, Upvotes = 0, Downvotes = 0, VoteSequence = 0,
        }));
        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["Stored comment", "A reply", "Another thread"], Bodies(panel));
            Assert.Equal("Comments: 3", tally.Find("[data-testid=comment-total]").TextContent.Trim());
        });
        Assert.Contains("Viewing now: 42", tally.Find("[data-testid=viewers]").TextContent);
    }

    [Fact]
    public async Task Another_readers_vote_shows_on_its_comment_and_neither_it_nor_a_reply_redraws_the_other_threads_or_the_discussion()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var voted = await harness.PostAsync(anna, idea, "Vote on me");
        var other = await harness.PostAsync(anna, idea, "Not voted on");
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Equal(2, Bodies(panel).Count));
        var items = panel.FindComponents<CommentItem>();
        var votedItem = items.Single(item => item.Instance.Comment.Id == voted.Id);
        var otherItem = items.Single(item => item.Instance.Comment.Id == other.Id);
        var otherRenders = otherItem.RenderCount;
        // A render counts for the component and for each component around it, so the panel's count rises by one for each render
        // inside it, and by one more if the panel itself renders.
        var panelRenders = panel.RenderCount;

        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), new CommentVoted(voted.Id, 5, 1, 4));

        votedItem.WaitForAssertion(() =>
        {
            Assert.Equal("5", votedItem.Find("[data-testid=upvotes]").TextContent);
            Assert.Equal("1", votedItem.Find("[data-testid=downvotes]").TextContent);
        });
        Assert.Equal(otherRenders, otherItem.RenderCount);
        Assert.Equal(panelRenders + 1, panel.RenderCount);
        panelRenders = panel.RenderCount;

        // A reply to the voted comment renders that comment, which keeps the count it now shows, with the reply under it.
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), new CommentPosted(voted with
        {
            Id = other.Id + 1000, ParentId = voted.Id, Depth = 2, AuthorId = "someone", AuthorName = "Someone", BodyHtml = "<p>A reply</p>",
        }));
        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["Vote on me", "A reply", "Not voted on"], Bodies(panel));
            Assert.Equal("Comments: 3", panel.Find("[data-testid=comment-total]").TextContent.Trim());
        });
        Assert.Equal("5", CommentElement(panel, voted.Id).QuerySelector("[data-testid=upvotes]")!.TextContent);
        Assert.Equal(otherRenders, otherItem.RenderCount);
        // The voted comment (with the reply it now shows) and then the count render inside the panel; the panel itself does not.
        Assert.Equal(panelRenders + 2, panel.RenderCount);
    }

    [Fact]
    public async Task Voting_updates_the_counts_and_marks_the_readers_choice()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (borisId, _) = await harness.ResidentAsync("Boris");
        var comment = await harness.PostAsync(anna, idea, "Vote on me");
        SignInAs(borisId, []);
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Single(Bodies(panel)));

        await panel.InvokeAsync(() => CommentElement(panel, comment.Id).QuerySelector("[data-testid=downvote]")!.Click());

        panel.WaitForAssertion(() =>
        {
            var element = CommentElement(panel, comment.Id);
            Assert.Equal("1", element.QuerySelector("[data-testid=downvotes]")!.TextContent);
            Assert.Equal("true", element.QuerySelector("[data-testid=downvote]")!.GetAttribute("aria-pressed"));
        });
    }

    [Fact]
    public async Task A_hidden_comment_shows_a_placeholder_to_residents_and_its_text_with_review_actions_to_moderators()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (moderatorId, moderator) = await harness.ResidentAsync("Moderator", Roles.Moderator);
        var comment = await harness.PostAsync(anna, idea, "Reported text");
        foreach (var name in new[] { "One", "Two", "Three" })
        {
            await harness.Service().ReportAsync((await harness.ResidentAsync(name)).Principal, comment.Id, ReportReason.Spam, null);
        }

        SignInAs("resident", []);
        var residentView = RenderPanel(idea);
        residentView.WaitForAssertion(() => Assert.Contains("awaits a moderator's review", CommentElement(residentView, comment.Id).TextContent));
        Assert.Empty(Bodies(residentView));

        SignInAs(moderatorId, [Roles.Moderator]);
        var moderatorView = RenderPanel(idea, withProviders: false);
        moderatorView.WaitForAssertion(() => Assert.Equal(["Reported text"], Bodies(moderatorView)));
        await moderatorView.InvokeAsync(() => CommentElement(moderatorView, comment.Id).QuerySelector("[data-testid=restore]")!.Click());

        // The restore reaches the resident's page live.
        residentView.WaitForAssertion(() => Assert.Equal(["Reported text"], Bodies(residentView)));
    }

    [Fact]
    public async Task A_closed_discussion_is_read_only_and_says_why()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (annaId, anna) = await harness.ResidentAsync("Anna");
        await harness.PostAsync(anna, idea, "Said while it was open");
        time.SetUtcNow(new DateTimeOffset(TestProjects.DiscussionCloses));
        SignInAs(annaId, []);

        var panel = RenderPanel(idea);

        panel.WaitForAssertion(() => Assert.Equal(["Said while it was open"], Bodies(panel)));
        Assert.Contains("The discussion is over", panel.Find("[data-testid=discussion-closed]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=comment-composer]"));
        Assert.Empty(panel.FindAll("[data-testid=reply]"));
    }

    /// <summary>Anna, signed in, reads a discussion holding Boris's comment, which she may reply to.</summary>
    private async Task<(CommentView BorisComment, IRenderedComponent<DiscussionPanel> Panel)> AnnaReadsBorisCommentAsync()
    {
        var (idea, _, borisComment) = await AnnaSignedInBesideBorisCommentAsync();
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.NotNull(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=reply]")));
        return (borisComment, panel);
    }

    /// <summary>Boris has commented on an idea, and Anna is signed in; nothing is rendered yet.</summary>
    private async Task<(Idea Idea, ClaimsPrincipal Boris, CommentView BorisComment)> AnnaSignedInBesideBorisCommentAsync()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (annaId, _) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var borisComment = await harness.PostAsync(boris, idea, "Boris was here");
        SignInAs(annaId, []);
        return (idea, boris, borisComment);
    }

    [Fact]
    public async Task A_discussion_that_closes_under_an_open_page_takes_every_comments_actions_away_at_the_next_post()
    {
        var (borisComment, panel) = await AnnaReadsBorisCommentAsync();
        Assert.False(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=upvote]")!.HasAttribute("disabled"));

        time.SetUtcNow(new DateTimeOffset(TestProjects.DiscussionCloses));
        panel.Find("[data-testid=comment-composer] textarea").Input("Too late");
        await panel.InvokeAsync(() => panel.Find("[data-testid=post-comment]").Click());

        panel.WaitForAssertion(() => Assert.Contains("The discussion is over", panel.Find("[data-testid=discussion-closed]").TextContent));
        // Anna keeps what she wrote, with the reason it was not posted.
        Assert.Equal("Too late", panel.Find("[data-testid=comment-composer] textarea").GetAttribute("value"));
        Assert.Contains("The discussion has just closed; your comment was not posted.", panel.Find("[data-testid=comment-composer]").TextContent);
        // Boris's comment itself did not change, but what Anna may do with it did.
        Assert.Null(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=reply]"));
        Assert.True(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=upvote]")!.HasAttribute("disabled"));
        Assert.Equal(["Boris was here"], Bodies(panel));
    }

    [Fact]
    public async Task Ones_own_comment_stops_offering_Edit_when_its_edit_window_ends_with_the_page_open()
    {
        var (_, _, first, panel) = await AnnaReadsHerCommentAsync();
        Assert.NotNull(CommentElement(panel, first.Id).QuerySelector("[data-testid=edit]"));

        time.Advance(CommentLimits.EditWindow - TimeSpan.FromSeconds(1));
        Assert.NotNull(CommentElement(panel, first.Id).QuerySelector("[data-testid=edit]"));
        time.Advance(TimeSpan.FromSeconds(2));

        panel.WaitForAssertion(() => Assert.Null(CommentElement(panel, first.Id).QuerySelector("[data-testid=edit]")));
        Assert.NotNull(CommentElement(panel, first.Id).QuerySelector("[data-testid=delete]"));
    }

    [Fact]
    public async Task A_reader_whose_sign_in_ends_under_the_open_page_is_invited_to_sign_in_and_offered_no_actions()
    {
        var (borisComment, panel) = await AnnaReadsBorisCommentAsync();

        // The password was changed elsewhere: the circuit's authentication state becomes a visitor's.
        SignInAs(null);

        panel.WaitForAssertion(() => Assert.Contains("Sign in to join the discussion.", panel.Markup));
        Assert.Empty(panel.FindAll("[data-testid=comment-composer]"));
        Assert.Null(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=reply]"));
        Assert.Null(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=report]"));
        Assert.True(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=upvote]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_sign_in_that_ends_while_the_discussion_is_first_read_is_followed_once_it_is_read()
    {
        var (idea, _, borisComment) = await AnnaSignedInBesideBorisCommentAsync();
        var answer = new TaskCompletionSource();
        database.ReadsWaitFor = answer.Task;

        var panel = RenderPanel(idea);
        await database.ReadWaiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        SignInAs(null);
        database.ReadsWaitFor = null;
        answer.SetResult();

        panel.WaitForAssertion(() =>
        {
            Assert.Equal(["Boris was here"], Bodies(panel));
            Assert.Contains("Sign in to join the discussion.", panel.Markup);
        });
        Assert.Empty(panel.FindAll("[data-testid=comment-composer]"));
        Assert.Null(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=reply]"));
        Assert.True(CommentElement(panel, borisComment.Id).QuerySelector("[data-testid=upvote]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Anonymous_readers_are_invited_to_sign_in()
    {
        var (idea, _) = await harness.IdeaAsync();

        var panel = RenderPanel(idea);

        panel.WaitForAssertion(() => Assert.Contains("Sign in to join the discussion.", panel.Markup));
        Assert.Empty(panel.FindAll("[data-testid=comment-composer]"));
        Assert.Equal("No comments yet. Start the discussion!", panel.Find("[data-testid=no-comments]").TextContent);
    }

    [Fact]
    public async Task Long_discussions_open_with_one_page_and_load_the_rest_on_demand()
    {
        var (idea, _) = await harness.IdeaAsync();
        var residents = new List<System.Security.Claims.ClaimsPrincipal>();
        for (var index = 0; index < 5; index++)
        {
            residents.Add((await harness.ResidentAsync($"Resident {index}")).Principal);
        }
        for (var index = 0; index < CommentLimits.ThreadsPerPage + 5; index++)
        {
            await harness.PostAsync(residents[index % residents.Count], idea, $"Comment {index + 1}");
            time.Advance(TimeSpan.FromSeconds(13));
        }

        var panel = RenderPanel(idea);

        panel.WaitForAssertion(() => Assert.Equal(CommentLimits.ThreadsPerPage, Bodies(panel).Count));
        await panel.InvokeAsync(() => panel.Find("[data-testid=load-more-comments]").Click());
        panel.WaitForAssertion(() => Assert.Equal(CommentLimits.ThreadsPerPage + 5, Bodies(panel).Count));
        Assert.Equal($"Comment {CommentLimits.ThreadsPerPage + 5}", Bodies(panel)[^1]);
        Assert.Empty(panel.FindAll("[data-testid=load-more-comments]"));
    }

    [Fact]
    public async Task A_long_thread_opens_with_its_first_replies_and_shows_the_rest_on_demand()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var root = await harness.PostAsync(anna, idea, "Start of a long thread");
        for (var index = 1; index <= CommentLimits.RepliesShown + 2; index++)
        {
            await harness.PostAsync(index % 2 == 0 ? anna : boris, idea, $"Reply {index}", root.Id);
            time.Advance(TimeSpan.FromSeconds(13));
        }

        var panel = RenderPanel(idea);

        panel.WaitForAssertion(() => Assert.Equal(
            ["Start of a long thread", .. Enumerable.Range(1, CommentLimits.RepliesShown).Select(index => $"Reply {index}")], Bodies(panel)));
        var more = panel.FindAll("button").Single(button => button.TextContent.Contains("Show more replies"));
        Assert.Equal("Show more replies (2)", more.TextContent.Trim());
        await panel.InvokeAsync(() => more.Click());
        panel.WaitForAssertion(() => Assert.Equal(CommentLimits.RepliesShown + 3, Bodies(panel).Count));
        Assert.Equal($"Reply {CommentLimits.RepliesShown + 2}", Bodies(panel)[^1]);
        Assert.DoesNotContain(panel.FindAll("button"), button => button.TextContent.Contains("Show more replies"));
    }

    [Fact]
    public async Task A_new_thread_that_arrives_while_a_threads_replies_load_waits_behind_its_button()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (_, anna) = await harness.ResidentAsync("Anna");
        var root = await harness.PostAsync(anna, idea, "Start of a long thread");
        for (var index = 1; index <= CommentLimits.RepliesShown + 1; index++)
        {
            await harness.PostAsync(anna, idea, $"Reply {index}", root.Id);
            time.Advance(TimeSpan.FromSeconds(13));
        }
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Equal(CommentLimits.RepliesShown + 1, Bodies(panel).Count));
        var more = panel.FindAll("button").Single(button => button.TextContent.Contains("Show more replies"));
        var answer = new TaskCompletionSource();
        database.ReadsWaitFor = answer.Task;

        // "Show more replies" renders its thread only; a new thread announced while its read is under way waits for the read.
        var clicking = panel.InvokeAsync(() => more.Click());
        await database.ReadWaiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var newThreadId = root.Id + 1000;
        harness.LiveEvents.Publish(DiscussionTargets.Topic(DiscussionTargets.Idea, idea.Id), new CommentPosted(root with
        {
            Id = newThreadId, ThreadId = newThreadId, AuthorId = "someone", AuthorName = "Someone", BodyHtml = "<p>A new thread</p>", ReplyCount = 0,
        }));
        database.ReadsWaitFor = null;
        answer.SetResult();
        await clicking;

        panel.WaitForAssertion(() =>
        {
            Assert.Equal(CommentLimits.RepliesShown + 2, Bodies(panel).Count);
            Assert.Equal("New comments: 1. Show", panel.Find("[data-testid=show-new-comments]").TextContent.Trim());
            Assert.Equal($"Comments: {CommentLimits.RepliesShown + 3}", panel.Find("[data-testid=comment-total]").TextContent.Trim());
        });
    }

    /// <summary>Posts this many top-level comments, spread over residents and time so no rate limit is reached.</summary>
    private async Task<List<CommentView>> ManyThreadsAsync(Idea idea, int count)
    {
        var residents = new List<System.Security.Claims.ClaimsPrincipal>();
        for (var index = 0; index < 5; index++)
        {
            residents.Add((await harness.ResidentAsync($"Resident {index}")).Principal);
        }
        var posted = new List<CommentView>();
        for (var index = 0; index < count; index++)
        {
            posted.Add(await harness.PostAsync(residents[index % residents.Count], idea, $"Comment {index + 1}"));
            time.Advance(TimeSpan.FromSeconds(13));
        }
        return posted;
    }

    [Fact]
    public async Task After_a_lost_connection_threads_not_yet_scrolled_to_are_not_taken_for_new_ones()
    {
        var (idea, _) = await harness.IdeaAsync();
        await ManyThreadsAsync(idea, CommentLimits.ThreadsPerPage + 5);
        var (annaId, _) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        SignInAs(annaId, []);
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Equal(CommentLimits.ThreadsPerPage, Bodies(panel).Count));
        var connection = Services.GetRequiredService<CircuitConnection>();
        await connection.ConnectedAsync();
        connection.Disconnected();

        await new DiscussionHarness(database, time).PostAsync(boris, idea, "Really new, missed in the tunnel");
        await connection.ConnectedAsync();

        panel.WaitForAssertion(() => Assert.Equal("New comments: 1. Show", panel.Find("[data-testid=show-new-comments]").TextContent.Trim()));
        Assert.Equal($"Comments: {CommentLimits.ThreadsPerPage + 6}", panel.Find("[data-testid=comment-total]").TextContent.Trim());
    }

    [Fact]
    public async Task A_link_to_a_comment_far_down_the_discussion_shows_its_thread()
    {
        var (idea, _) = await harness.IdeaAsync();
        var threads = await ManyThreadsAsync(idea, CommentLimits.ThreadsPerPage + 5);
        var (_, anna) = await harness.ResidentAsync("Anna");
        var linked = await harness.PostAsync(anna, idea, "The reply a notification points to", threads[^1].Id);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/ideas/{idea.Id}#comment-{linked.Id}");

        var panel = RenderPanel(idea);

        panel.WaitForAssertion(() =>
        {
            Assert.Equal($"Comment {CommentLimits.ThreadsPerPage + 5}", Bodies(panel)[0]);
            Assert.Equal("The reply a notification points to", Bodies(panel)[1]);
        });
    }

    [Fact]
    public async Task After_a_lost_connection_comments_missed_meanwhile_are_loaded()
    {
        var (idea, _) = await harness.IdeaAsync();
        var (annaId, anna) = await harness.ResidentAsync("Anna");
        var (_, boris) = await harness.ResidentAsync("Boris");
        var first = await harness.PostAsync(anna, idea, "Before the tunnel");
        SignInAs(annaId, []);
        var panel = RenderPanel(idea);
        panel.WaitForAssertion(() => Assert.Single(Bodies(panel)));
        var connection = Services.GetRequiredService<CircuitConnection>();
        await connection.ConnectedAsync();
        connection.Disconnected();

        // Posted through another server's bus: this page's subscription never hears of it, as if the event were lost.
        var elsewhere = new DiscussionHarness(database, time);
        await elsewhere.PostAsync(boris, idea, "Said while Anna was in the tunnel", first.Id);
        await elsewhere.Service().EditAsync(anna, first.Id, "Before the tunnel (edited)", CommentStance.None);
        await connection.ConnectedAsync();

        panel.WaitForAssertion(() => Assert.Equal(["Before the tunnel (edited)", "Said while Anna was in the tunnel"], Bodies(panel)));
    }
}
