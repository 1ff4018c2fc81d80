using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Discussions;

/// <summary>
/// A comment as every viewer needs it. Events carry it whole, so a new comment seen by a thousand viewers costs one read in total.
/// </summary>
public sealed record CommentView(
    int Id, int? ParentId, int ThreadId, int Depth, int? ReplyToId, string? ReplyToAuthor, string AuthorId, string AuthorName,
    string BodyHtml, CommentStance Stance, DateTime CreatedAt, DateTime? EditedAt, bool Deleted, bool Hidden, CommentHiddenReason? HiddenReason,
    int Upvotes, int Downvotes, long VoteSequence, int ReplyCount, int Version);

public sealed record CommentPosted(CommentView Comment) : ILiveEvent;

/// <summary>Edited, deleted, hidden or restored (see <see cref="Kind"/>): the comment as it now is.</summary>
public sealed record CommentChanged(CommentView Comment, CommentChangeKind Kind) : ILiveEvent;

public enum CommentChangeKind
{
    Edited,
    /// <summary>Published once per comment: the one change that takes it off the discussion's count.</summary>
    Deleted,
    Hidden,
    Restored,
}

public sealed record CommentVoted(int CommentId, int Upvotes, int Downvotes, long Sequence) : ILiveEvent;

/// <summary>How many people have the discussion open right now.</summary>
public sealed record DiscussionViewersChanged(int Viewers) : ILiveEvent;
