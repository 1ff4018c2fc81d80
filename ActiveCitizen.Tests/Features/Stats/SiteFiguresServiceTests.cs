using System.Collections.Concurrent;
using System.Diagnostics;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Stats;

public sealed class SiteFiguresServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly InProcessLiveEvents liveEvents = new(NullLogger<InProcessLiveEvents>.Instance);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly CountingResidents residents = new();

    /// <summary>The real resident figure, counting how often the database is read for it.</summary>
    private sealed class CountingResidents : ISiteFigureSource
    {
        private readonly ResidentFigures real = new();
        public int Reads;

        public Task<IReadOnlyList<SiteFigure>> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            return real.ReadAsync(db, cancellationToken);
        }
    }

    [Fact]
    public async Task A_wave_of_new_residents_costs_one_read_and_reaches_every_open_home_page_with_the_figures()
    {
        using var service = new SiteFiguresService(database.Factory, [residents], liveEvents, time, NullLogger<SiteFiguresService>.Instance);
        await service.StartAsync(CancellationToken.None);
        Assert.Equal(0, (await service.GetAsync()).Single().Value);
        var viewers = Enumerable.Range(0, 200).Select(_ => new ConcurrentQueue<long>()).ToList();
        var subscriptions = viewers.Select(seen => liveEvents.Subscribe<SiteFiguresChanged>(LiveTopics.Site, changed =>
        {
            seen.Enqueue(changed.Figures.Single().Value);
            return Task.CompletedTask;
        })).ToList();

        for (var resident = 0; resident < 10; resident++)
        {
            var userId = await TestUsers.CreateAsync(database, $"Resident {resident}");
            liveEvents.Publish(LiveTopics.Site, new ResidentJoined(userId));
        }
        await WaitUntil(() => service.EventsSeen == 10);
        await AdvanceUntil(() => viewers.All(seen => !seen.IsEmpty));

        Assert.All(viewers, seen => Assert.Equal([10L], seen));
        Assert.Equal(2, residents.Reads);
        Assert.Equal(10, (await service.GetAsync()).Single().Value);
        Assert.Equal(2, residents.Reads);
        subscriptions.ForEach(subscription => subscription.Dispose());
        await service.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The events never reached the service.");
            await Task.Delay(10);
        }
    }

    /// <summary>Moves the fake clock on in small steps until the condition holds; the coalescing delay runs on that clock.</summary>
    private async Task AdvanceUntil(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The refreshed figures never arrived.");
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }
    }

    public void Dispose() => database.Dispose();
}
