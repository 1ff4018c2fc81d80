using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Discussions;

/// <summary>
/// How many pages have each discussion open right now. Arrivals and departures are announced on the discussion's topic at most once
/// per <see cref="AnnounceDelay"/>: when a thousand readers open a popular idea within a second, everyone hears one new count
/// instead of a thousand.
/// </summary>
public sealed class DiscussionPresence(ILiveEvents liveEvents, TimeProvider time)
{
    public static readonly TimeSpan AnnounceDelay = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Room> rooms = new(StringComparer.Ordinal);

    /// <summary>Counts one viewer of the discussion until the result is disposed.</summary>
    public IDisposable Join(string topic)
    {
        Change(topic, +1);
        return new Visit(this, topic);
    }

    public int ViewersOf(string topic)
    {
        lock (gate)
        {
            return rooms.TryGetValue(topic, out var room) ? room.Viewers : 0;
        }
    }

    private void Change(string topic, int delta)
    {
        lock (gate)
        {
            if (!rooms.TryGetValue(topic, out var room))
            {
                room = new Room();
                rooms[topic] = room;
            }
            room.Viewers += delta;
            if (room.Announcement is null)
            {
                room.Announcement = time.CreateTimer(_ => Announce(topic), null, AnnounceDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Announce(string topic)
    {
        int viewers;
        lock (gate)
        {
            if (!rooms.TryGetValue(topic, out var room))
            {
                return;
            }
            room.Announcement?.Dispose();
            room.Announcement = null;
            viewers = room.Viewers;
            if (viewers == 0)
            {
                rooms.Remove(topic);
            }
        }
        liveEvents.Publish(topic, new DiscussionViewersChanged(viewers));
    }

    private sealed class Room
    {
        public int Viewers;
        public ITimer? Announcement;
    }

    private sealed class Visit(DiscussionPresence presence, string topic) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                presence.Change(topic, -1);
            }
        }
    }
}
