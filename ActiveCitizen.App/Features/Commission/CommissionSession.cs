namespace ActiveCitizen.App.Features.Commission;

/// <summary>
/// A commission session on a project's shortlist: Scheduled until it opens, Open until its closing time (or until the chair closes
/// it), then Closed with results computed, and Published once the chair publishes them. The state follows the clock and these
/// stamps (see <see cref="CommissionRules.StateAt"/>); nothing needs to run at the exact moment.
/// </summary>
public sealed class CommissionSession
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string ChairId { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }

    /// <summary>Share of the members not recused from an idea that must cast a ballot on it, exceeded strictly (50: more than half).</summary>
    public int QuorumPercent { get; set; } = CommissionLimits.DefaultQuorumPercent;

    public DecisionRule DecisionRule { get; set; }

    /// <summary>Whether members' names and choices are shown with the results once published.</summary>
    public bool BallotsPublic { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>When the shortlist was copied into the session (at opening); from then on it cannot change.</summary>
    public DateTime? IdeasFrozenAt { get; set; }

    /// <summary>Set when the chair closed the session before its closing time.</summary>
    public DateTime? ClosedEarlyAt { get; set; }

    /// <summary>When the results were counted (once, at or after closing).</summary>
    public DateTime? ResultsCountedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Bumped on every change by an admin or the chair, guarding against lost updates.</summary>
    public int Version { get; set; }
}

public enum SessionState
{
    Scheduled,
    Open,
    Closed,
    Published,
}

public enum DecisionRule
{
    /// <summary>Approved when more members vote for than against among the ballots cast (abstentions count toward quorum only).</summary>
    MoreForThanAgainst,
    /// <summary>Approved when more than half of the members not recused vote for.</summary>
    MajorityOfMembers,
}

public sealed class SessionMember
{
    public int SessionId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>An idea of the frozen shortlist, with its counted result and the chair's rationale.</summary>
public sealed class SessionIdea
{
    public int SessionId { get; set; }
    public int IdeaId { get; set; }
    public int Position { get; set; }

    public IdeaOutcome? Outcome { get; set; }
    public int For { get; set; }
    public int Against { get; set; }
    public int Abstain { get; set; }

    /// <summary>Members not recused from this idea when the results were counted.</summary>
    public int Eligible { get; set; }

    public string? Rationale { get; set; }
}

public enum IdeaOutcome
{
    Approved,
    Rejected,
    NoQuorum,
}

public enum BallotChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>One member's vote on one idea; the key allows one per member per idea, changeable until the session closes.</summary>
public sealed class Ballot
{
    public int SessionId { get; set; }
    public int IdeaId { get; set; }
    public string MemberId { get; set; } = "";
    public BallotChoice Choice { get; set; }
    public string? Comment { get; set; }
    public DateTime CastAt { get; set; }
}

/// <summary>A member standing aside from one idea for a conflict of interest: no vote, and out of that idea's quorum.</summary>
public sealed class Recusal
{
    public int SessionId { get; set; }
    public int IdeaId { get; set; }
    public string MemberId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime RecusedAt { get; set; }
}
