using System.Diagnostics;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench.Circuits;

public sealed record FanoutResult(
    int IdeaId, int IdeaViewers, int CatalogViewers, IReadOnlyList<string> Failures,
    double[] CommentMilliseconds, double[] TagOnIdeaMilliseconds, double[] TagOnCatalogMilliseconds, double[] VoteMilliseconds,
    double ReplyHandledMilliseconds, double TagHandledMilliseconds, double VoteHandledMilliseconds,
    BatchCost ReplyBatch, BatchCost TagOnIdeaBatch, BatchCost TagOnCatalogBatch, BatchCost VoteBatch,
    TimeSpan ServerCpu, TimeSpan ClientCpu, IReadOnlyDictionary<string, int> UnansweredJsCalls)
{
    public bool EveryViewerGotTheComment => CommentMilliseconds.Length == IdeaViewers;
    public bool EveryViewerGotTheTag => TagOnIdeaMilliseconds.Length == IdeaViewers && TagOnCatalogMilliseconds.Length == CatalogViewers;
    public bool EveryViewerGotTheVote => VoteMilliseconds.Length == IdeaViewers;
}

/// <summary>
/// What one viewer's update cost the server, as the median over viewers of the batch that carried it: components re-rendered, bytes.
/// Unlike the latencies these do not depend on how busy the machine is.
/// </summary>
public sealed record BatchCost(double Components, double Bytes)
{
    public static BatchCost Of(IReadOnlyCollection<TextBatch> batches) => batches.Count == 0 ? new(0, 0) : new(
        Median(batches.Select(batch => (double)batch.UpdatedComponents)), Median(batches.Select(batch => (double)batch.Bytes)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public override string ToString() => $"{Components:F0} components, {Bytes:N0} bytes";
}

/// <summary>
/// Scenario "fanout": N residents read one idea and M the ideas catalog. A resident replies in the idea's discussion, a moderator
/// tags the idea and another resident finds the opening comment useful, each through their own circuit; per viewer, the time from the
/// click to the render batch that carries the reply's text, the tag's name or the comment's new count.
/// </summary>
public static class FanoutScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Options options)
    {
        var viewers = options.Number("viewers", 1000);
        var catalogViewers = options.Number("catalog-viewers", viewers);
        var rate = options.Number("rate", 100);
        var threadComments = options.Number("thread", 0);
        var signedInReaders = options.Text("readers", "anonymous") switch
        {
            "anonymous" => false,
            "signed-in" => true,
            var other => throw new ArgumentException($"--readers is anonymous or signed-in, not {other}."),
        };
        await using var site = await LiveSite.OpenAsync(options, "fanout");
        var result = await RunAsync(site, viewers, catalogViewers, rate, signedInReaders, threadComments);

