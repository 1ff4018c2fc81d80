using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>A resident's proposal within one project. Its text stays in the language the resident wrote it in.</summary>
public sealed class Idea
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CategoryId { get; set; }
    public string AuthorId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>One of the city's districts the idea concerns, if any.</summary>
    public string? District { get; set; }

    public IdeaState State { get; set; }

    /// <summary>Why the idea reached its state, when that needs saying (withdrawn, rejected, not feasible, selected…).</summary>
    public string? StateReason { get; set; }

    public DateTime SubmittedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? StateChangedAt { get; set; }

    /// <summary>Kept with the idea and changed in the same transaction as the supports, so lists sort by it without counting.</summary>
    public int SupportCount { get; set; }

    /// <summary>
    /// How many times the support count has changed, bumped in the same statement. Live updates carry it, so a page that receives
    /// two of them out of order keeps the newer count.
    /// </summary>
    public long SupportChanges { get; set; }

    /// <summary>Maintained by the discussion feature; lets the catalog sort by "most discussed".</summary>
    public int CommentCount { get; set; }

    /// <summary>The submission form's key: a double click or a retried post with the same key finds the idea already made.</summary>
    public Guid SubmissionKey { get; set; }

    /// <summary>Bumped on every change to the idea's own text or state, guarding against lost updates.</summary>
    public int Version { get; set; }

    /// <summary>Set while the idea is hidden (by a moderator, or after reports pending review); a mark beside the state.</summary>
    public DateTime? HiddenAt { get; set; }
    public IdeaHiddenBy? HiddenBy { get; set; }

    /// <summary>Why a moderator hid it; the author is told.</summary>
    public string? HiddenNote { get; set; }

    /// <summary>The idea this duplicate was merged into; its page leads there.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>When a moderator looked at the new idea and cleared it from the queue.</summary>
    public DateTime? TriagedAt { get; set; }

    /// <summary>Reports since the last review.</summary>
    public int OpenReports { get; set; }

    /// <summary>When a moderator last settled the reports; the ones before it are dealt with.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>The moderators' reason from the managed list when the idea was rejected (the free text is in <see cref="StateReason"/>).</summary>
    public int? RejectionReasonId { get; set; }
}

public enum IdeaHiddenBy
{
    /// <summary>Hidden automatically after enough reports, pending a moderator's review.</summary>
    Reports,
    Moderator,
}

/// <summary>One resident's report of one idea; the key allows one per resident.</summary>
public sealed class IdeaReport
{
    public int IdeaId { get; set; }
    public string UserId { get; set; } = "";
    public IdeaReportReason Reason { get; set; }
    public string? Text { get; set; }
    public DateTime ReportedAt { get; set; }
}

public enum IdeaReportReason
{
    Spam,
    Offensive,
    OffTopic,
    Duplicate,
    Other,
}

/// <summary>A reason from the moderators' managed list for rejecting an idea ("Off topic", "Not within the city's remit").</summary>
public sealed class RejectionReason
{
    public int Id { get; set; }
    public LocalizedText Name { get; set; } = new();

    /// <summary>No longer offered; kept because rejected ideas still name it.</summary>
    public bool Archived { get; set; }
}

public enum IdeaState
{
    Submitted,
    Feasible,
    NotFeasible,
    Shortlisted,
    Selected,
    NotSelected,
    InImplementation,
    Implemented,
    Withdrawn,
    Rejected,
}

/// <summary>One resident's support for one idea; the key makes a second support impossible.</summary>
public sealed class IdeaSupport
{
    public int IdeaId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime SupportedAt { get; set; }
}

/// <summary>
/// A resident who took part in a project (submitted or supported an idea), recorded once in the same transaction as the act, so the
/// project's participant figure is a count of rows rather than a union over a million supports.
/// </summary>
public sealed class ProjectParticipant
{
    public int ProjectId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A resident following an idea to hear about its progress.</summary>
public sealed class IdeaFollow
{
    public int IdeaId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime FollowedAt { get; set; }
}
