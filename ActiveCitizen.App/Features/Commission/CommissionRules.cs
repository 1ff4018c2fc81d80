namespace ActiveCitizen.App.Features.Commission;

public static class CommissionLimits
{
    public const int DefaultQuorumPercent = 50;
    public const int CommentMaxLength = 500;
    public const int ReasonMinLength = 5;
    public const int ReasonMaxLength = 500;
    public const int RationaleMaxLength = 2000;
}

/// <summary>The tally of one idea: who could vote and how those who did voted.</summary>
public sealed record Tally(int Eligible, int For, int Against, int Abstain)
{
    public int Cast => For + Against + Abstain;
}

/// <summary>The session's rules as plain functions, so they can be read, and tested, as a table.</summary>
public static class CommissionRules
{
    public static SessionState StateAt(CommissionSession session, DateTime now) =>
        session.PublishedAt is not null ? SessionState.Published
        : session.ClosedEarlyAt is not null || now >= session.ClosesAt ? SessionState.Closed
        : now >= session.OpensAt ? SessionState.Open
        : SessionState.Scheduled;

    /// <summary>When the session stopped taking ballots: the chair's early close, or its closing time.</summary>
    public static DateTime ClosedAt(CommissionSession session) => session.ClosedEarlyAt ?? session.ClosesAt;

    /// <summary>
    /// Quorum: the ballots cast (abstentions included) exceed the quorum share of the members not recused. Decision: by the
    /// session's rule, and only with quorum; no eligible member at all is no quorum.
    /// </summary>
    public static IdeaOutcome Outcome(Tally tally, int quorumPercent, DecisionRule rule)
    {
        if (tally.Eligible == 0 || tally.Cast * 100 <= tally.Eligible * quorumPercent)
        {
            return IdeaOutcome.NoQuorum;
        }
        var approved = rule switch
        {
            DecisionRule.MajorityOfMembers => tally.For * 2 > tally.Eligible,
            _ => tally.For > tally.Against,
        };
        return approved ? IdeaOutcome.Approved : IdeaOutcome.Rejected;
    }
}
