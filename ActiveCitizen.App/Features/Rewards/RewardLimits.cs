namespace ActiveCitizen.App.Features.Rewards;

public static class RewardLimits
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 1000;
    public const int CodeMinLength = 4;
    public const int CodeMaxLength = 64;
    public const int MaxPrice = 1_000_000;
    public const int MaxGenerate = 10_000;
    public const int MaxPrizePlaces = 1000;
    public const int CsvMaxBytes = 2 * 1024 * 1024;
    public const int LedgerPageSize = 50;
}

/// <summary>Points paid for taking part, named settings (<c>Rewards:Points:*</c>).</summary>
public sealed class RewardsOptions
{
    public const string Section = "Rewards";

    public PointsOptions Points { get; set; } = new();
}

public sealed class PointsOptions
{
    public int IdeaSubmitted { get; set; } = 10;
    public int IdeaSelected { get; set; } = 200;
    public int CorrectAnswer { get; set; } = 5;
    public int StageCompleted { get; set; } = 20;
}

/// <summary>Whose leaderboard a prize place is on.</summary>
public static class PrizeScopes
{
    public static string Stage(int stageId) => $"quiz-stage:{stageId}";

    public static string Campaign(int campaignId) => $"quiz-campaign:{campaignId}";

    public static (bool IsStage, int Id)? Parse(string scope) =>
        scope.StartsWith("quiz-stage:", StringComparison.Ordinal) && int.TryParse(scope["quiz-stage:".Length..], out var stage) ? (true, stage)
        : scope.StartsWith("quiz-campaign:", StringComparison.Ordinal) && int.TryParse(scope["quiz-campaign:".Length..], out var campaign) ? (false, campaign)
        : null;
}
