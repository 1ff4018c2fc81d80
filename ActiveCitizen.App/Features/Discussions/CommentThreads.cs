namespace ActiveCitizen.App.Features.Discussions;

public static class CommentThreads
{
    /// <summary>
    /// Files a new comment in its thread. A reply to a comment at the deepest level goes beside it, under the same parent, and
    /// remembers whom it answers, so a thread never nests deeper than <see cref="CommentLimits.MaxDepth"/>. A top-level comment's
    /// thread is itself, known once it is stored.
    /// </summary>
    public static void Place(Comment comment, Comment? parent)
    {
        if (parent is null)
        {
            comment.Depth = 1;
            return;
        }
        comment.ThreadId = parent.ThreadId;
        if (parent.Depth < CommentLimits.MaxDepth)
        {
            comment.ParentId = parent.Id;
            comment.Depth = parent.Depth + 1;
        }
        else
        {
            comment.ParentId = parent.ParentId;
            comment.Depth = CommentLimits.MaxDepth;
            comment.ReplyToId = parent.Id;
        }
    }
}
