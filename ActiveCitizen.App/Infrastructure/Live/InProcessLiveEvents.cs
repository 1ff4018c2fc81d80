using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ActiveCitizen.App.Infrastructure.Live;

/// <summary>
/// The live bus for a single server process. Each subscriber has its own small queue drained on the thread pool, so a slow or
/// throwing subscriber only ever holds up itself; publishing never waits for a handler.
/// </summary>
public sealed class InProcessLiveEvents(ILogger<InProcessLiveEvents> logger) : ILiveEvents
{
    private readonly ILogger logger = logger;

    /// <summary>
    /// Events waiting for one subscriber beyond this are dropped oldest first: a subscriber that far behind is stuck, and live
    /// subscribers reload what they show from the database on the next event anyway.
    /// </summary>
    public const int MaxPendingPerSubscriber = 1024;

    private readonly ConcurrentDictionary<string, Topic> topics = new(StringComparer.Ordinal);

    public void Publish(string topic, ILiveEvent liveEvent)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        if (topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscription in subscribers.Current)
            {
                subscription.Offer(liveEvent);
            }
        }
    }

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ILiveEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription<TEvent>(this, topic, handler);
        while (true)
        {
            var subscribers = topics.GetOrAdd(topic, static _ => new Topic());
            if (subscribers.TryAdd(subscription))
            {
                return subscription;
            }
            // The topic was emptied and removed between the lookup and the add; take a fresh one.
        }
    }

    /// <summary>How many subscriptions a topic has now; for diagnostics and tests.</summary>
    public int SubscriberCount(string topic) => topics.TryGetValue(topic, out var subscribers) ? subscribers.Current.Length : 0;

    private void Unsubscribe(string topic, SubscriptionBase subscription)
    {
        if (topics.TryGetValue(topic, out var subscribers) && subscribers.Remove(subscription))
        {
            topics.TryRemove(new KeyValuePair<string, Topic>(topic, subscribers));
        }
    }

    private sealed class Topic
    {
        private readonly Lock gate = new();
        private bool retired;

        public ImmutableArray<SubscriptionBase> Current { get; private set; } = [];

        public bool TryAdd(SubscriptionBase subscription)
        {
            lock (gate)
            {
                if (retired)
                {
                    return false;
                }
                Current = Current.Add(subscription);
                return true;
            }
        }

        /// <summary>Removes the subscription; returns true when the topic became empty and was retired.</summary>
        public bool Remove(SubscriptionBase subscription)
        {
            lock (gate)
            {
                Current = Current.Remove(subscription);
                retired = Current.IsEmpty;
                return retired;
            }
        }
    }

    private abstract class SubscriptionBase
    {
        public abstract void Offer(ILiveEvent liveEvent);
    }

    private sealed class Subscription<TEvent>(InProcessLiveEvents bus, string topic, Func<TEvent, Task> handler)
        : SubscriptionBase, IDisposable where TEvent : ILiveEvent
    {
        private readonly Lock gate = new();
        private readonly Queue<TEvent> pending = new();

        /// <summary>
        /// The subscriber's context (a circuit's culture above all): handlers run in it, so a re-render caused by an event speaks
        /// the reader's language rather than the thread pool's.
        /// </summary>
        private readonly ExecutionContext? subscriberContext = ExecutionContext.Capture();

        private bool draining;
        private bool disposed;
        private bool overflowReported;

        public override void Offer(ILiveEvent liveEvent)
        {
            if (liveEvent is not TEvent typed)
            {
                return;
            }
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }
                if (pending.Count == MaxPendingPerSubscriber)
                {
                    pending.Dequeue();
                    if (!overflowReported)
                    {
                        overflowReported = true;
                        bus.logger.LogWarning("A subscriber of {Topic} is {Count} events behind; dropping the oldest until it catches up.", topic, MaxPendingPerSubscriber);
                    }
                }
                pending.Enqueue(typed);
                if (draining)
                {
                    return;
                }
                draining = true;
            }
            ThreadPool.UnsafeQueueUserWorkItem(static subscription => _ = subscription.DrainAsync(), this, preferLocal: false);
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                TEvent next;
                lock (gate)
                {
                    if (disposed || !pending.TryDequeue(out next!))
                    {
                        draining = false;
                        overflowReported = false;
                        return;
                    }
                }
                try
                {
                    await InvokeInSubscriberContext(next);
                }
                catch (ObjectDisposedException) when (Volatile.Read(ref disposed))
                {
                    // The component went away while its handler was running; there is nothing left to update.
                }
                catch (Exception exception)
                {
                    bus.logger.LogError(exception, "A subscriber of {Topic} failed handling {Event}.", topic, typeof(TEvent).Name);
                }
            }
        }

        private Task InvokeInSubscriberContext(TEvent liveEvent)
        {
            if (subscriberContext is null)
            {
                return handler(liveEvent);
            }
            Task? running = null;
            ExecutionContext.Run(subscriberContext, _ => running = handler(liveEvent), null);
            return running!;
        }

        public void Dispose()
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }
                disposed = true;
                pending.Clear();
            }
            bus.Unsubscribe(topic, this);
        }
    }
}
