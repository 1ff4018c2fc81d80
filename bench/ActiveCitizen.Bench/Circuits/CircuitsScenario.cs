using System.Diagnostics;

namespace ActiveCitizen.Bench.Circuits;

public sealed record CircuitsResult(
    int Requested, int Opened, IReadOnlyList<string> Failures, double[] StartMilliseconds, double OpeningSeconds, int RenderedTheirPage,
    int AliveAfterHold, TimeSpan ServerCpuOpening, TimeSpan ClientCpuOpening, TimeSpan ServerCpuHolding, TimeSpan ClientCpuHolding,
    LiveHeap? BaselineHeap, LiveHeap? HeldHeap, long? ServerResidentBytes, IReadOnlyDictionary<string, int> UnansweredJsCalls);

/// <summary>
/// Scenario "circuits": N residents open idea pages (anonymous visitors, as most readers are) at a steady rate and keep them open;
/// the server's live heap after a forced full collection, divided by N, is the memory a circuit costs. With <c>--app hello-circuit</c>
/// the same residents open the framework's smallest interactive app instead (bench/HelloCircuit): what any circuit costs on this
/// machine and runtime before ActiveCitizen adds anything, with the whole app interactive as ActiveCitizen is; with
/// <c>--app hello-island</c>, the same app's page rendered on the server alone around one interactive component.
/// </summary>
public static class CircuitsScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Number("circuits", 5000);
        var rate = options.Number("rate", 100);
        var hold = TimeSpan.FromSeconds(options.Number("hold", 30));
        var app = options.Text("app", "activecitizen");
        var result = app switch
        {
            "activecitizen" => await RunOnActiveCitizenAsync(options, count, rate, hold),
            "hello-circuit" => await RunOnHelloCircuitAsync(options.Path("data", "bench/data/live-hello-circuit"), island: false, count, rate, hold),
            "hello-island" => await RunOnHelloCircuitAsync(options.Path("data", "bench/data/live-hello-circuit"), island: true, count, rate, hold),
            var other => throw new ArgumentException($"--app is activecitizen, hello-circuit or hello-island, not {other}."),
        };

        Measurements.PrintMachine();
        Console.WriteLine("Server and client share the machine's cores.");
        var measurements = new Measurements(result.Opened, warmUp: 0);
        Measurements.PrintHeader();
        measurements.Record($"{app}: circuit start, {result.Opened:N0} opened at {rate}/s", result.StartMilliseconds);
        Console.WriteLine();
        Console.WriteLine($"opened {result.Opened:N0} of {result.Requested:N0} in {result.OpeningSeconds:F1} s; failures {result.Failures.Count}; " +
                          $"rendered their page {result.RenderedTheirPage:N0}; alive after {hold.TotalSeconds:F0} s held {result.AliveAfterHold:N0}");
        if (result.HeldHeap is { } held && result.BaselineHeap is { } baseline)
        {
            Console.WriteLine($"server live heap: {Megabytes(baseline.LiveBytes)} before, {Megabytes(held.LiveBytes)} with the circuits; " +
                              $"{held.LiveBytes / 1024.0 / result.Opened:F1} KB per circuit (total / N), " +
                              $"{(held.LiveBytes - baseline.LiveBytes) / 1024.0 / result.Opened:F1} KB per circuit (added / N)");
            Console.WriteLine($"server resident memory: {Megabytes(result.ServerResidentBytes ?? 0)}");
        }
        Console.WriteLine($"CPU while opening: server {result.ServerCpuOpening.TotalSeconds:F1} s, client {result.ClientCpuOpening.TotalSeconds:F1} s " +
                          $"over {result.OpeningSeconds:F1} s; while holding: server {result.ServerCpuHolding.TotalSeconds:F1} s, client {result.ClientCpuHolding.TotalSeconds:F1} s " +
                          $"over {hold.TotalSeconds:F0} s");
        foreach (var failure in result.Failures.GroupBy(failure => failure).Take(5))
        {
            Console.WriteLine($"  failure x{failure.Count()}: {failure.Key}");
        }
        await measurements.SaveAsync("circuits", new
        {
            app, circuits = count, rate, holdSeconds = hold.TotalSeconds, result.Opened, failures = result.Failures.Count, result.OpeningSeconds,
            result.RenderedTheirPage, result.AliveAfterHold,
            baselineLiveBytes = result.BaselineHeap?.LiveBytes, heldLiveBytes = result.HeldHeap?.LiveBytes, heldHeapBytes = result.HeldHeap?.HeapBytes,
            kilobytesPerCircuit = result.HeldHeap is null ? (double?)null : result.HeldHeap.LiveBytes / 1024.0 / result.Opened,
            addedKilobytesPerCircuit = result.HeldHeap is null ? (double?)null : (result.HeldHeap.LiveBytes - result.BaselineHeap!.LiveBytes) / 1024.0 / result.Opened,
            result.ServerResidentBytes,
            serverCpuOpeningSeconds = result.ServerCpuOpening.TotalSeconds, clientCpuOpeningSeconds = result.ClientCpuOpening.TotalSeconds,
            serverCpuHoldingSeconds = result.ServerCpuHolding.TotalSeconds, clientCpuHoldingSeconds = result.ClientCpuHolding.TotalSeconds,
            result.UnansweredJsCalls,
        });
        return result.Failures.Count == 0 && result.AliveAfterHold == result.Requested ? 0 : 1;
    }

    private static async Task<CircuitsResult> RunOnActiveCitizenAsync(Options options, int count, double rate, TimeSpan hold)
    {
        await using var site = await LiveSite.OpenAsync(options, "circuits", takesGeneratedCity: true);
        return await RunAsync(site, count, rate, hold);
    }

    /// <summary>
    /// The scenario on bench/HelloCircuit, started by the bench: its pages greet resident n, at /hello/n with the whole app
    /// interactive, at /island/n from one interactive component on a page rendered on the server alone.
    /// </summary>
    public static async Task<CircuitsResult> RunOnHelloCircuitAsync(string dataDirectory, bool island, int count, double rate, TimeSpan hold)
    {
        Console.WriteLine("Starting the framework's smallest interactive app, bench/HelloCircuit (this build's configuration)...");
        await using var site = new LiveSite(await AppProcess.StartHelloCircuitAsync(dataDirectory));
        var path = island ? "island" : "hello";
        var pages = Enumerable.Range(1, 100).Select(number => new Page($"{path}/{number}", $"Hello, resident {number}")).ToList();
        return await RunAsync(site, pages, count, rate, hold);
    }

    /// <summary>The scenario on ActiveCitizen's idea pages: every visible idea in turn, each expected to show its title.</summary>
    public static async Task<CircuitsResult> RunAsync(LiveSite site, int count, double rate, TimeSpan hold)
    {
        var pages = (await site.VisibleIdeasAsync()).Select(idea => new Page($"ideas/{idea.Id}", idea.Title)).ToList();
        return await RunAsync(site, pages, count, rate, hold);
    }

    private static async Task<CircuitsResult> RunAsync(LiveSite site, IReadOnlyList<Page> pages, int count, double rate, TimeSpan hold)
    {
        using var target = new CircuitTarget(site.BaseUri);

        // One circuit opened and closed first, so the baseline holds what any first visitor brings in (caches, compiled queries).
        await using (var warmUp = new CircuitClient(target, keepsTree: false))
        {
            await warmUp.OpenAsync(pages[0].Path);
        }
        var baseline = site.App is null ? null : await site.App.MeasureLiveHeapAsync();

        var serverCpu = site.ServerCpu;
        var clientCpu = LiveSite.ClientCpu;
        var opening = Stopwatch.StartNew();
        var rendered = 0;
        var (clients, failed) = await Arrivals.AtRateAsync(count, rate, async index =>
        {
            var page = pages[index % pages.Count];
            var client = new CircuitClient(target, keepsTree: false);
            var sawText = client.WatchForText(page.ExpectedText);
            await client.OpenAsync(page.Path);
            if (sawText.IsCompletedSuccessfully)
            {
                Interlocked.Increment(ref rendered);
            }
            return client;
        });
        var openingSeconds = opening.Elapsed.TotalSeconds;
        var serverCpuOpening = site.ServerCpu - serverCpu;
        var clientCpuOpening = LiveSite.ClientCpu - clientCpu;

        // The hold starts once the server has caught up with the openings, so its CPU is what idle circuits cost.
        await site.SettleAsync();
        serverCpu = site.ServerCpu;
        clientCpu = LiveSite.ClientCpu;
        await Task.Delay(hold);
        var serverCpuHolding = site.ServerCpu - serverCpu;
        var clientCpuHolding = LiveSite.ClientCpu - clientCpu;
        var held = site.App is null ? null : await site.App.MeasureLiveHeapAsync();
        var resident = site.App?.ResidentBytes;
        var alive = clients.Count(client => client.Failure is null);

        var failures = failed.Select(exception => exception.Message).Concat(clients.Where(client => client.Failure is not null).Select(client => client.Failure!)).ToList();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (client, _) => await client.DisposeAsync());
        return new CircuitsResult(count, clients.Count, failures, clients.Select(client => client.StartDuration.TotalMilliseconds).ToArray(), openingSeconds,
            rendered, alive, serverCpuOpening, clientCpuOpening, serverCpuHolding, clientCpuHolding, baseline, held, resident,
            new Dictionary<string, int>(target.UnansweredJsCalls));
    }

    /// <summary>A page a resident opens, and a text that shows it rendered (an idea's title).</summary>
    private sealed record Page(string Path, string ExpectedText);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";
}
