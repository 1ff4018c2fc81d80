using System.Globalization;
using System.Diagnostics;
using System.Collections.Concurrent;
using ActiveCitizen.App.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActiveCitizen.Tests.Infrastructure.Live;

public sealed class InProcessLiveEventsTests
{
    /// <summary>Only guards against a hang; no assertion depends on how fast anything ran.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private sealed record Ping(int Number) : ILiveEvent;

    private sealed record Other : ILiveEvent;

    private readonly InProcessLiveEvents bus = new(NullLogger<InProcessLiveEvents>.Instance);

    [Fact]
    public async Task Every_one_of_a_thousand_subscribers_receives_the_event_once()
    {
        var received = new ConcurrentDictionary<int, int>();
        using var allReceived = new CountdownEvent(1000);
        var subscriptions = Enumerable.Range(0, 1000).Select(index => bus.Subscribe<Ping>("idea:1", _ =>
        {
            received.AddOrUpdate(index, 1, (_, count) => count + 1);
            allReceived.Signal();
            return Task.CompletedTask;
        })).ToList();

        bus.Publish("idea:1", new Ping(1));

        Assert.True(await Task.Run(() => allReceived.Wait(Patience)));
        Assert.Equal(1000, received.Count);
        Assert.All(received.Values, count => Assert.Equal(1, count));
        subscriptions.ForEach(subscription => subscription.Dispose());
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more_and_the_topic_is_released()
    {
        var kept = new ConcurrentQueue<int>();
        var dropped = new ConcurrentQueue<int>();
        using var keeper = bus.Subscribe<Ping>("idea:2", ping => { kept.Enqueue(ping.Number); return Task.CompletedTask; });
        var leaver = bus.Subscribe<Ping>("idea:2", ping => { dropped.Enqueue(ping.Number); return Task.CompletedTask; });

        leaver.Dispose();
        bus.Publish("idea:2", new Ping(7));

        await WaitUntil(() => kept.Count == 1);
        Assert.Empty(dropped);
        Assert.Equal(1, bus.SubscriberCount("idea:2"));
        keeper.Dispose();
        Assert.Equal(0, bus.SubscriberCount("idea:2"));
    }

    [Fact]
    public async Task A_throwing_subscriber_neither_stops_the_others_nor_its_own_later_events()
    {
        var thrower = new ConcurrentQueue<int>();
        var others = new ConcurrentQueue<int>();
        using var failing = bus.Subscribe<Ping>("idea:3", ping =>
        {
            thrower.Enqueue(ping.Number);
            throw new InvalidOperationException("subscriber bug");
        });
        using var healthy = bus.Subscribe<Ping>("idea:3", ping => { others.Enqueue(ping.Number); return Task.CompletedTask; });

        bus.Publish("idea:3", new Ping(1));
        bus.Publish("idea:3", new Ping(2));

        await WaitUntil(() => others.Count == 2 && thrower.Count == 2);
        Assert.Equal([1, 2], others);
        Assert.Equal([1, 2], thrower);
    }

    [Fact]
    public async Task A_subscriber_that_never_finishes_does_not_hold_up_the_publisher_or_the_others()
    {
        var stuck = new TaskCompletionSource();
        var others = new ConcurrentQueue<int>();
        using var slow = bus.Subscribe<Ping>("idea:4", _ => stuck.Task);
        using var fast = bus.Subscribe<Ping>("idea:4", ping => { others.Enqueue(ping.Number); return Task.CompletedTask; });

        for (var number = 1; number <= 50; number++)
        {
            bus.Publish("idea:4", new Ping(number));
        }

        await WaitUntil(() => others.Count == 50);
        Assert.Equal(Enumerable.Range(1, 50), others);
        stuck.SetResult();
    }

    [Fact]
    public async Task Each_subscriber_receives_events_in_the_order_they_were_published()
    {
        var seen = new ConcurrentQueue<int>();
        using var subscription = bus.Subscribe<Ping>("idea:5", async ping =>
        {
            await Task.Yield();
            seen.Enqueue(ping.Number);
        });

        for (var number = 1; number <= 500; number++)
        {
            bus.Publish("idea:5", new Ping(number));
        }

        await WaitUntil(() => seen.Count == 500);
        Assert.Equal(Enumerable.Range(1, 500), seen);
    }

    [Fact]
    public async Task A_subscriber_receives_only_its_event_type_and_only_its_topic()
    {
        var pings = new ConcurrentQueue<int>();
        var anything = new ConcurrentQueue<ILiveEvent>();
        using var typed = bus.Subscribe<Ping>("idea:6", ping => { pings.Enqueue(ping.Number); return Task.CompletedTask; });
        using var all = bus.Subscribe<ILiveEvent>("idea:6", liveEvent => { anything.Enqueue(liveEvent); return Task.CompletedTask; });

        bus.Publish("idea:6", new Other());
        bus.Publish("idea:7", new Ping(99));
        bus.Publish("idea:6", new Ping(1));

        await WaitUntil(() => anything.Count == 2 && pings.Count == 1);
        Assert.Equal([1], pings);
        Assert.IsType<Other>(anything.First());
    }

    [Fact]
    public void Closing_a_circuit_releases_every_subscription_its_components_still_held()
    {
        var services = new ServiceCollection()
            .AddSingleton<ILiveEvents>(bus)
            .AddScoped<CircuitLiveSubscriptions>()
            .BuildServiceProvider();
        var circuit = services.CreateScope();
        var live = circuit.ServiceProvider.GetRequiredService<CircuitLiveSubscriptions>();
        live.Subscribe<Ping>("idea:8", _ => Task.CompletedTask);
        live.Subscribe<Ping>("idea:8", _ => Task.CompletedTask);
        live.Subscribe<Ping>("user:1", _ => Task.CompletedTask);
        Assert.Equal(2, bus.SubscriberCount("idea:8"));

        circuit.Dispose();

        Assert.Equal(0, bus.SubscriberCount("idea:8"));
        Assert.Equal(0, bus.SubscriberCount("user:1"));
    }

    [Fact]
    public async Task Handlers_run_in_the_culture_of_the_subscriber_not_that_of_the_publisher()
    {
        var seen = new TaskCompletionSource<string>();
        var previous = CultureInfo.CurrentUICulture;
        IDisposable subscription;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        try
        {
            subscription = bus.Subscribe<Ping>("idea:9", _ => { seen.TrySetResult(CultureInfo.CurrentUICulture.Name); return Task.CompletedTask; });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        await Task.Run(() =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            bus.Publish("idea:9", new Ping(1));
        });

        Assert.Equal("ru", await seen.Task.WaitAsync(Patience));
        subscription.Dispose();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "The expected deliveries did not arrive.");
            await Task.Delay(10);
        }
    }
}
