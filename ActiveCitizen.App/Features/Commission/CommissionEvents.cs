using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Commission;

public static class CommissionTopics
{
    public static string Session(int sessionId) => $"commission:{sessionId}";
}

/// <summary>How many members have voted on an idea, out of those who may: never how. Carried whole, so no viewer reads.</summary>
public sealed record VotesCounted(int SessionId, int IdeaId, int Voted, int Eligible) : ILiveEvent;

/// <summary>The session opened, closed, got its results counted, a rationale changed, or it was published: pages read it again.</summary>
public sealed record SessionChanged(int SessionId) : ILiveEvent;
