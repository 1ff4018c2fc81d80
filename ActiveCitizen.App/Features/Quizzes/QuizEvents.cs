using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Quizzes;

public static class QuizTopics
{
    /// <summary>One resident's attempt: every tab they play it in follows it.</summary>
    public static string Attempt(long attemptId) => $"quiz-attempt:{attemptId}";

    public static string Leaderboard(int campaignId) => $"quiz-leaderboard:{campaignId}";

    /// <summary>Campaigns, stages or questions were authored: lists and pages read again.</summary>
    public const string Catalog = "quizzes";

    /// <summary>A stage's or a campaign's results were published: prizes may be issued.</summary>
    public const string Results = "quiz-results";
}

/// <summary>A question of the attempt was answered or timed out: tabs not yet showing it move on to where the attempt now is.</summary>
public sealed record AttemptAdvanced(long AttemptId, int QuestionId) : ILiveEvent;

/// <summary>Scores in the campaign changed since the last signal (at most two a second, see <see cref="LeaderboardTicker"/>).</summary>
public sealed record LeaderboardChanged(int CampaignId, IReadOnlyList<int> StageIds) : ILiveEvent;

public sealed record QuizCatalogChanged(int CampaignId) : ILiveEvent;

/// <summary>Results were published for a stage (<paramref name="StageId"/>) or, when it is null, for the whole campaign.</summary>
public sealed record QuizResultsPublished(int CampaignId, int? StageId) : ILiveEvent;
