using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Stats;

/// <summary>
/// Serves the home page's figures to every viewer from one shared read. Any event on the site topic marks them stale; changes arriving
/// close together are coalesced into one refresh, which is then pushed to every open home page in a <see cref="SiteFiguresChanged"/>.
/// </summary>
public sealed class SiteFiguresService : IHostedService, IDisposable
{
    /// <summary>How long events are gathered before one refresh; a registration wave costs one query a second, not one per resident.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly IEnumerable<ISiteFigureSource> sources;
    private readonly ILiveEvents liveEvents;
    private readonly TimeProvider time;
    private readonly ILogger<SiteFiguresService> logger;
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private IReadOnlyList<SiteFigure>? current;
    private DateTimeOffset currentAt;
    private IDisposable? subscription;
    private int refreshScheduled;
    private int eventsSeen;

    public SiteFiguresService(
        IDbContextFactory<AppDbContext> dbFactory, IEnumerable<ISiteFigureSource> sources, ILiveEvents liveEvents, TimeProvider time,
        ILogger<SiteFiguresService> logger)
    {
        this.dbFactory = dbFactory;
        this.sources = sources;
        this.liveEvents = liveEvents;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Figures that follow the clock rather than events (a project opening at midnight) are at most this old.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<SiteFigure>> GetAsync(CancellationToken cancellationToken = default) =>
        current is not null && time.GetUtcNow() - currentAt < MaxAge ? current : await RefreshAsync(cancellationToken, onlyIfStale: true);

    /// <summary>How many site events this service has taken in; lets tests wait until a burst has been seen before moving the clock.</summary>
    internal int EventsSeen => Volatile.Read(ref eventsSeen);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = liveEvents.Subscribe<ILiveEvent>(LiveTopics.Site, OnSiteEvent);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    private Task OnSiteEvent(ILiveEvent liveEvent)
    {
        if (liveEvent is SiteFiguresChanged)
        {
            return Task.CompletedTask;
        }
        Interlocked.Increment(ref eventsSeen);
        if (Interlocked.Exchange(ref refreshScheduled, 1) == 0)
        {
            _ = RefreshSoonAsync();
        }
        return Task.CompletedTask;
    }

    private async Task RefreshSoonAsync()
    {
        try
        {
            await Task.Delay(CoalesceWindow, time, stopping.Token);
            Volatile.Write(ref refreshScheduled, 0);
            var figures = await RefreshAsync(stopping.Token);
            liveEvents.Publish(LiveTopics.Site, new SiteFiguresChanged(figures));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Volatile.Write(ref refreshScheduled, 0);
            logger.LogError(exception, "Could not refresh the site figures.");
        }
    }

    private async Task<IReadOnlyList<SiteFigure>> RefreshAsync(CancellationToken cancellationToken, bool onlyIfStale = false)
    {
        await refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Many visitors at once when the figures expire: the first one reads, the others take its result.
            if (onlyIfStale && current is not null && time.GetUtcNow() - currentAt < MaxAge)
            {
                return current;
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var figures = new List<SiteFigure>();
            foreach (var source in sources)
            {
                figures.AddRange(await source.ReadAsync(db, cancellationToken));
            }
            current = [.. figures.OrderBy(figure => figure.Order)];
            currentAt = time.GetUtcNow();
            return current;
        }
        finally
        {
            refreshGate.Release();
        }
    }

    /// <summary>Safe to call more than once (the host stops the service, then the container disposes it).</summary>
    public void Dispose()
    {
        subscription?.Dispose();
        stopping.Cancel();
    }
}
