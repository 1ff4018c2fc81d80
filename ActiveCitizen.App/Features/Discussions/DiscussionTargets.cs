using ActiveCitizen.App.Infrastructure.Data;

namespace ActiveCitizen.App.Features.Discussions;

/// <summary>Why a discussion takes no new comments, votes or edits right now.</summary>
public enum DiscussionClosedReason
{
    /// <summary>The project's current phase does not open discussion; <see cref="DiscussionClosure.OpensAt"/> says when one will.</summary>
    PhaseClosed,
    /// <summary>The project is over: no later phase opens discussion.</summary>
    Finished,
    /// <summary>The idea was withdrawn or rejected.</summary>
    TargetUnavailable,
}

public sealed record DiscussionClosure(DiscussionClosedReason Reason, DateTime? OpensAt = null);

/// <summary>
/// What a discussion needs to know about the thing it is attached to, from the feature that owns that thing; the count of comments
/// (not deleted) is the one the owner keeps in step through <see cref="IDiscussionTarget.CommentCountChangedAsync"/>.
/// </summary>
public sealed record DiscussionTargetInfo(string Title, string Url, string? OwnerId, DiscussionClosure? Closure, int CommentCount)
{
    public bool Open => Closure is null;
}

/// <summary>
/// A kind of thing residents can discuss (ideas now; projects or quizzes later). The owning feature registers one, so the
/// discussion feature never reads another feature's tables. Methods given a context run inside the discussion's transaction.
/// </summary>
public interface IDiscussionTarget
{
    string Type { get; }

    Task<DiscussionTargetInfo?> DescribeAsync(int targetId, CancellationToken cancellationToken);

    /// <summary>Residents who asked to hear about the target (an idea's followers).</summary>
    Task<IReadOnlyList<string>> FollowersAsync(AppDbContext db, int targetId, CancellationToken cancellationToken);

    /// <summary>Keeps the owner's own comment count (the catalog sorts by it) in step, in the same transaction as the comment.</summary>
    Task CommentCountChangedAsync(AppDbContext db, int targetId, int delta, CancellationToken cancellationToken);
}

public static class DiscussionTargets
{
    public const string Idea = "idea";

    public static string Topic(string type, int id) => $"discussion:{type}:{id}";

    /// <summary>How notifications name the comment they quote, to follow its edits, deletion or hiding.</summary>
    public static string CommentSource(int commentId) => $"comment:{commentId}";
}
