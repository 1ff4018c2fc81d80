namespace ActiveCitizen.App.Infrastructure.Live;

/// <summary>Marker for facts published on the live bus: past-tense records carrying ids and small values, never tracked entities.</summary>
public interface ILiveEvent;

/// <summary>
/// Publish/subscribe by topic (<c>idea:42</c>, <c>user:…</c>) so that every open circuit showing something learns at once that it changed.
/// </summary>
public interface ILiveEvents
{
    /// <summary>Hands the event to every current subscriber of the topic and returns without waiting for any of them.</summary>
    void Publish(string topic, ILiveEvent liveEvent);

    /// <summary>
    /// Calls <paramref name="handler"/> for each event of type <typeparamref name="TEvent"/> published to the topic, one at a time and in
    /// publication order for this subscriber. Dispose the result to stop.
    /// </summary>
    IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ILiveEvent;
}
