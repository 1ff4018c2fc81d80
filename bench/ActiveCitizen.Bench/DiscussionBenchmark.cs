using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Discussions.Components;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Localization;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace ActiveCitizen.Bench;

/// <summary>
/// Opening an idea's discussion (the first page of threads read and the thread component rendered to HTML) for an idea with 50
/// comments and one with 5,000; and the live bus handing one new comment to 1,000 viewers, each in its own circuit's dispatcher.
/// </summary>
public static class DiscussionBenchmark
{
    private const int Residents = 300;

    public static async Task<int> RunAsync(Options options)
    {
        var path = options.Path("db", "bench/data/discussion.db");
        var iterations = options.Number("iterations", 300);
        var largeThread = options.Number("comments", 5_000);
        var viewers = options.Number("viewers", 1_000);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var watch = Stopwatch.StartNew();
        var (smallIdea, largeIdea, viewer) = await GenerateAsync(path, largeThread);
        Console.WriteLine($"Database: {path}, ideas with 50 and {largeThread:N0} comments, made in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"{iterations} timed calls per scenario after 30 warm-up calls; bus: {viewers:N0} subscribers");
        Measurements.PrintMachine();
        Measurements.PrintHeader();

        var factory = BenchDatabase.Factory(path);
        await using var services = Services(factory, viewer);
        var queries = services.GetRequiredService<DiscussionQueries>();
        var measurements = new Measurements(iterations);
        foreach (var (label, ideaId) in new[] { ("50 comments", smallIdea), ($"{largeThread:N0} comments", largeIdea) })
        {
            await measurements.RunAsync($"first page data, {label}, oldest", () => queries.PageAsync(DiscussionTargets.Idea, ideaId, CommentSort.Oldest, 0));
            await measurements.RunAsync($"first page data, {label}, best", () => queries.PageAsync(DiscussionTargets.Idea, ideaId, CommentSort.Best, 0));
            await measurements.RunAsync($"open the discussion (data + render), {label}", () => RenderPanelAsync(services, ideaId));
        }
        await measurements.RunAsync($"next page while scrolling, {largeThread:N0} comments", () => queries.PageAsync(DiscussionTargets.Idea, largeIdea, CommentSort.Oldest, 200));
        await MeasureFanOutAsync(measurements, viewers);

        await measurements.SaveAsync("discussion", new { database = path, comments = new[] { 50, largeThread }, viewers });
        return 0;
    }

    /// <summary>
    /// Publishes one new comment to <paramref name="viewers"/> subscribers of a discussion and times until the last of them has applied
    /// it, each through its own dispatcher as a circuit's component does (InvokeAsync).
    /// </summary>
    private static async Task MeasureFanOutAsync(Measurements measurements, int viewers)
    {
        var bus = new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance);
        var topic = DiscussionTargets.Topic(DiscussionTargets.Idea, 1);
        var remaining = 0;
        TaskCompletionSource allApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriptions = new List<IDisposable>();
        for (var index = 0; index < viewers; index++)
        {
            var dispatcher = Dispatcher.CreateDefault();
            var shown = new Dictionary<int, CommentView>();
            subscriptions.Add(bus.Subscribe<CommentPosted>(topic, posted => dispatcher.InvokeAsync(() =>
            {
                shown[posted.Comment.Id] = posted.Comment;
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    allApplied.TrySetResult();
                }
            })));
        }
        var timings = new double[measurements.Iterations];
        for (var round = -30; round < measurements.Iterations; round++)
        {
            remaining = viewers;
            allApplied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var comment = new CommentView(round + 100, null, round + 100, 1, null, null, "author", "Author", "<p>A new comment</p>", CommentStance.For,
                DateTime.UtcNow, null, false, false, null, 0, 0, 0, 0, 0);
            var watch = Stopwatch.StartNew();
            bus.Publish(topic, new CommentPosted(comment));
            await allApplied.Task;
            if (round >= 0)
            {
                timings[round] = watch.Elapsed.TotalMilliseconds;
            }
        }
        measurements.Record($"one comment reaches {viewers:N0} viewers (bus)", timings);
        subscriptions.ForEach(subscription => subscription.Dispose());
    }

    /// <summary>The thread component opened for one reader, as the idea page opens it, rendered to HTML.</summary>
    private static async Task RenderPanelAsync(IServiceProvider services, int ideaId)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DiscussionPanel.TargetType)] = DiscussionTargets.Idea,
                [nameof(DiscussionPanel.TargetId)] = ideaId,
            });
            return (await renderer.RenderComponentAsync<DiscussionPanel>(parameters)).ToHtmlString();
        });
        if (!html.Contains("data-testid=\"comment\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The discussion rendered without its comments.");
        }
    }

    private static ServiceProvider Services(IDbContextFactory<AppDbContext> factory, string viewerId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, ResourceMudLocalizer>();
        services.AddSingleton<IJSRuntime, NoScriptsWhileRenderingToHtml>();
        services.AddScoped<NavigationManager, IdeaPageAddress>();
        services.AddSingleton(factory);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILiveEvents>(new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance));
        services.AddScoped<CircuitLiveSubscriptions>();
        services.AddScoped<CircuitConnection>();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SiteOptions()));
        services.AddSingleton<CityClock>();
        services.AddSingleton<UserAccess>();
        services.AddSingleton<ProjectQueries>();
        services.AddSingleton<IDiscussionTarget, IdeaDiscussionTarget>();
        services.AddSingleton<NotificationsService>();
        services.AddSingleton<CommentMarkup>();
        services.AddSingleton<DiscussionQueries>();
        services.AddSingleton<DiscussionService>();
        services.AddSingleton<DiscussionPresence>();
        services.AddCascadingAuthenticationState();
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, viewerId)], IdentityConstants.ApplicationScheme));
        services.AddSingleton<AuthenticationStateProvider>(new SignedInReader(reader));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A project open for comments with two ideas: one with 50 comments, one with <paramref name="largeThread"/>
    /// (<see cref="AddCommentsAsync"/>), the reader's votes on every tenth. Deterministic.
    /// </summary>
    private static async Task<(int Small, int Large, string Viewer)> GenerateAsync(string path, int largeThread)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        await using var db = BenchDatabase.Context(path);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        var now = DateTime.UtcNow;
        var users = Enumerable.Range(0, Residents).Select(index => new ApplicationUser
        {
            UserName = $"resident{index}@bench.example", NormalizedUserName = $"RESIDENT{index}@BENCH.EXAMPLE",
            Email = $"resident{index}@bench.example", NormalizedEmail = $"RESIDENT{index}@BENCH.EXAMPLE", EmailConfirmed = true,
            DisplayName = $"Resident {index}", NormalizedDisplayName = $"RESIDENT {index}", RegisteredAt = now.AddDays(-30),
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        var project = new Project
        {
            Slug = "discussion-bench", CreatedAt = now.AddDays(-10),
            Title = LocalizedText.Of("Bench", "Бенч"), Summary = LocalizedText.Of("Bench", "Бенч"), Description = LocalizedText.Of("Bench", "Бенч"),
            Phases = [new() { Kind = PhaseKind.Discussion, StartsAt = now.AddDays(-10), EndsAt = now.AddDays(30), Opens = PhaseActions.Support | PhaseActions.Comment }],
            Categories = [new() { Name = LocalizedText.Of("Transport", "Транспорт") }],
        };
        db.Add(project);
        await db.SaveChangesAsync();
        var random = new Random(2026);
        var markup = new CommentMarkup();
        var ideaIds = new List<int>();
        foreach (var count in new[] { 50, largeThread })
        {
            var idea = new Idea
            {
                ProjectId = project.Id, CategoryId = project.Categories[0].Id, AuthorId = users[0].Id, Title = $"An idea with {count} comments",
                Description = "A description long enough for an idea.", SubmittedAt = now.AddDays(-9), SubmissionKey = Guid.NewGuid(),
            };
            db.Add(idea);
            await db.SaveChangesAsync();
            ideaIds.Add(idea.Id);
            var comments = await AddCommentsAsync(db, idea, count, users, markup, random, idea.SubmittedAt, now);
            // As the app counts them: deleted comments are not.
            idea.CommentCount = comments.Count(comment => comment.DeletedAt is null);
            // The reader has voted on every tenth comment, so the page also looks up their votes.
            db.AddRange(comments.Where((_, index) => index % 10 == 0).Select(comment => new CommentVote { CommentId = comment.Id, UserId = users[1].Id, Value = 1 }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (ideaIds[0], ideaIds[1], users[1].Id);
    }

    /// <summary>
    /// <paramref name="count"/> comments on the idea by the given users, written between <paramref name="from"/> and
    /// <paramref name="to"/>: a fifth start threads, the rest answer a random earlier comment of a thread (threads nest three deep
    /// and a few grow long); one in fifty is deleted; votes are spread with a skew. The idea's comment count is the caller's.
    /// </summary>
    public static async Task<List<Comment>> AddCommentsAsync(
        AppDbContext db, Idea idea, int count, IReadOnlyList<ApplicationUser> users, CommentMarkup markup, Random random, DateTime from, DateTime to)
    {
        string[] bodies =
        [
            "I agree, this would **really** help our district.",
            "Has anyone asked the transport department what it would cost?",
            "Two things:\n\n- the stop is too far\n- there is no shelter",
            "> the stop is too far\n\nIt is 600 m from the metro, which is *fine* for most people.",
            "See the plan at https://example.org/transport/plan for the details.",
        ];
        var comments = new List<Comment>();
        var step = (to - from) / (count + 1);
        for (var index = 0; index < count; index++)
        {
            var parent = index < 5 || random.Next(5) == 0 ? null : comments[random.Next(Math.Max(0, comments.Count - 300), comments.Count)];
            var body = bodies[random.Next(bodies.Length)];
            var upvotes = random.Next(10) == 0 ? random.Next(20, 200) : random.Next(0, 6);
            var downvotes = random.Next(0, 3);
            var comment = new Comment
            {
                TargetType = DiscussionTargets.Idea, TargetId = idea.Id, AuthorId = users[random.Next(users.Count)].Id, Body = body,
                BodyHtml = markup.ToHtml(body), Stance = (CommentStance)random.Next(4), CreatedAt = from + step * (index + 1),
                Upvotes = upvotes, Downvotes = downvotes, Score = upvotes - downvotes, VoteSequence = upvotes + downvotes, SubmissionKey = Guid.NewGuid(),
            };
            if (random.Next(50) == 0)
            {
                (comment.DeletedAt, comment.Body, comment.BodyHtml) = (Min(comment.CreatedAt.AddMinutes(5), to), "", "");
            }
            CommentThreads.Place(comment, parent);
            db.Add(comment);
            await db.SaveChangesAsync();
            if (parent is null)
            {
                comment.ThreadId = comment.Id;
            }
            else
            {
                comments.Single(root => root.Id == comment.ThreadId).ReplyCount++;
            }
            comments.Add(comment);
        }
        await db.SaveChangesAsync();
        return comments;
    }

    private static DateTime Min(DateTime first, DateTime second) => first < second ? first : second;

    private sealed class SignedInReader(ClaimsPrincipal reader) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(reader));
    }

    /// <summary>The address the panel is rendered at, for components that ask (MudBlazor's snackbars).</summary>
    private sealed class IdeaPageAddress : NavigationManager
    {
        public IdeaPageAddress() => Initialize("http://localhost/", "http://localhost/ideas/1");
    }

    /// <summary>Rendering to HTML runs no browser code (no component reaches OnAfterRender); a call would be a mistake worth hearing about.</summary>
    private sealed class NoScriptsWhileRenderingToHtml : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"JavaScript '{identifier}' was called while rendering to HTML.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new InvalidOperationException($"JavaScript '{identifier}' was called while rendering to HTML.");
    }
}
