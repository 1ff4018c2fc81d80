using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Rewards;

/// <summary>Why points moved: every ledger entry names one.</summary>
public enum PointsReason
{
    IdeaSubmitted,
    IdeaSelected,
    CorrectAnswers,
    StageCompleted,
    Redemption,

    /// <summary>An earlier entry undone (e.g. points for an idea later rejected as a duplicate): the ledger is never edited.</summary>
    Reversal,
}

/// <summary>
/// One movement of a resident's points. Never edited or deleted: a mistake is undone by a reversing entry. The source names what
/// earned or spent the points ("idea:42", "quiz-attempt:7", "redemption:3"), and is unique per resident, so the same source never
/// pays twice however often its event arrives.
/// </summary>
public sealed class PointsEntry
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public int Amount { get; set; }
    public PointsReason Reason { get; set; }
    public string Source { get; set; } = "";

    /// <summary>What the resident reads in their ledger, in both languages (e.g. the idea's title, the stage's name).</summary>
    public LocalizedText Description { get; set; } = new();

    public DateTime CreatedAt { get; set; }

    /// <summary>The entry this one reverses, for a reversal.</summary>
    public long? ReversesId { get; set; }
}

/// <summary>A kind of reward, e.g. a museum ticket: what it is, where it is used, until when, and its price in the shop (if sold there).</summary>
public sealed class RewardType
{
    public int Id { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Provider { get; set; } = new();
    public LocalizedText Description { get; set; } = new();

    /// <summary>The last day a code can be used, in the city's calendar; null when codes do not expire.</summary>
    public DateTime? ValidUntil { get; set; }

    /// <summary>The price in the shop; null when the reward is only a prize.</summary>
    public int? PointPrice { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One code of a reward (a ticket number, a voucher). Stock is the codes nobody holds. A code is handed out once, by one
/// conditional update, and remembers why (the assignment's source is unique: one redemption, one prize place).
/// </summary>
public sealed class RewardCode
{
    public long Id { get; set; }
    public int RewardTypeId { get; set; }
    public string Code { get; set; } = "";
    public DateTime AddedAt { get; set; }
    public string? AssignedTo { get; set; }
    public DateTime? AssignedAt { get; set; }
    public string? AssignmentSource { get; set; }
}

/// <summary>How many places of a quiz's leaderboard (a stage's, or the whole campaign's) win, and what: set by an admin before results are published.</summary>
public sealed class PrizePlan
{
    /// <summary>"quiz-stage:5" or "quiz-campaign:2".</summary>
    public string Scope { get; set; } = "";

    public int Places { get; set; }
    public int RewardTypeId { get; set; }
}

/// <summary>A place in a quiz's prize list: who won it and which code they got (none yet when stock ran short).</summary>
public sealed class PrizeAward
{
    public long Id { get; set; }

    /// <summary>"quiz-stage:5" or "quiz-campaign:2": whose leaderboard the place is on.</summary>
    public string Scope { get; set; } = "";

    public int Place { get; set; }
    public string UserId { get; set; } = "";
    public int RewardTypeId { get; set; }
    public long? CodeId { get; set; }
    public DateTime AwardedAt { get; set; }
}