        Measurements.PrintMachine();
        Console.WriteLine(signedInReaders
            ? "Server and client share the machine's cores; the idea's viewers are signed-in residents, the catalog's anonymous."
            : "Server and client share the machine's cores; viewers are anonymous readers, the poster and the moderator are signed in.");
        if (threadComments > 0)
        {
            Console.WriteLine($"The idea's discussion holds {threadComments:N0} more comments after the opening one; readers load its first page.");
        }
        var measurements = new Measurements(viewers, warmUp: 0);
        Measurements.PrintHeader();
        measurements.Record($"reply to {result.CommentMilliseconds.Length:N0} of {viewers:N0} idea viewers", result.CommentMilliseconds);
        measurements.Record($"tag to {result.TagOnIdeaMilliseconds.Length:N0} of {viewers:N0} idea viewers", result.TagOnIdeaMilliseconds);
        measurements.Record($"tag to {result.TagOnCatalogMilliseconds.Length:N0} of {catalogViewers:N0} catalog viewers", result.TagOnCatalogMilliseconds);
        measurements.Record($"tag to all {viewers + catalogViewers:N0} viewers",
            [.. result.TagOnIdeaMilliseconds, .. result.TagOnCatalogMilliseconds]);
        measurements.Record($"vote to {result.VoteMilliseconds.Length:N0} of {viewers:N0} idea viewers", result.VoteMilliseconds);
        Console.WriteLine();
        Console.WriteLine($"the poster's click was handled in {result.ReplyHandledMilliseconds:F0} ms, the moderator's in {result.TagHandledMilliseconds:F0} ms, " +
                          $"the voter's in {result.VoteHandledMilliseconds:F0} ms");
        Console.WriteLine($"per viewer, the batch that carried the reply: {result.ReplyBatch}; the tag: {result.TagOnIdeaBatch} on the idea, " +
                          $"{result.TagOnCatalogBatch} on the catalog; the vote: {result.VoteBatch} (medians)");
        Console.WriteLine($"CPU over the run: server {result.ServerCpu.TotalSeconds:F1} s, client {result.ClientCpu.TotalSeconds:F1} s; failures {result.Failures.Count}");
        foreach (var failure in result.Failures.GroupBy(failure => failure).Take(5))
        {
            Console.WriteLine($"  failure x{failure.Count()}: {failure.Key}");
        }
        await measurements.SaveAsync("fanout", new
        {
            viewers, catalogViewers, rate, readers = signedInReaders ? "signed-in" : "anonymous", threadComments, result.IdeaId, failures = result.Failures.Count,
            replyHandledMilliseconds = result.ReplyHandledMilliseconds, tagHandledMilliseconds = result.TagHandledMilliseconds,
            voteHandledMilliseconds = result.VoteHandledMilliseconds,
            replyBatch = result.ReplyBatch, tagOnIdeaBatch = result.TagOnIdeaBatch, tagOnCatalogBatch = result.TagOnCatalogBatch, voteBatch = result.VoteBatch,
            commentReached = result.CommentMilliseconds.Length, tagReachedIdea = result.TagOnIdeaMilliseconds.Length,
            tagReachedCatalog = result.TagOnCatalogMilliseconds.Length, voteReached = result.VoteMilliseconds.Length,
            serverCpuSeconds = result.ServerCpu.TotalSeconds, clientCpuSeconds = result.ClientCpu.TotalSeconds, result.UnansweredJsCalls,
        });
        return result.EveryViewerGotTheComment && result.EveryViewerGotTheTag && result.EveryViewerGotTheVote && result.Failures.Count == 0 ? 0 : 1;
    }

    /// <param name="signedInReaders">The idea's viewers sign in as generated residents (they see the composer and the comments' actions).</param>
    /// <param name="threadComments">
    /// Comments other demo residents wrote after the opening one, so the readers hold a long discussion (its first page: the opening
    /// thread and the next threads, with their first replies) when the reply, the tag and the vote arrive.
    /// </param>
    public static async Task<FanoutResult> RunAsync(
        LiveSite site, int viewers, int catalogViewers, double rate, bool signedInReaders = false, int threadComments = 0)
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        int ideaId;
        await using (var db = site.Context())
        {
            // The newest idea still waiting for triage: it is in the moderation queue and on the catalog's first page (newest first).
            // Without comments, so that the opening comment comes first in its discussion even against a database used before.
            ideaId = await db.Set<Idea>().AsNoTracking()
                .Where(idea => idea.State == IdeaState.Submitted && idea.TriagedAt == null && idea.HiddenAt == null && idea.MergedIntoId == null
                               && idea.CommentCount == 0)
                .Select(idea => (int?)idea.Id).MaxAsync()
                ?? throw new InvalidOperationException("No idea waiting for triage without comments is left in this database; start from a fresh one.");
        }
        using var target = new CircuitTarget(site.BaseUri);
        var failures = new List<string>();
        var serverCpu = site.ServerCpu;
        var clientCpu = LiveSite.ClientCpu;

        // A first comment, so that the reply below lands in a thread every viewer has loaded.
        await using var poster = new CircuitClient(target);
        await poster.SignInAsync(DemoAccounts.Residents[0].Email, DemoAccounts.Password);
        await poster.OpenAsync($"ideas/{ideaId}");
        var rootText = $"Opening comment {token}";
        await PostAsync(poster, rootText, reply: false);
        if (threadComments > 0)
        {
            await AddLaterCommentsAsync(site, ideaId, threadComments);
        }

