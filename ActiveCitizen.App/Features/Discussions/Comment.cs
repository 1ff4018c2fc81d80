namespace ActiveCitizen.App.Features.Discussions;

/// <summary>
/// One comment in a discussion attached to a target (an idea today). Replies nest three levels deep; a reply to a comment at the
/// deepest level is filed beside it, remembering whom it answers.
/// </summary>
public sealed class Comment
{
    public int Id { get; set; }

    /// <summary>What the discussion is about: <see cref="DiscussionTargets.Idea"/> and its id.</summary>
    public string TargetType { get; set; } = "";
    public int TargetId { get; set; }

    /// <summary>The comment this one is filed under; null for a top-level comment.</summary>
    public int? ParentId { get; set; }

    /// <summary>The top-level comment of the thread (its own id for a top-level comment once stored; 0 before).</summary>
    public int ThreadId { get; set; }

    /// <summary>1 for a top-level comment, up to <see cref="CommentLimits.MaxDepth"/>.</summary>
    public int Depth { get; set; }

    /// <summary>The comment actually answered, when a reply had to be filed at a shallower level.</summary>
    public int? ReplyToId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>What the resident typed (a small Markdown subset), kept to allow editing.</summary>
    public string Body { get; set; } = "";

    /// <summary>The body converted and sanitized on the server; the only form ever rendered as markup.</summary>
    public string BodyHtml { get; set; } = "";

    public CommentStance Stance { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }

    /// <summary>Set when the author deleted it; the thread keeps a placeholder so replies still make sense.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Set when hidden by reports (pending review) or by a moderator.</summary>
    public DateTime? HiddenAt { get; set; }
    public CommentHiddenReason? HiddenReason { get; set; }

    /// <summary>When a moderator last reviewed the reports; only reports after it count toward hiding again.</summary>
    public DateTime? ReviewedAt { get; set; }

    public int Upvotes { get; set; }
    public int Downvotes { get; set; }

    /// <summary>Upvotes minus downvotes, kept for the "best" sort's index.</summary>
    public int Score { get; set; }

    /// <summary>Bumped with every vote change; live updates carry it so late arrivals cannot undo newer counts.</summary>
    public long VoteSequence { get; set; }

    /// <summary>
    /// Bumped by every change to the comment itself (edit, deletion, hiding, restoring); live updates carry it, so a viewer that
    /// receives two changes out of order keeps the later one.
    /// </summary>
    public int Version { get; set; }

    /// <summary>Replies in this thread, kept on the top-level comment.</summary>
    public int ReplyCount { get; set; }

    /// <summary>Reports since the last review.</summary>
    public int OpenReports { get; set; }

    /// <summary>The composer's key: a double click or a retried post with the same key finds the comment already made.</summary>
    public Guid SubmissionKey { get; set; }
}

public enum CommentStance
{
    None,
    For,
    Neutral,
    Against,
}

public enum CommentHiddenReason
{
    /// <summary>Hidden automatically after enough reports, pending a moderator's review.</summary>
    Reports,
    Moderator,
}

/// <summary>One resident's vote on one comment: +1 or −1; the key allows one per resident.</summary>
public sealed class CommentVote
{
    public int CommentId { get; set; }
    public string UserId { get; set; } = "";
    public int Value { get; set; }
}

public enum ReportReason
{
    Spam,
    Offensive,
    OffTopic,
    Other,
}

/// <summary>One resident's report of one comment; the key allows one per resident.</summary>
public sealed class CommentReport
{
    public int CommentId { get; set; }
    public string UserId { get; set; } = "";
    public ReportReason Reason { get; set; }
    public string? Text { get; set; }
    public DateTime ReportedAt { get; set; }
}
