using System.Text.Json;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Moderation;

public sealed class ModerationServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(ModerationHarness.DuringScreening));
    private readonly ModerationHarness harness;

    public ModerationServiceTests() => harness = new ModerationHarness(database, time);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Merging_moves_supports_and_followers_counting_a_resident_who_supported_both_once()
    {
        var project = await harness.ProjectAsync();
        var (sourceAuthor, _) = await harness.UserAsync("Source author");
        var (targetAuthor, _) = await harness.UserAsync("Target author");
        var (anna, _) = await harness.UserAsync("Anna");
        var (boris, _) = await harness.UserAsync("Boris");
        var (clara, _) = await harness.UserAsync("Clara");
        var (dmitry, _) = await harness.UserAsync("Dmitry");
        var (_, moderator) = await harness.UserAsync("Moderator", Roles.Moderator);
        var source = await harness.IdeaAsync(project, sourceAuthor, "Pay the bill with a QR code");
        var target = await harness.IdeaAsync(project, targetAuthor, "QR code on the paper bill");
        // Boris supported both; the target's author supported the duplicate, and must not end up supporting their own idea.
        await harness.SupportAsync(source.Id, anna, boris, targetAuthor);
        await harness.SupportAsync(target.Id, boris, clara);
        await harness.FollowAsync(source.Id, anna, dmitry);
        await harness.FollowAsync(target.Id, dmitry);

        var result = await harness.Moderation().MergeIdeaAsync(moderator, source.Id, target.Id, "Same proposal");

        Assert.Equal(ModerationStatus.Done, result.Status);
        await using var db = database.CreateContext();
        Assert.Equal(new[] { anna, boris, clara }.Order(), (await db.Set<IdeaSupport>().Where(support => support.IdeaId == target.Id).Select(support => support.UserId).ToListAsync()).Order());
        Assert.Equal(new[] { anna, dmitry }.Order(), (await db.Set<IdeaFollow>().Where(follow => follow.IdeaId == target.Id).Select(follow => follow.UserId).ToListAsync()).Order());
        Assert.False(await db.Set<IdeaSupport>().AnyAsync(support => support.IdeaId == source.Id));
        var (mergedSource, mergedTarget) = (await harness.StoredIdeaAsync(source.Id), await harness.StoredIdeaAsync(target.Id));
        Assert.Equal((target.Id, 0), (mergedSource.MergedIntoId, mergedSource.SupportCount));
        Assert.Equal(3, mergedTarget.SupportCount);
        var told = await db.Set<Notification>().SingleAsync(notification => notification.Kind == NotificationKind.YourIdeaMerged);
        Assert.Equal((sourceAuthor, $"/ideas/{target.Id}", "Same proposal"), (told.UserId, told.Url, told.Excerpt));
        var trail = await harness.AuditAsync();
        Assert.Equal([ModerationItems.Idea(target.Id), ModerationItems.Idea(source.Id)], trail.Select(entry => entry.Target));
        Assert.All(trail, entry => Assert.Equal((AuditActions.IdeaMerged, "Same proposal"), (entry.Action, entry.Reason)));
        Assert.Equal(target.Id, JsonDocument.Parse(trail[1].After!).RootElement.GetProperty("MergedIntoId").GetInt32());
        Assert.Equal((2, 3), (JsonDocument.Parse(trail[0].Before!).RootElement.GetProperty("SupportCount").GetInt32(),
            JsonDocument.Parse(trail[0].After!).RootElement.GetProperty("SupportCount").GetInt32()));
    }

    [Fact]
    public async Task Merging_into_itself_into_a_merged_idea_or_across_projects_is_refused_and_changes_nothing()
    {
        var project = await harness.ProjectAsync();
        var otherProject = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Moderator", Roles.Moderator);
        var first = await harness.IdeaAsync(project, author, "First");
        var second = await harness.IdeaAsync(project, author, "Second");
        var third = await harness.IdeaAsync(project, author, "Third");
        var elsewhere = await harness.IdeaAsync(otherProject, author, "Elsewhere");
        Assert.Equal(ModerationStatus.Done, (await harness.Moderation().MergeIdeaAsync(moderator, second.Id, third.Id, null)).Status);

        var intoItself = await harness.Moderation().MergeIdeaAsync(moderator, first.Id, first.Id, null);
        var intoMerged = await harness.Moderation().MergeIdeaAsync(moderator, first.Id, second.Id, null);
        var mergedAgain = await harness.Moderation().MergeIdeaAsync(moderator, second.Id, first.Id, null);
        var acrossProjects = await harness.Moderation().MergeIdeaAsync(moderator, first.Id, elsewhere.Id, null);
        var intoNothing = await harness.Moderation().MergeIdeaAsync(moderator, first.Id, 999_999, null);

        Assert.Equal((ModerationStatus.Refused, "Moderation.Refused.Merge.SameIdea"), (intoItself.Status, intoItself.MessageKey));
        Assert.Equal((ModerationStatus.Refused, "Moderation.Refused.Merge.AlreadyMerged"), (intoMerged.Status, intoMerged.MessageKey));
        Assert.Equal((ModerationStatus.Refused, "Moderation.Refused.Merge.AlreadyMerged"), (mergedAgain.Status, mergedAgain.MessageKey));
        Assert.Equal((ModerationStatus.Refused, "Moderation.Refused.Merge.OtherProject"), (acrossProjects.Status, acrossProjects.MessageKey));
        Assert.Equal(ModerationStatus.NotFound, intoNothing.Status);
        Assert.Null((await harness.StoredIdeaAsync(first.Id)).MergedIntoId);
        Assert.Equal(2, (await harness.AuditAsync()).Count);

        var shortlisted = await harness.IdeaAsync(project, author, "Shortlisted already", IdeaState.Shortlisted);
        var advanced = await harness.Moderation().MergeIdeaAsync(moderator, shortlisted.Id, first.Id, null);
        Assert.Equal((ModerationStatus.Refused, "Moderation.Refused.Merge.SourceAdvanced"), (advanced.Status, advanced.MessageKey));
    }

    [Fact]
    public async Task Of_ten_moderators_claiming_one_item_at_once_exactly_one_wins()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new ModerationHarness(onDisk, time);
        var project = await racing.ProjectAsync();
        var (author, _) = await racing.UserAsync("Author");
        var idea = await racing.IdeaAsync(project, author);
        var moderators = new List<System.Security.Claims.ClaimsPrincipal>();
        for (var index = 0; index < 10; index++)
        {
            moderators.Add((await racing.UserAsync($"Moderator {index}", Roles.Moderator)).Principal);
        }

        var results = await Task.WhenAll(moderators.Select(moderator => Task.Run(() => racing.Moderation().ClaimAsync(moderator, ModerationItems.Idea(idea.Id)))));

        Assert.Single(results, result => result.Status == ModerationStatus.Done);
        Assert.Equal(9, results.Count(result => result.Status == ModerationStatus.ClaimedByOther && result.ClaimedBy is not null));
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<ModerationClaim>().CountAsync());
    }

    [Fact]
    public async Task A_claim_keeps_others_off_the_item_until_five_idle_minutes_pass()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var idea = await harness.IdeaAsync(project, author);
        var (_, maxim) = await harness.UserAsync("Maxim", Roles.Moderator);
        var (_, olga) = await harness.UserAsync("Olga", Roles.Moderator);
        var announced = new TaskCompletionSource<ModerationClaimChanged>();
        using var _ = harness.LiveEvents.Subscribe<ModerationClaimChanged>(LiveTopics.Moderation, changed =>
        {
            announced.TrySetResult(changed);
            return Task.CompletedTask;
        });
        Assert.Equal(ModerationStatus.Done, (await harness.Moderation().ClaimAsync(maxim, ModerationItems.Idea(idea.Id))).Status);
        var claimEvent = await announced.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(("Maxim", time.GetUtcNow().UtcDateTime + ModerationLimits.ClaimIdleTimeout), (claimEvent.ModeratorName, claimEvent.Until));

        var blocked = await harness.Moderation().HideIdeasAsync(olga, [idea.Id], "Spam");
        var claimRefused = await harness.Moderation().ClaimAsync(olga, ModerationItems.Idea(idea.Id));

        Assert.Equal((ModerationStatus.ClaimedByOther, "Maxim"), (blocked.Status, blocked.ClaimedBy));
        Assert.Equal(ModerationStatus.ClaimedByOther, claimRefused.Status);
        Assert.Null((await harness.StoredIdeaAsync(idea.Id)).HiddenAt);

        // Maxim acts after four minutes, which keeps his claim alive for five more.
        time.Advance(TimeSpan.FromMinutes(4));
        await harness.Moderation().MarkTriagedAsync(maxim, [idea.Id]);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(ModerationStatus.ClaimedByOther, (await harness.Moderation().ClaimAsync(olga, ModerationItems.Idea(idea.Id))).Status);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ModerationStatus.Done, (await harness.Moderation().ClaimAsync(olga, ModerationItems.Idea(idea.Id))).Status);
    }

    [Fact]
    public async Task A_bulk_action_skips_the_items_another_moderator_is_reviewing()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var ideas = new[] { await harness.IdeaAsync(project, author, "One"), await harness.IdeaAsync(project, author, "Two"), await harness.IdeaAsync(project, author, "Three") };
        var (_, maxim) = await harness.UserAsync("Maxim", Roles.Moderator);
        var (_, olga) = await harness.UserAsync("Olga", Roles.Moderator);
        await harness.Moderation().ClaimAsync(maxim, ModerationItems.Idea(ideas[1].Id));

        var result = await harness.Moderation().MarkTriagedAsync(olga, [.. ideas.Select(idea => idea.Id)]);

        Assert.Equal((ModerationStatus.Done, 2, 1, "Maxim"), (result.Status, result.Affected, result.Skipped, result.ClaimedBy));
        Assert.Null((await harness.StoredIdeaAsync(ideas[1].Id)).TriagedAt);
        Assert.Equal(2, (await harness.AuditAsync()).Count);
    }

    [Fact]
    public async Task Two_moderators_hiding_one_idea_at_once_hide_it_once_and_the_trail_says_so_once()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new ModerationHarness(onDisk, time);
        var project = await racing.ProjectAsync();
        var (author, _) = await racing.UserAsync("Author");
        var idea = await racing.IdeaAsync(project, author);
        var (_, maxim) = await racing.UserAsync("Maxim", Roles.Moderator);
        var (_, olga) = await racing.UserAsync("Olga", Roles.Moderator);

        var results = await Task.WhenAll(
            Task.Run(() => racing.Moderation().HideIdeasAsync(maxim, [idea.Id], "Advertising")),
            Task.Run(() => racing.Moderation().HideIdeasAsync(olga, [idea.Id], "Advertising")));

        Assert.Single(results, result => result.Status == ModerationStatus.Done);
        Assert.Single(results, result => result.Status == ModerationStatus.AlreadyDone);
        Assert.Single(await racing.AuditAsync());
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<Notification>().CountAsync(notification => notification.Kind == NotificationKind.YourIdeaHidden));
    }

    [Fact]
    public async Task Every_action_leaves_an_entry_with_who_what_why_and_the_state_before_and_after()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var idea = await harness.IdeaAsync(project, author);
        var tagId = await harness.TagAsync();
        var (_, commenter) = await harness.UserAsync("Commenter");
        var comment = (await harness.Discussions().PostAsync(commenter,
            new CommentDraft(DiscussionTargets.Idea, idea.Id, null, "Rude words", CommentStance.None, Guid.NewGuid()))).Comment!;
        var moderation = harness.Moderation();

        await moderation.AddTagAsync(moderator, [idea.Id], tagId);
        await moderation.RemoveTagAsync(moderator, idea.Id, tagId);
        await moderation.MarkTriagedAsync(moderator, [idea.Id]);
        await moderation.HideIdeasAsync(moderator, [idea.Id], "Advertising");
        await moderation.RestoreIdeaAsync(moderator, idea.Id, "Checked: it is a real proposal");
        await moderation.RejectIdeaAsync(moderator, idea.Id, 1, "Belongs to the transport project");
        await moderation.ReviewCommentAsync(moderator, comment.Id, hide: true, "Insults");
        await moderation.CreateTagAsync(moderator, "Lighting");
        await moderation.CreateRejectionReasonAsync(moderator, "Too vague", "Слишком расплывчато");
        await moderation.ArchiveRejectionReasonAsync(moderator, 2);

        var trail = await harness.AuditAsync();
        Assert.Equal(
        [
            AuditActions.IdeaTagAdded, AuditActions.IdeaTagRemoved, AuditActions.IdeaTriaged, AuditActions.IdeaHidden, AuditActions.IdeaRestored,
            AuditActions.IdeaRejected, AuditActions.CommentHidden, AuditActions.TagCreated, AuditActions.RejectionReasonCreated, AuditActions.RejectionReasonArchived,
        ], trail.Select(entry => entry.Action));
        Assert.All(trail, entry => Assert.Equal("Maxim", entry.ActorName));
        var hidden = trail.Single(entry => entry.Action == AuditActions.IdeaHidden);
        Assert.Equal((ModerationItems.Idea(idea.Id), "Advertising"), (hidden.Target, hidden.Reason));
        Assert.False(JsonDocument.Parse(hidden.Before!).RootElement.GetProperty("Hidden").GetBoolean());
        Assert.True(JsonDocument.Parse(hidden.After!).RootElement.GetProperty("Hidden").GetBoolean());
        var tagged = trail.Single(entry => entry.Action == AuditActions.IdeaTagAdded);
        Assert.Equal(["mobile-app"], JsonDocument.Parse(tagged.After!).RootElement.GetProperty("Tags").EnumerateArray().Select(tag => tag.GetString()));
        var rejected = trail.Single(entry => entry.Action == AuditActions.IdeaRejected);
        Assert.Equal("Rejected", JsonDocument.Parse(rejected.After!).RootElement.GetProperty("State").GetString());
        Assert.Equal((DiscussionTargets.CommentSource(comment.Id), "Insults"), (trail[6].Target, trail[6].Reason));
        Assert.Equal(1, JsonDocument.Parse(rejected.After!).RootElement.GetProperty("RejectionReasonId").GetInt32());
    }

    [Fact]
    public async Task Dismissing_reports_on_a_visible_idea_is_recorded_as_such_and_leaves_the_author_untold()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var (_, reporter) = await harness.UserAsync("Reporter");
        var idea = await harness.IdeaAsync(project, author);
        await harness.Ideas().ReportAsync(reporter, idea.Id, IdeaReportReason.Spam, null);

        var dismissed = await harness.Moderation().RestoreIdeaAsync(moderator, idea.Id, "Not spam");

        Assert.Equal(ModerationStatus.Done, dismissed.Status);
        var entry = Assert.Single(await harness.AuditAsync());
        Assert.Equal(AuditActions.IdeaReportsDismissed, entry.Action);
        Assert.Equal(0, (await harness.StoredIdeaAsync(idea.Id)).OpenReports);
        var item = new QueueItem(ModerationItems.Idea(idea.Id), QueueItemKind.ReportedIdea, idea.Id, idea.Id, project.Id, null, idea.Title, "", "", idea.SubmittedAt, 0);
        Assert.Empty(await harness.Queries().ReportsAsync(item));
        await using var db = database.CreateContext();
        Assert.False(await db.Set<Notification>().AnyAsync());
    }

    [Fact]
    public async Task An_idea_a_moderator_hid_or_merged_takes_no_more_reports()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var (_, reporter) = await harness.UserAsync("Reporter");
        var hidden = await harness.IdeaAsync(project, author, "Hidden");
        var merged = await harness.IdeaAsync(project, author, "Merged");
        var target = await harness.IdeaAsync(project, author, "Target");
        await harness.Moderation().HideIdeasAsync(moderator, [hidden.Id], "Advertising");
        await harness.Moderation().MergeIdeaAsync(moderator, merged.Id, target.Id, null);

        Assert.Equal(IdeaChangeStatus.Unavailable, (await harness.Ideas().ReportAsync(reporter, hidden.Id, IdeaReportReason.Spam, null)).Status);
        Assert.Equal(IdeaChangeStatus.Unavailable, (await harness.Ideas().ReportAsync(reporter, merged.Id, IdeaReportReason.Spam, null)).Status);
        Assert.Equal(0, (await harness.StoredIdeaAsync(hidden.Id)).OpenReports);
    }

    [Fact]
    public async Task Hiding_a_comment_from_its_thread_is_audited_once_and_reaches_the_consoles()
    {
        using var onDisk = TestDatabase.OnDisk();
        var racing = new ModerationHarness(onDisk, time);
        var project = await racing.ProjectAsync();
        var (author, _) = await racing.UserAsync("Author");
        var idea = await racing.IdeaAsync(project, author);
        var (_, commenter) = await racing.UserAsync("Commenter");
        var (_, maxim) = await racing.UserAsync("Maxim", Roles.Moderator);
        var (_, olga) = await racing.UserAsync("Olga", Roles.Moderator);
        var comment = (await racing.Discussions().PostAsync(commenter,
            new CommentDraft(DiscussionTargets.Idea, idea.Id, null, "Rude words", CommentStance.None, Guid.NewGuid()))).Comment!;
        var consoleTold = new TaskCompletionSource<ModerationQueueChanged>();
        using var _ = racing.LiveEvents.Subscribe<ModerationQueueChanged>(LiveTopics.Moderation, changed =>
        {
            consoleTold.TrySetResult(changed);
            return Task.CompletedTask;
        });

        var results = await Task.WhenAll(
            Task.Run(() => racing.Discussions().ModerateAsync(maxim, comment.Id, hide: true, "Insults")),
            Task.Run(() => racing.Discussions().ModerateAsync(olga, comment.Id, hide: true, "Insults")));

        Assert.Equal([CommentStatus.Done, CommentStatus.AlreadyDone], results.Select(result => result.Status).Order());
        Assert.Single(await racing.AuditAsync());
        Assert.Equal(ModerationItems.Comment(comment.Id), (await consoleTold.Task.WaitAsync(TimeSpan.FromSeconds(20))).ItemKey);
    }

    [Fact]
    public async Task Verdicts_and_the_shortlist_are_in_the_trail_with_the_explanation()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, expert) = await harness.UserAsync("Elena", Roles.Expert);
        var idea = await harness.IdeaAsync(project, author);

        await harness.Screening().ScreenAsync(expert, idea.Id, true, "Fits the budget.");
        await harness.Screening().ShortlistAsync(expert, idea.Id, true);
        await harness.Screening().ShortlistAsync(expert, idea.Id, false);

        var trail = await harness.AuditAsync();
        Assert.Equal([AuditActions.IdeaScreened, AuditActions.IdeaShortlisted, AuditActions.IdeaUnshortlisted], trail.Select(entry => entry.Action));
        Assert.Equal(("Elena", "Fits the budget."), (trail[0].ActorName, trail[0].Reason));
        Assert.Equal(("Submitted", "Feasible"), (JsonDocument.Parse(trail[0].Before!).RootElement.GetProperty("State").GetString(),
            JsonDocument.Parse(trail[0].After!).RootElement.GetProperty("State").GetString()));
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_emptied_even_bypassing_the_code()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var idea = await harness.IdeaAsync(project, author);
        await harness.Moderation().MarkTriagedAsync(moderator, [idea.Id]);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET ActorName = 'Someone else'"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.Equal("Maxim", Assert.Single(await harness.AuditAsync()).ActorName);
    }

    [Fact]
    public async Task Hiding_needs_a_reason_the_author_is_told_and_a_missing_idea_or_tag_is_reported_as_such()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var idea = await harness.IdeaAsync(project, author);

        var noReason = await harness.Moderation().HideIdeasAsync(moderator, [idea.Id], "   ");
        var missingIdea = await harness.Moderation().AddTagAsync(moderator, [999_999], await harness.TagAsync());
        var missingTag = await harness.Moderation().AddTagAsync(moderator, [idea.Id], 999_999);
        var noReasonChosen = await harness.Moderation().RejectIdeaAsync(moderator, idea.Id, null, "Text only");

        Assert.Equal("Validation.ModerationReasonRequired", Assert.Single(noReason.Errors!).MessageKey);
        Assert.Equal(ModerationStatus.NotFound, missingIdea.Status);
        Assert.Equal(ModerationStatus.NotFound, missingTag.Status);
        Assert.Equal((ModerationStatus.Invalid, "Validation.RejectionReason"), (noReasonChosen.Status, noReasonChosen.MessageKey));
        var stored = await harness.StoredIdeaAsync(idea.Id);
        Assert.Equal((null, IdeaState.Submitted), (stored.HiddenAt, stored.State));
        Assert.Empty(await harness.AuditAsync());

        var hidden = await harness.Moderation().HideIdeasAsync(moderator, [idea.Id], "Advertising");
        Assert.Equal(ModerationStatus.Done, hidden.Status);
        await using var db = database.CreateContext();
        var told = await db.Set<Notification>().SingleAsync();
        Assert.Equal((author, NotificationKind.YourIdeaHidden, "Advertising"), (told.UserId, told.Kind, told.Excerpt));
    }

    [Fact]
    public async Task A_tag_reaches_every_viewer_with_the_tags_themselves_and_a_hidden_idea_leaves_the_catalog()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var idea = await harness.IdeaAsync(project, author);
        var tagId = await harness.TagAsync();
        var tagged = new TaskCompletionSource<IdeaTagsChanged>();
        using var _ = harness.LiveEvents.Subscribe<IdeaTagsChanged>(LiveTopics.Idea(idea.Id), changed =>
        {
            tagged.TrySetResult(changed);
            return Task.CompletedTask;
        });

        await harness.Moderation().AddTagAsync(moderator, [idea.Id], tagId);
        var announced = await tagged.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("mobile-app", Assert.Single(announced.Tags).Slug);

        await harness.Moderation().HideIdeasAsync(moderator, [idea.Id], "Advertising");
        var catalog = await new IdeaQueries(database.Factory).CatalogAsync(new CatalogQuery(ProjectId: project.Id));
        Assert.Empty(catalog.Ideas);
    }

    [Fact]
    public async Task A_tag_does_not_send_the_ideas_readers_back_to_the_database_but_hiding_it_does()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var idea = await harness.IdeaAsync(project, author);
        var tagId = await harness.TagAsync();
        var heard = new List<ILiveEvent>();
        var delivered = new SemaphoreSlim(0);
        using var _ = harness.LiveEvents.Subscribe<ILiveEvent>(LiveTopics.Idea(idea.Id), liveEvent =>
        {
            lock (heard)
            {
                heard.Add(liveEvent);
            }
            if (liveEvent is IdeaChanged)
            {
                delivered.Release();
            }
            return Task.CompletedTask;
        });
        // The bus keeps each subscriber's order: once this marker arrives, everything announced before it has arrived too.
        async Task<List<ILiveEvent>> HeardUntilNowAsync()
        {
            harness.LiveEvents.Publish(LiveTopics.Idea(idea.Id), new IdeaChanged(idea.Id));
            Assert.True(await delivered.WaitAsync(TimeSpan.FromSeconds(20)));
            lock (heard)
            {
                var copy = heard.Where(liveEvent => liveEvent is not IdeaChanged).ToList();
                heard.Clear();
                return copy;
            }
        }

        await harness.Moderation().AddTagAsync(moderator, [idea.Id], tagId);
        Assert.IsType<IdeaTagsChanged>(Assert.Single(await HeardUntilNowAsync()));

        await harness.Moderation().HideIdeasAsync(moderator, [idea.Id], "Advertising");
        Assert.True(Assert.IsType<IdeaModerated>(Assert.Single(await HeardUntilNowAsync())).Hidden);
    }

    [Fact]
    public async Task Three_reports_from_different_residents_hide_an_idea_pending_review_and_put_it_in_the_queue()
    {
        var project = await harness.ProjectAsync();
        var (author, authorPrincipal) = await harness.UserAsync("Author");
        var idea = await harness.IdeaAsync(project, author);
        var reporters = new[] { await harness.UserAsync("One"), await harness.UserAsync("Two"), await harness.UserAsync("Three") };
        var ideas = harness.Ideas();

        Assert.Equal(IdeaChangeStatus.NotAuthor, (await ideas.ReportAsync(authorPrincipal, idea.Id, IdeaReportReason.Spam, null)).Status);
        Assert.Equal(IdeaChangeStatus.Done, (await ideas.ReportAsync(reporters[0].Principal, idea.Id, IdeaReportReason.Duplicate, null)).Status);
        Assert.Equal(IdeaChangeStatus.AlreadyDone, (await ideas.ReportAsync(reporters[0].Principal, idea.Id, IdeaReportReason.Spam, null)).Status);
        Assert.Equal(IdeaChangeStatus.Invalid, (await ideas.ReportAsync(reporters[1].Principal, idea.Id, IdeaReportReason.Other, " ")).Status);
        await ideas.ReportAsync(reporters[1].Principal, idea.Id, IdeaReportReason.Spam, null);
        Assert.Null((await harness.StoredIdeaAsync(idea.Id)).HiddenAt);
        await ideas.ReportAsync(reporters[2].Principal, idea.Id, IdeaReportReason.Other, "Advertises a shop");

        var stored = await harness.StoredIdeaAsync(idea.Id);
        Assert.Equal((IdeaHiddenBy.Reports, 3), (stored.HiddenBy, stored.OpenReports));
        var item = Assert.Single(await harness.Queries().QueueAsync(project.Id, null));
        Assert.Equal((QueueItemKind.HiddenIdea, 3), (item.Kind, item.Reports));
        Assert.Equal(3, (await harness.Queries().ReportsAsync(item)).Count);
    }

    [Fact]
    public async Task The_queue_holds_new_ideas_and_reported_comments_and_forgets_what_was_dealt_with()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, moderator) = await harness.UserAsync("Maxim", Roles.Moderator);
        var idea = await harness.IdeaAsync(project, author);
        var (_, commenter) = await harness.UserAsync("Commenter");
        var (_, reporter) = await harness.UserAsync("Reporter");
        var comment = (await harness.Discussions().PostAsync(commenter,
            new CommentDraft(DiscussionTargets.Idea, idea.Id, null, "Rude words", CommentStance.None, Guid.NewGuid()))).Comment!;
        await harness.Discussions().ReportAsync(reporter, comment.Id, ReportReason.Offensive, null);

        var queue = await harness.Queries().QueueAsync(null, null);
        Assert.Equal([QueueItemKind.NewIdea, QueueItemKind.ReportedComment], queue.Select(item => item.Kind));

        await harness.Moderation().MarkTriagedAsync(moderator, [idea.Id]);
        await harness.Moderation().ReviewCommentAsync(moderator, comment.Id, hide: false, "Not offensive");

        Assert.Empty(await harness.Queries().QueueAsync(null, null));
    }

    [Fact]
    public async Task Verdicts_need_an_explanation_and_the_screening_phase_and_only_feasible_ideas_are_shortlisted()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, expert) = await harness.UserAsync("Elena", Roles.Expert);
        var idea = await harness.IdeaAsync(project, author, "Feasible one");
        var other = await harness.IdeaAsync(project, author, "Not feasible one");
        var screening = harness.Screening();

        var unexplained = await screening.ScreenAsync(expert, idea.Id, true, "");
        Assert.Equal((ModerationStatus.Invalid, ScreeningService.ExplanationField), (unexplained.Status, unexplained.Errors![0].Field));
        Assert.Equal(ModerationStatus.Done, (await screening.ScreenAsync(expert, idea.Id, true, "Fits the budget.")).Status);
        Assert.Equal(ModerationStatus.Done, (await screening.ScreenAsync(expert, other.Id, false, "Needs a law change.")).Status);
        var notFeasible = await screening.ShortlistAsync(expert, other.Id, true);
        Assert.Equal((ModerationStatus.Refused, "Screening.Refused.NotFeasible"), (notFeasible.Status, notFeasible.MessageKey));
        Assert.Equal(ModerationStatus.Done, (await screening.ShortlistAsync(expert, idea.Id, true)).Status);
        var shortlistedVerdict = await screening.ScreenAsync(expert, idea.Id, false, "Changed my mind.");
        Assert.Equal((ModerationStatus.Refused, "Screening.Refused.NotScreenable"), (shortlistedVerdict.Status, shortlistedVerdict.MessageKey));

        var stored = await harness.StoredIdeaAsync(other.Id);
        Assert.Equal((IdeaState.NotFeasible, "Needs a law change."), (stored.State, stored.StateReason));
        Assert.Equal(IdeaState.Shortlisted, (await harness.StoredIdeaAsync(idea.Id)).State);
        await using var db = database.CreateContext();
        Assert.Equal(
            [NotificationKind.YourIdeaFeasible, NotificationKind.YourIdeaNotFeasible, NotificationKind.YourIdeaShortlisted],
            await db.Set<Notification>().OrderBy(notification => notification.Id).Select(notification => notification.Kind).ToListAsync());
    }

    [Fact]
    public async Task Verdicts_wait_for_the_screening_phase_and_the_shortlist_freezes_when_the_commission_phase_begins()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, expert) = await harness.UserAsync("Elena", Roles.Expert);
        var idea = await harness.IdeaAsync(project, author, "Screened later");
        var feasible = await harness.IdeaAsync(project, author, "Already feasible", IdeaState.Feasible);

        var early = new ModerationHarness(database, new FakeTimeProvider(new DateTimeOffset(TestProjects.SubmissionOpens.AddHours(5))));
        var tooEarly = await early.Screening().ScreenAsync(expert, idea.Id, true, "Fits the budget.");
        Assert.Equal((ModerationStatus.Refused, "Screening.Refused.NotScreeningPhase"), (tooEarly.Status, tooEarly.MessageKey));

        var late = new ModerationHarness(database, new FakeTimeProvider(new DateTimeOffset(TestProjects.DiscussionCloses.AddHours(1))));
        var frozen = await late.Screening().ShortlistAsync(expert, feasible.Id, true);
        Assert.Equal((ModerationStatus.Refused, "Screening.Refused.ShortlistFrozen"), (frozen.Status, frozen.MessageKey));
        Assert.Equal(IdeaState.Feasible, (await harness.StoredIdeaAsync(feasible.Id)).State);
    }

    [Fact]
    public async Task A_commission_session_that_has_opened_freezes_the_shortlist_even_within_the_screening_phase()
    {
        var project = await harness.ProjectAsync();
        var (author, _) = await harness.UserAsync("Author");
        var (_, expert) = await harness.UserAsync("Elena", Roles.Expert);
        var (memberId, _) = await harness.UserAsync("Member", Roles.CommissionMember);
        var (_, admin) = await harness.UserAsync("Admin", Roles.Admin);
        var first = await harness.IdeaAsync(project, author, "Shortlisted before the opening", IdeaState.Feasible);
        var second = await harness.IdeaAsync(project, author, "Shortlisted too late", IdeaState.Feasible);
        var opens = ModerationHarness.DuringScreening.AddHours(2);
        var created = await new Commission.CommissionHarness(database, time).Service().CreateSessionAsync(admin, new App.Features.Commission.SessionDraft(
            project.Id, [memberId], memberId, opens, opens.AddDays(1), 50, App.Features.Commission.DecisionRule.MoreForThanAgainst, true));
        Assert.Equal(App.Features.Commission.CommissionStatus.Done, created.Status);

        var before = await harness.Screening().ShortlistAsync(expert, first.Id, true);
        time.SetUtcNow(new DateTimeOffset(opens));
        var after = await harness.Screening().ShortlistAsync(expert, second.Id, true);
        var withdrawn = await harness.Screening().ShortlistAsync(expert, first.Id, false);

        Assert.Equal(ModerationStatus.Done, before.Status);
        Assert.Equal((ModerationStatus.Refused, "Screening.Refused.ShortlistFrozen"), (after.Status, after.MessageKey));
        Assert.Equal((ModerationStatus.Refused, "Screening.Refused.ShortlistFrozen"), (withdrawn.Status, withdrawn.MessageKey));
        Assert.Equal((IdeaState.Shortlisted, IdeaState.Feasible), ((await harness.StoredIdeaAsync(first.Id)).State, (await harness.StoredIdeaAsync(second.Id)).State));
    }
}