        var emails = signedInReaders ? await site.AddResidentsAsync(viewers) : null;
        var (ideaClients, ideaFailures) = await Arrivals.AtRateAsync(viewers, rate,
            index => OpenViewerAsync(target, $"ideas/{ideaId}", emails?[index]));
        var (catalogClients, catalogFailures) = await Arrivals.AtRateAsync(catalogViewers, rate, _ => OpenViewerAsync(target, "ideas", null));
        failures.AddRange(ideaFailures.Concat(catalogFailures).Select(exception => exception.Message));
        await site.SettleAsync();
        try
        {
            var replyText = $"Reply {token}";
            var reply = await poster.WaitForAsync(root => root.Descendants()
                .Where(node => node.Attribute("data-testid") == "comment" && node.TextContent().Contains(rootText, StringComparison.Ordinal))
                .SelectMany(comment => comment.Descendants())
                .Where(node => node.Attribute("data-testid") == "reply" && node.Handlers.ContainsKey("click"))
                .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the reply button of the opening comment");
            await poster.ClickAsync(reply);
            var commentArrivals = ideaClients.Select(client => client.WatchForText(replyText)).ToArray();
            var (commentSent, commentHandled) = await PostAsync(poster, replyText, reply: true);
            var commentMilliseconds = await LatenciesAsync(commentSent, commentArrivals, failures);

            await using var moderator = new CircuitClient(target);
            await moderator.SignInAsync(DemoAccounts.All[1].Email, DemoAccounts.Password);
            await moderator.OpenAsync("moderation");
            var open = await moderator.WaitForAsync(root => root.Descendants()
                .Where(node => node.Attribute("data-key") == $"idea:{ideaId}")
                .SelectMany(item => item.Descendants())
                .Where(node => node.Name == "button" && node.Handlers.ContainsKey("click"))
                .Select(ElementHandle.Of).FirstOrDefault(), Patience, $"idea {ideaId} in the moderation queue");
            await moderator.ClickAsync(open);
            var tagName = $"Tag{token}";
            await moderator.ChangeAsync(await moderator.WaitForTestIdAsync("new-tag", Patience, withHandler: "input"), tagName, "input");
            var create = await moderator.WaitForAsync(root => root.Descendants()
                .Where(node => node.Name == "button" && node.Attribute("aria-label") == "Create the tag and add it" &&
                               node.Handlers.ContainsKey("click") && !node.Attributes.ContainsKey("disabled"))
                .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the create-tag button, enabled");
            var tagOnIdea = ideaClients.Select(client => client.WatchForText(tagName)).ToArray();
            var tagOnCatalog = catalogClients.Select(client => client.WatchForText(tagName)).ToArray();
            var tagSent = Stopwatch.GetTimestamp();
            await moderator.ClickAsync(create);
            var tagHandled = Stopwatch.GetElapsedTime(tagSent).TotalMilliseconds;
            var tagOnIdeaMilliseconds = await LatenciesAsync(tagSent, tagOnIdea, failures);
            var tagOnCatalogMilliseconds = await LatenciesAsync(tagSent, tagOnCatalog, failures);

            // Votes are the discussion's most frequent change: each one reaches every reader with the comment's new count.
            await using var voter = new CircuitClient(target);
            await voter.SignInAsync(DemoAccounts.Residents[1].Email, DemoAccounts.Password);
            await voter.OpenAsync($"ideas/{ideaId}");
            var upvote = await voter.WaitForAsync(root => root.Descendants()
                .Where(node => node.Attribute("data-testid") == "comment" && node.TextContent().Contains(rootText, StringComparison.Ordinal))
                .SelectMany(comment => comment.Descendants())
                .Where(node => node.Attribute("data-testid") == "upvote" && node.Handlers.ContainsKey("click") && !node.Attributes.ContainsKey("disabled"))
                .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the upvote button of the opening comment");
            await site.SettleAsync();
            // The opening comment had no votes: its count's label, whole, is new text in every viewer's batch (the viewers read English).
            var voteArrivals = ideaClients.Select(client => client.WatchForText("Useful: 1", whole: true)).ToArray();
            var voteSent = Stopwatch.GetTimestamp();
            await voter.ClickAsync(upvote);
            var voteHandled = Stopwatch.GetElapsedTime(voteSent).TotalMilliseconds;
            var voteMilliseconds = await LatenciesAsync(voteSent, voteArrivals, failures);

            failures.AddRange(ideaClients.Concat(catalogClients).Where(client => client.Failure is not null).Select(client => client.Failure!));
            return new FanoutResult(ideaId, viewers, catalogViewers, failures, commentMilliseconds, tagOnIdeaMilliseconds, tagOnCatalogMilliseconds,
                voteMilliseconds, commentHandled, tagHandled, voteHandled,
                BatchCost.Of(Arrived(commentArrivals)), BatchCost.Of(Arrived(tagOnIdea)), BatchCost.Of(Arrived(tagOnCatalog)), BatchCost.Of(Arrived(voteArrivals)),
                site.ServerCpu - serverCpu, LiveSite.ClientCpu - clientCpu, new Dictionary<string, int>(target.UnansweredJsCalls));
        }
        finally
        {
            await Parallel.ForEachAsync(ideaClients.Concat(catalogClients), new ParallelOptions { MaxDegreeOfParallelism = 32 },
                async (client, _) => await client.DisposeAsync());
        }
    }

    /// <summary>
    /// Types into the composer (the reply composer is the page's last) and clicks its button; returns when the click was sent, and how
    /// long the server took to handle it (until the poster's circuit acknowledged the event).
    /// </summary>
    private static async Task<(long Sent, double HandledMilliseconds)> PostAsync(CircuitClient poster, string text, bool reply)
    {
        var input = await poster.WaitForAsync(root => root.Descendants()
            .Where(node => node.Attribute("data-testid") == "comment-input" && node.Handlers.ContainsKey("input"))
            .Select(ElementHandle.Of).Skip(reply ? 1 : 0).FirstOrDefault(), Patience, reply ? "the reply composer" : "the comment composer");
        await poster.ChangeAsync(input, text, "input");
        var post = await poster.WaitForAsync(root => root.Descendants()
            .Where(node => node.Attribute("data-testid") == "post-comment" && node.Handlers.ContainsKey("click"))
            .Select(ElementHandle.Of).Skip(reply ? 1 : 0).FirstOrDefault(), Patience, "the post button");
        var sent = Stopwatch.GetTimestamp();
        await poster.ClickAsync(post);
        var handled = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        await poster.WaitForAsync(root => root.Descendants()
            .Where(node => node.Attribute("data-testid") == "comment-body" && node.TextContent().Contains(text, StringComparison.Ordinal))
            .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the posted comment");
        return (sent, handled);
    }

    /// <summary>Comments written after the idea's newest one (the opening comment), so that it stays first in the oldest-first order.</summary>
    private static async Task AddLaterCommentsAsync(LiveSite site, int ideaId, int count)
    {
        await using var db = site.Context();
        var idea = await db.Set<Idea>().SingleAsync(idea => idea.Id == ideaId);
        var newest = await db.Set<Comment>().Where(comment => comment.TargetType == DiscussionTargets.Idea && comment.TargetId == ideaId)
            .MaxAsync(comment => comment.CreatedAt);
        // Not the poster's or the voter's: comments written this minute would count against their own rate limits.
        var residents = DemoAccounts.Residents.Skip(2).Select(resident => resident.Email.ToUpperInvariant()).ToList();
        var authors = await db.Users.Where(user => residents.Contains(user.NormalizedEmail!)).ToListAsync();
        if (authors.Count == 0)
        {
            throw new InvalidOperationException("--thread needs the demo's residents in the database (DemoData:Enabled).");
        }
        var added = await DiscussionBenchmark.AddCommentsAsync(db, idea, count, authors, new CommentMarkup(), new Random(2026), newest, DateTime.UtcNow);
        // As the app counts them: deleted comments are not.
        idea.CommentCount += added.Count(comment => comment.DeletedAt is null);
        await db.SaveChangesAsync();
    }

    private static async Task<CircuitClient> OpenViewerAsync(CircuitTarget target, string path, string? email)
    {
        var client = new CircuitClient(target, keepsTree: false);
        if (email is not null)
        {
            await client.SignInAsync(email, DemoAccounts.Password);
        }
        await client.OpenAsync(path);
        return client;
    }

    private static TextBatch[] Arrived(Task<TextBatch>[] arrivals) =>
        [.. arrivals.Where(arrival => arrival.IsCompletedSuccessfully).Select(arrival => arrival.Result)];

    private static async Task<double[]> LatenciesAsync(long sentAt, Task<TextBatch>[] arrivals, List<string> failures)
    {
        var all = Task.WhenAll(arrivals);
        await Task.WhenAny(all, Task.Delay(Patience));
        var missed = arrivals.Count(arrival => !arrival.IsCompletedSuccessfully);
        if (missed > 0)
        {
            failures.Add($"{missed} viewers did not receive the update within {Patience.TotalSeconds:F0} s");
        }
        return arrivals.Where(arrival => arrival.IsCompletedSuccessfully)
            .Select(arrival => Stopwatch.GetElapsedTime(sentAt, arrival.Result.ArrivedAt).TotalMilliseconds).ToArray();
    }
}
