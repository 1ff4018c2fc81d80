using System.Diagnostics;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench.Circuits;

/// <summary>
/// The site a live scenario runs against: by default the app started by the bench (Release, fresh database with the demo), or an
/// app already running (<c>--url</c>, with <c>--db</c> for its database file, which the scenarios read to check their invariants).
/// </summary>
public sealed class LiveSite : IAsyncDisposable
{
    private readonly AppProcess? app;

    public LiveSite(Uri baseUri, string databasePath, AppProcess? app = null)
    {
        BaseUri = baseUri;
        DatabasePath = databasePath;
        this.app = app;
    }

    /// <summary>A site the bench started that has no database to check (bench/HelloCircuit): its database path names no file.</summary>
    public LiveSite(AppProcess app) : this(app.BaseUri, app.DatabasePath, app)
    {
    }

    public Uri BaseUri { get; }
    public string DatabasePath { get; }

    /// <summary>The server's process when the bench started it; null for a site given by URL (no server figures then).</summary>
    public AppProcess? App => app;

    /// <summary>
    /// The site for a scenario. <paramref name="takesGeneratedCity"/>: the scenario needs nothing of the demo (no accounts, no quiz),
    /// so <c>--city path/to/city.db</c> may run it on a copy of a database the city-scale generator filled.
    /// </summary>
    public static async Task<LiveSite> OpenAsync(Options options, string scenario, bool takesGeneratedCity = false)
    {
        var url = options.Text("url", "");
        if (url.Length > 0)
        {
            return new LiveSite(new Uri(url.TrimEnd('/') + "/"), options.Path("db", ""));
        }
        var city = takesGeneratedCity && options.Text("city", "").Length > 0 ? options.Path("city", "") : null;
        if (city is not null && !File.Exists(city))
        {
            throw new FileNotFoundException($"No generated database at {city}; make one with `generate` first.", city);
        }
        Console.WriteLine(city is null
            ? "Starting the app (Release build, fresh database with the demo)..."
            : $"Starting the app (Release build, on a copy of {city})...");
        var started = await AppProcess.StartAsync(options.Path("data", $"bench/data/live-{scenario}"), city);
        return new LiveSite(started.BaseUri, started.DatabasePath, started);
    }

    public AppDbContext Context() => BenchDatabase.Context(DatabasePath);

    /// <summary>Ideas a resident can open (not hidden, not merged away), with their titles.</summary>
    public async Task<List<(int Id, string Title)>> VisibleIdeasAsync()
    {
        await using var db = Context();
        return (await db.Set<Idea>().AsNoTracking().Where(idea => idea.HiddenAt == null && idea.MergedIntoId == null)
                .OrderBy(idea => idea.Id).Select(idea => new { idea.Id, idea.Title }).ToListAsync())
            .Select(idea => (idea.Id, idea.Title)).ToList();
    }

    /// <summary>
    /// Adds <paramref name="count"/> residents (resident{n}@bench.activecitizen.example) who sign in with the demo password; a second
    /// call asking for no more than are there adds nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddResidentsAsync(int count)
    {
        var emails = Enumerable.Range(0, count).Select(index => $"resident{index}@bench.activecitizen.example").ToList();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        var existing = connection.CreateCommand();
        existing.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE Email LIKE '%@bench.activecitizen.example'";
        var already = Convert.ToInt32(await existing.ExecuteScalarAsync());
        if (already >= count)
        {
            return emails;
        }
        if (already > 0)
        {
            throw new InvalidOperationException($"The database holds {already} bench residents, fewer than the {count} asked for; start from a fresh one.");
        }
        var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 30000;";
        await busy.ExecuteNonQueryAsync();
        await CityScaleGenerator.InsertResidentsAsync(connection, count, new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc));
        // One password hash for all: the demo resident's (the salt is shared, which only a benchmark can afford).
        var password = connection.CreateCommand();
        password.CommandText = """
            UPDATE AspNetUsers SET PasswordHash = (SELECT PasswordHash FROM AspNetUsers WHERE NormalizedEmail = $demo)
            WHERE Email LIKE '%@bench.activecitizen.example'
            """;
        password.Parameters.AddWithValue("$demo", DemoAccounts.All[0].Email.ToUpperInvariant());
        await password.ExecuteNonQueryAsync();
        return emails;
    }

    /// <summary>
    /// Waits until the server has caught up with what the scenario set up (renders and reads behind freshly opened circuits): a second
    /// in which it used under a tenth of a core, or two minutes. A site given by URL gets five seconds, its CPU being out of sight.
    /// </summary>
    public async Task SettleAsync()
    {
        if (app is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return;
        }
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            var before = app.CpuTime;
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (app.CpuTime - before < TimeSpan.FromMilliseconds(100))
            {
                return;
            }
        }
    }

    /// <summary>Server CPU time, or zero for a site given by URL.</summary>
    public TimeSpan ServerCpu => app?.CpuTime ?? TimeSpan.Zero;

    public static TimeSpan ClientCpu => Process.GetCurrentProcess().TotalProcessorTime;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>Starts <paramref name="count"/> operations at a steady rate, as residents arriving, and gathers what each returned or threw.</summary>
public static class Arrivals
{
    public static async Task<(List<T> Done, List<Exception> Failed)> AtRateAsync<T>(int count, double perSecond, Func<int, Task<T>> start)
    {
        var tasks = new List<Task<T>>(count);
        var watch = Stopwatch.StartNew();
        for (var index = 0; index < count; index++)
        {
            var wait = TimeSpan.FromSeconds(index / perSecond) - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var number = index;
            tasks.Add(Task.Run(() => start(number)));
        }
        var done = new List<T>(count);
        var failed = new List<Exception>();
        foreach (var task in tasks)
        {
            try
            {
                done.Add(await task);
            }
            catch (Exception exception)
            {
                failed.Add(exception);
            }
        }
        return (done, failed);
    }
}
