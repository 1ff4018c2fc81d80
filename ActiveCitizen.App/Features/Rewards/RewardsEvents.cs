using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Rewards;

public static class RewardsTopics
{
    /// <summary>Stock or reward types changed: the shop and the admin page read again.</summary>
    public const string Inventory = "rewards";
}

public sealed record RewardsChanged : ILiveEvent;
