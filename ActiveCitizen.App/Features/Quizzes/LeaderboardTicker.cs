using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>
/// Turns a stream of answers into at most two leaderboard signals a second per campaign, however many answers arrive: the first
/// change starts a half-second window, later ones join it, and the window's end publishes one <see cref="LeaderboardChanged"/>.
/// Viewers then read their page once per signal, and <see cref="QuizQueries"/> serves all of them one read per revision.
/// </summary>
public sealed class LeaderboardTicker(ILiveEvents liveEvents, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private readonly Dictionary<int, (HashSet<int> Stages, ITimer Timer)> pending = [];
    private long revision;

    /// <summary>The number of signals published so far: a page read for one revision serves every viewer of it.</summary>
    public long Revision => Interlocked.Read(ref revision);

    public void Changed(int campaignId, int stageId)
    {
        lock (gate)
        {
            if (pending.TryGetValue(campaignId, out var window))
            {
                window.Stages.Add(stageId);
                return;
            }
            var timer = time.CreateTimer(_ => Publish(campaignId), null, Window, Timeout.InfiniteTimeSpan);
            pending[campaignId] = ([stageId], timer);
        }
    }

    private void Publish(int campaignId)
    {
        int[] stages;
        lock (gate)
        {
            if (!pending.Remove(campaignId, out var window))
            {
                return;
            }
            window.Timer.Dispose();
            stages = [.. window.Stages];
        }
        Interlocked.Increment(ref revision);
        liveEvents.Publish(QuizTopics.Leaderboard(campaignId), new LeaderboardChanged(campaignId, stages));
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var (_, timer) in pending.Values)
            {
                timer.Dispose();
            }
            pending.Clear();
        }
    }
}
