using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Rewards;

public static class RewardsTopics
{
    /// <summary>Stock or reward types changed: the shop and the admin page read again.</summary>
    public const string Inventory = "rewards";
}

/// <summary>
/// The inventory changed. A redemption names its reward and the stock it left, so every open shop updates that card from the event
/// alone (a rush on the last tickets costs no read per viewer); other changes name nothing and shops read the list again.
/// </summary>
public sealed record RewardsChanged(int? RewardTypeId = null, int? Stock = null) : ILiveEvent;
