using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ActiveCitizen.Bench.Circuits;

/// <summary>
/// The app as it runs for residents: its own process, built in the bench's configuration (Release for figures), with its own
/// runtime settings (server GC), on a fresh database in <see cref="DataDirectory"/>: seeded with the demo, or a copy of a database
/// the city-scale generator filled. The bench reads the server's CPU time and resident memory from the OS, and its live managed
/// heap through the runtime's diagnostics port.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private AppProcess(Process process, StreamWriter log, Uri baseUri, string dataDirectory)
    {
        this.process = process;
        this.log = log;
        BaseUri = baseUri;
        DataDirectory = dataDirectory;
    }

    public Uri BaseUri { get; }
    public string DataDirectory { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "app.db");
    public int ProcessId => process.Id;

    public static Task<AppProcess> StartAsync(string dataDirectory, string? generatedDatabase = null)
    {
        var appFolder = Path.Combine(Options.RepositoryRoot(), "ActiveCitizen.App");
        var start = ProcessStart(appFolder, "ActiveCitizen.App.dll", dataDirectory);
        if (generatedDatabase is not null)
        {
            // A copy: the app migrates it to the current schema at start-up, and the scenario must not change the generator's file.
            File.Copy(generatedDatabase, Path.Combine(dataDirectory, "app.db"));
        }
        // Not Development (no detailed errors, no browser refresh) and not Production (which refuses demo data): as production, with the demo.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataDirectory, "app.db")}";
        start.Environment["DemoData__Enabled"] = generatedDatabase is null ? "true" : "false";
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(dataDirectory, "keys");
        start.Environment["Mail__Delivery"] = "Pickup";
        start.Environment["Mail__PickupDirectory"] = Path.Combine(dataDirectory, "mail");
        return StartAsync(start, dataDirectory);
    }

    /// <summary>The framework's smallest interactive Blazor Server app (bench/HelloCircuit), as production runs it.</summary>
    public static Task<AppProcess> StartHelloCircuitAsync(string dataDirectory)
    {
        var start = ProcessStart(Path.Combine(Options.RepositoryRoot(), "bench", "HelloCircuit"), "HelloCircuit.dll", dataDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return StartAsync(start, dataDirectory);
    }

    /// <summary>An app's process in a fresh data directory, on a free loopback port, its content root its project folder (as with `dotnet run`).</summary>
    private static ProcessStartInfo ProcessStart(string projectFolder, string dllName, string dataDirectory)
    {
        // The bench's own output folder says which configuration it was built in; the apps it references were built alongside.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var appDll = Path.Combine(projectFolder, "bin", configuration, "net10.0", dllName);
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException($"The app is not built at {appDll}; build the bench (it builds the app) first.");
        }
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = projectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private static async Task<AppProcess> StartAsync(ProcessStartInfo start, string dataDirectory)
    {
        var baseUri = new Uri(start.Environment["ASPNETCORE_URLS"] + "/");
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(dataDirectory, "app.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { lock (log) { log.WriteLine(line.Data); } } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { lock (log) { log.WriteLine(line.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, log, baseUri, dataDirectory);
        try
        {
            await WaitUntilAnsweringAsync(app, baseUri);
            return app;
        }
        catch
        {
            // Whatever stopped the start (the app exiting, no answer in time), the process and its log go with it.
            await app.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitUntilAnsweringAsync(AppProcess app, Uri baseUri)
    {
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (app.process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited at start-up ({app.process.ExitCode}); see {Path.Combine(app.DataDirectory, "app.log")}.");
            }
            try
            {
                if ((await http.GetAsync("")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or its first page took longer than a request may (a busy machine at start-up).
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The app did not answer within 2 minutes.");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>CPU time the server has used so far (all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>
    /// Forces a full, blocking collection in the server (the GCHeapCollect keyword of an EventPipe session, as dotnet-gcdump does) and
    /// returns the bytes that survived it, over all generations and the large and pinned object heaps: the server's live managed heap.
    /// </summary>
    public async Task<LiveHeap> MeasureLiveHeapAsync()
    {
        var client = new DiagnosticsClient(process.Id);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        var measured = new TaskCompletionSource<LiveHeap>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollectionStarted = false;
        var processing = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            source.Clr.GCStart += collection => fullCollectionStarted |= collection.Depth == 2;
            source.Clr.GCHeapStats += stats =>
            {
                if (fullCollectionStarted)
                {
                    measured.TrySetResult(new LiveHeap(
                        stats.TotalPromotedSize0 + stats.TotalPromotedSize1 + stats.TotalPromotedSize2 + stats.TotalPromotedSize3 + stats.TotalPromotedSize4,
                        stats.TotalHeapSize));
                }
            };
            source.Process();
        });
        try
        {
            return await measured.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(10)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Bytes that survived a forced full collection, and the heap's size after it (live bytes plus fragmentation).</summary>
public sealed record LiveHeap(long LiveBytes, long HeapBytes);
