namespace ActiveCitizen.App.Infrastructure.Live;

/// <summary>
/// What components subscribe through: one per circuit (scoped), so that whatever a circuit still holds when it closes is
/// released with it, even if a component was never disposed properly.
/// </summary>
public sealed class CircuitLiveSubscriptions(ILiveEvents liveEvents) : IDisposable
{
    private readonly Lock gate = new();
    private readonly HashSet<IDisposable> held = [];
    private bool disposed;

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ILiveEvent
    {
        var subscription = liveEvents.Subscribe(topic, handler);
        var tracked = new Tracked(this, subscription);
        lock (gate)
        {
            if (!disposed)
            {
                held.Add(tracked);
                return tracked;
            }
        }
        subscription.Dispose();
        throw new ObjectDisposedException(nameof(CircuitLiveSubscriptions));
    }

    public void Dispose()
    {
        IDisposable[] toRelease;
        lock (gate)
        {
            disposed = true;
            toRelease = [.. held];
            held.Clear();
        }
        foreach (var subscription in toRelease)
        {
            subscription.Dispose();
        }
    }

    private void Forget(Tracked tracked)
    {
        lock (gate)
        {
            held.Remove(tracked);
        }
    }

    private sealed class Tracked(CircuitLiveSubscriptions owner, IDisposable inner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                inner.Dispose();
                owner.Forget(this);
            }
        }
    }
}
