using System.Diagnostics;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench.Circuits;

public sealed record FanoutResult(
    int IdeaId, int IdeaViewers, int CatalogViewers, IReadOnlyList<string> Failures,
    double[] CommentMilliseconds, double[] TagOnIdeaMilliseconds, double[] TagOnCatalogMilliseconds,
    double ReplyHandledMilliseconds, double TagHandledMilliseconds,
    BatchCost ReplyBatch, BatchCost TagOnIdeaBatch, BatchCost TagOnCatalogBatch,
    TimeSpan ServerCpu, TimeSpan ClientCpu, IReadOnlyDictionary<string, int> UnansweredJsCalls)
{
    public bool EveryViewerGotTheComment => CommentMilliseconds.Length == IdeaViewers;
    public bool EveryViewerGotTheTag => TagOnIdeaMilliseconds.Length == IdeaViewers && TagOnCatalogMilliseconds.Length == CatalogViewers;
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
/// Scenario "fanout": N residents read one idea and M the ideas catalog. A resident replies in the idea's discussion and a moderator
/// tags the idea, each through their own circuit; per viewer, the time from the click to the render batch that carries the reply's
/// text or the tag's name.
/// </summary>
public static class FanoutScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Options options)
    {
        var viewers = options.Number("viewers", 1000);
        var catalogViewers = options.Number("catalog-viewers", viewers);
        var rate = options.Number("rate", 100);
        var signedInReaders = options.Text("readers", "anonymous") switch
        {
            "anonymous" => false,
            "signed-in" => true,
            var other => throw new ArgumentException($"--readers is anonymous or signed-in, not {other}."),
        };
        await using var site = await LiveSite.OpenAsync(options, "fanout");
        var result = await RunAsync(site, viewers, catalogViewers, rate, signedInReaders);

        Measurements.PrintMachine();
        Console.WriteLine(signedInReaders
            ? "Server and client share the machine's cores; the idea's viewers are signed-in residents, the catalog's anonymous."
            : "Server and client share the machine's cores; viewers are anonymous readers, the poster and the moderator are signed in.");
        var measurements = new Measurements(viewers, warmUp: 0);
        Measurements.PrintHeader();
        measurements.Record($"reply to {result.CommentMilliseconds.Length:N0} of {viewers:N0} idea viewers", result.CommentMilliseconds);
        measurements.Record($"tag to {result.TagOnIdeaMilliseconds.Length:N0} of {viewers:N0} idea viewers", result.TagOnIdeaMilliseconds);
        measurements.Record($"tag to {result.TagOnCatalogMilliseconds.Length:N0} of {catalogViewers:N0} catalog viewers", result.TagOnCatalogMilliseconds);
        measurements.Record($"tag to all {viewers + catalogViewers:N0} viewers",
            [.. result.TagOnIdeaMilliseconds, .. result.TagOnCatalogMilliseconds]);
        Console.WriteLine();
        Console.WriteLine($"the poster's click was handled in {result.ReplyHandledMilliseconds:F0} ms, the moderator's in {result.TagHandledMilliseconds:F0} ms");
        Console.WriteLine($"per viewer, the batch that carried the reply: {result.ReplyBatch}; the tag: {result.TagOnIdeaBatch} on the idea, " +
                          $"{result.TagOnCatalogBatch} on the catalog (medians)");
        Console.WriteLine($"CPU over the run: server {result.ServerCpu.TotalSeconds:F1} s, client {result.ClientCpu.TotalSeconds:F1} s; failures {result.Failures.Count}");
        foreach (var failure in result.Failures.GroupBy(failure => failure).Take(5))
        {
            Console.WriteLine($"  failure x{failure.Count()}: {failure.Key}");
        }
        await measurements.SaveAsync("fanout", new
        {
            viewers, catalogViewers, rate, readers = signedInReaders ? "signed-in" : "anonymous", result.IdeaId, failures = result.Failures.Count,
            replyHandledMilliseconds = result.ReplyHandledMilliseconds, tagHandledMilliseconds = result.TagHandledMilliseconds,
            replyBatch = result.ReplyBatch, tagOnIdeaBatch = result.TagOnIdeaBatch, tagOnCatalogBatch = result.TagOnCatalogBatch,
            commentReached = result.CommentMilliseconds.Length, tagReachedIdea = result.TagOnIdeaMilliseconds.Length,
            tagReachedCatalog = result.TagOnCatalogMilliseconds.Length,
            serverCpuSeconds = result.ServerCpu.TotalSeconds, clientCpuSeconds = result.ClientCpu.TotalSeconds, result.UnansweredJsCalls,
        });
        return result.EveryViewerGotTheComment && result.EveryViewerGotTheTag && result.Failures.Count == 0 ? 0 : 1;
    }

    /// <param name="signedInReaders">The idea's viewers sign in as generated residents (they see the composer and the comments' actions).</param>
    public static async Task<FanoutResult> RunAsync(LiveSite site, int viewers, int catalogViewers, double rate, bool signedInReaders = false)
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        int ideaId;
        await using (var db = site.Context())
        {
            // The newest idea still waiting for triage: it is in the moderation queue and on the catalog's first page (newest first).
            ideaId = await db.Set<Idea>().AsNoTracking()
                .Where(idea => idea.State == IdeaState.Submitted && idea.TriagedAt == null && idea.HiddenAt == null && idea.MergedIntoId == null)
                .MaxAsync(idea => idea.Id);
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

            failures.AddRange(ideaClients.Concat(catalogClients).Where(client => client.Failure is not null).Select(client => client.Failure!));
            return new FanoutResult(ideaId, viewers, catalogViewers, failures, commentMilliseconds, tagOnIdeaMilliseconds, tagOnCatalogMilliseconds,
                commentHandled, tagHandled, BatchCost.Of(Arrived(commentArrivals)), BatchCost.Of(Arrived(tagOnIdea)), BatchCost.Of(Arrived(tagOnCatalog)),
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
