using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Ideas;

public sealed class IdeasServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(TestProjects.SubmissionOpens.AddHours(2)));
    private readonly InProcessLiveEvents liveEvents = new(NullLogger<InProcessLiveEvents>.Instance);

    private IdeasService Service(TestDatabase? on = null, TimeProvider? clock = null)
    {
        var db = on ?? database;
        return new(db.Factory, new ProjectQueries(db.Factory, clock ?? time), new UserAccess(db.Factory), liveEvents, clock ?? time);
    }

    private void At(DateTime instant) => time.SetUtcNow(new DateTimeOffset(instant));

    private static IdeaDraft Draft(Project project, string title = "Show the full bill before paying", Guid? key = null) => new(
        project.Id, title, "Right now the account shows one total; I want each service listed with its tariff.", project.Categories[0].Id, null, key ?? Guid.NewGuid());

    [Theory]
    [InlineData(-1, SubmitStatus.WindowClosed)]
    [InlineData(0, SubmitStatus.Submitted)]
    [InlineData(1, SubmitStatus.Submitted)]
    public async Task Submission_opens_exactly_at_the_start_of_its_phase(long ticksFromOpening, SubmitStatus expected)
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        // The shared clock only moves forward; this test needs its own, set before the opening.
        var clock = new FakeTimeProvider(new DateTimeOffset(TestProjects.SubmissionOpens.AddTicks(ticksFromOpening)));

        var result = await Service(clock: clock).SubmitAsync(resident, Draft(project));

        Assert.Equal(expected, result.Status);
        if (expected == SubmitStatus.WindowClosed)
        {
            Assert.Equal(TestProjects.SubmissionOpens, result.WindowOpensAt);
        }
    }

    [Theory]
    [InlineData(-1, SubmitStatus.Submitted)]
    [InlineData(0, SubmitStatus.WindowClosed)]
    [InlineData(1, SubmitStatus.WindowClosed)]
    public async Task Submission_is_closed_at_the_deadline_exactly_and_says_when_it_closed(long ticksFromDeadline, SubmitStatus expected)
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        At(TestProjects.SubmissionCloses.AddTicks(ticksFromDeadline));

        var result = await Service().SubmitAsync(resident, Draft(project));

        Assert.Equal(expected, result.Status);
        if (expected == SubmitStatus.WindowClosed)
        {
            Assert.Equal(TestProjects.SubmissionCloses, result.WindowClosedAt);
            await using var db = database.CreateContext();
            Assert.False(await db.Set<Idea>().AnyAsync());
        }
    }

    [Theory]
    [InlineData("Too short", "Right now the account shows one total; I want each service listed.", "Title", "Validation.IdeaTitleLength")]
    [InlineData("A good long title", "Too short to explain", "Description", "Validation.IdeaDescriptionLength")]
    public async Task Bad_input_is_refused_with_a_reason_per_field_and_stores_nothing(string title, string description, string field, string messageKey)
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));

        var result = await Service().SubmitAsync(resident, Draft(project) with { Title = title, Description = description });

        Assert.Equal(SubmitStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors!);
        Assert.Equal((field, messageKey), (error.Field, error.MessageKey));
        await using var db = database.CreateContext();
        Assert.False(await db.Set<Idea>().AnyAsync());
    }

    [Fact]
    public async Task Over_long_text_a_missing_category_and_an_unknown_district_are_all_reported()
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));

        var result = await Service().SubmitAsync(resident, new IdeaDraft(project.Id, new string('t', IdeaLimits.TitleMaxLength + 1),
            new string('d', IdeaLimits.DescriptionMaxLength + 1), CategoryId: 9999, District: "atlantis", Guid.NewGuid()));

        Assert.Equal(["Validation.IdeaTitleLength", "Validation.IdeaDescriptionLength", "Validation.CategoryRequired", "Validation.DistrictUnknown"],
            result.Errors!.Select(error => error.MessageKey));
    }

    [Fact]
    public async Task Markup_in_a_title_is_kept_as_the_text_the_resident_typed()
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));

        var result = await Service().SubmitAsync(resident, Draft(project, "<script>alert('x')</script> better bills"));

        await using var db = database.CreateContext();
        Assert.Equal("<script>alert('x')</script> better bills", (await db.Set<Idea>().SingleAsync(idea => idea.Id == result.IdeaId)).Title);
    }

    [Fact]
    public async Task A_double_click_or_a_retried_request_creates_one_idea()
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        var key = Guid.NewGuid();

        var first = await Service().SubmitAsync(resident, Draft(project, key: key));
        var again = await Service().SubmitAsync(resident, Draft(project, key: key));

        Assert.Equal(SubmitStatus.Submitted, first.Status);
        Assert.Equal((SubmitStatus.AlreadySubmitted, first.IdeaId), (again.Status, again.IdeaId));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<Idea>().CountAsync());
    }

    [Fact]
    public async Task A_retry_arriving_after_the_deadline_is_answered_with_the_idea_it_made()
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        var key = Guid.NewGuid();
        At(TestProjects.SubmissionCloses.AddSeconds(-1));
        var first = await Service().SubmitAsync(resident, Draft(project, key: key));

        At(TestProjects.SubmissionCloses.AddSeconds(2));
        var retry = await Service().SubmitAsync(resident, Draft(project, key: key));

        Assert.Equal((SubmitStatus.AlreadySubmitted, first.IdeaId), (retry.Status, retry.IdeaId));
    }

    [Fact]
    public async Task An_idea_cannot_be_rewritten_after_the_submission_window_closed_even_within_fifteen_minutes()
    {
        var project = await TestProjects.CreateAsync(database);
        var author = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        At(TestProjects.SubmissionCloses.AddMinutes(-1));
        var placeholder = await Service().SubmitAsync(author, Draft(project, "A placeholder before the deadline"));

        At(TestProjects.SubmissionCloses.AddMinutes(5));
        var rewrite = await Service().EditAsync(author, placeholder.IdeaId, "A whole new idea written later", "Written after everyone else had to stop writing.", project.Categories[0].Id, null);

        Assert.Equal(IdeaChangeStatus.TooLate, rewrite.Status);
    }

    [Fact]
    public async Task Parallel_retries_of_one_submission_create_one_idea()
    {
        using var onDisk = TestDatabase.OnDisk();
        var project = await TestProjects.CreateAsync(onDisk);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(onDisk, "Anna"));
        var key = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Service(onDisk).SubmitAsync(resident, Draft(project, key: key)))));

        Assert.Single(results, result => result.Status == SubmitStatus.Submitted);
        Assert.Single(results.Select(result => result.IdeaId).Distinct());
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<Idea>().CountAsync());
    }

    [Fact]
    public async Task The_daily_limit_stops_a_flood_and_lifts_a_day_later()
    {
        var project = await TestProjects.CreateAsync(database);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        for (var index = 0; index < IdeaLimits.MaxIdeasPerProjectPerDay; index++)
        {
            Assert.Equal(SubmitStatus.Submitted, (await Service().SubmitAsync(resident, Draft(project, $"Idea number {index} about bills"))).Status);
        }

        Assert.Equal(SubmitStatus.DailyLimitReached, (await Service().SubmitAsync(resident, Draft(project, "One idea too many today"))).Status);
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(SubmitStatus.Submitted, (await Service().SubmitAsync(resident, Draft(project, "A new day, a new idea"))).Status);
    }

    [Fact]
    public async Task Supporting_counts_once_per_resident_and_tells_every_viewer_the_new_count()
    {
        var project = await TestProjects.CreateAsync(database);
        var idea = await TestProjects.AddIdeaAsync(database, project, await TestUsers.CreateAsync(database, "Author"), "Show the full bill", "A long enough description of the idea.");
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        var told = new TaskCompletionSource<IdeaSupportChanged>();
        using var _ = liveEvents.Subscribe<IdeaSupportChanged>(LiveTopics.Idea(idea.Id), changed => { told.TrySetResult(changed); return Task.CompletedTask; });

        var first = await Service().SupportAsync(resident, idea.Id);
        var second = await Service().SupportAsync(resident, idea.Id);

        Assert.Equal(new SupportResult(SupportStatus.Supported, 1, Sequence: 1), first);
        Assert.Equal(new SupportResult(SupportStatus.AlreadySupported, 1, Sequence: 1), second);
        Assert.Equal(new IdeaSupportChanged(idea.Id, 1, Sequence: 1), await told.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Fifty_parallel_supports_by_one_resident_leave_exactly_one()
    {
        using var onDisk = TestDatabase.OnDisk();
        var project = await TestProjects.CreateAsync(onDisk);
        var idea = await TestProjects.AddIdeaAsync(onDisk, project, await TestUsers.CreateAsync(onDisk, "Author"), "Show the full bill", "A long enough description of the idea.");
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(onDisk, "Anna"));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Service(onDisk).SupportAsync(resident, idea.Id))));

        Assert.Single(results, result => result.Status == SupportStatus.Supported);
        Assert.All(results, result => Assert.Contains(result.Status, new[] { SupportStatus.Supported, SupportStatus.AlreadySupported }));
        await using var db = onDisk.CreateContext();
        Assert.Equal(1, await db.Set<IdeaSupport>().CountAsync());
        Assert.Equal(1, (await db.Set<Idea>().SingleAsync()).SupportCount);
    }

    [Fact]
    public async Task Support_is_refused_for_ones_own_idea_outside_support_phases_and_for_withdrawn_ideas()
    {
        var project = await TestProjects.CreateAsync(database);
        var authorId = await TestUsers.CreateAsync(database, "Author");
        var idea = await TestProjects.AddIdeaAsync(database, project, authorId, "Show the full bill", "A long enough description of the idea.");
        var withdrawn = await TestProjects.AddIdeaAsync(database, project, authorId, "A withdrawn idea", "A long enough description of the idea.", IdeaState.Withdrawn);
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));

        Assert.Equal(SupportStatus.OwnIdea, (await Service().SupportAsync(TestUsers.Principal(authorId), idea.Id)).Status);
        Assert.Equal(SupportStatus.Unavailable, (await Service().SupportAsync(resident, withdrawn.Id)).Status);
        At(TestProjects.SubmissionCloses.AddHours(1));
        Assert.Equal(SupportStatus.Closed, (await Service().SupportAsync(resident, idea.Id)).Status);
        Assert.Equal(SupportStatus.NotFound, (await Service().SupportAsync(resident, 424242)).Status);
        Assert.Equal(SupportStatus.SignInRequired, (await Service().SupportAsync(TestUsers.Anonymous, idea.Id)).Status);
        await using var db = database.CreateContext();
        Assert.False(await db.Set<IdeaSupport>().AnyAsync());
    }

    [Fact]
    public async Task Support_can_be_taken_back_while_the_support_phase_is_open_but_not_after()
    {
        var project = await TestProjects.CreateAsync(database);
        var idea = await TestProjects.AddIdeaAsync(database, project, await TestUsers.CreateAsync(database, "Author"), "Show the full bill", "A long enough description of the idea.");
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        await Service().SupportAsync(resident, idea.Id);

        Assert.Equal(new SupportResult(SupportStatus.Withdrawn, 0, Sequence: 2), await Service().WithdrawSupportAsync(resident, idea.Id));
        Assert.Equal(SupportStatus.NotSupported, (await Service().WithdrawSupportAsync(resident, idea.Id)).Status);

        await Service().SupportAsync(resident, idea.Id);
        At(TestProjects.DiscussionCloses);
        Assert.Equal((SupportStatus.Closed, 1), (await Service().WithdrawSupportAsync(resident, idea.Id)) is var closed ? (closed.Status, closed.SupportCount) : default);
    }

    [Fact]
    public async Task The_author_edits_within_fifteen_minutes_and_the_idea_shows_as_edited()
    {
        var project = await TestProjects.CreateAsync(database);
        var author = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));
        var submitted = await Service().SubmitAsync(author, Draft(project));
        var description = "A corrected description that is long enough to be accepted.";

        time.Advance(IdeaLimits.EditWindow - TimeSpan.FromSeconds(1));
        var edited = await Service().EditAsync(author, submitted.IdeaId, "Show the full bill before I pay", description, project.Categories[1].Id, "central");
        time.Advance(TimeSpan.FromSeconds(1));
        var late = await Service().EditAsync(author, submitted.IdeaId, "Too late to change this", description, project.Categories[1].Id, null);

        Assert.Equal(IdeaChangeStatus.Done, edited.Status);
        Assert.Equal(IdeaChangeStatus.TooLate, late.Status);
        await using var db = database.CreateContext();
        var idea = await db.Set<Idea>().SingleAsync();
        Assert.Equal(("Show the full bill before I pay", "central"), (idea.Title, idea.District));
        Assert.NotNull(idea.EditedAt);
    }

    [Fact]
    public async Task Only_the_author_withdraws_with_a_reason_and_only_before_shortlisting()
    {
        var project = await TestProjects.CreateAsync(database);
        var authorId = await TestUsers.CreateAsync(database, "Author");
        var idea = await TestProjects.AddIdeaAsync(database, project, authorId, "Show the full bill", "A long enough description of the idea.");
        var shortlisted = await TestProjects.AddIdeaAsync(database, project, authorId, "A shortlisted idea", "A long enough description of the idea.", IdeaState.Shortlisted);
        var author = TestUsers.Principal(authorId);

        Assert.Equal(IdeaChangeStatus.NotAuthor, (await Service().WithdrawAsync(TestUsers.Principal(await TestUsers.CreateAsync(database, "Other")), idea.Id, "Not mine to withdraw")).Status);
        Assert.Equal(IdeaChangeStatus.Invalid, (await Service().WithdrawAsync(author, idea.Id, "no")).Status);
        Assert.Equal(IdeaChangeStatus.TooLate, (await Service().WithdrawAsync(author, shortlisted.Id, "I changed my mind")).Status);
        Assert.Equal(IdeaChangeStatus.Done, (await Service().WithdrawAsync(author, idea.Id, "A better idea already exists")).Status);
        Assert.Equal(IdeaChangeStatus.AlreadyDone, (await Service().WithdrawAsync(author, idea.Id, "A better idea already exists")).Status);

        await using var db = database.CreateContext();
        var withdrawn = await db.Set<Idea>().SingleAsync(candidate => candidate.Id == idea.Id);
        Assert.Equal((IdeaState.Withdrawn, "A better idea already exists"), (withdrawn.State, withdrawn.StateReason));
    }

    [Fact]
    public async Task Following_is_idempotent_both_ways()
    {
        var project = await TestProjects.CreateAsync(database);
        var idea = await TestProjects.AddIdeaAsync(database, project, await TestUsers.CreateAsync(database, "Author"), "Show the full bill", "A long enough description of the idea.");
        var resident = TestUsers.Principal(await TestUsers.CreateAsync(database, "Anna"));

        Assert.Equal(IdeaChangeStatus.Done, (await Service().SetFollowingAsync(resident, idea.Id, follow: true)).Status);
        Assert.Equal(IdeaChangeStatus.AlreadyDone, (await Service().SetFollowingAsync(resident, idea.Id, follow: true)).Status);
        Assert.Equal(IdeaChangeStatus.Done, (await Service().SetFollowingAsync(resident, idea.Id, follow: false)).Status);
        Assert.Equal(IdeaChangeStatus.AlreadyDone, (await Service().SetFollowingAsync(resident, idea.Id, follow: false)).Status);
    }

    public void Dispose() => database.Dispose();
}
