namespace ActiveCitizen.App.Features.Discussions;

public static class CommentLimits
{
    public const int MaxLength = 2_000;
    public const int MaxDepth = 3;
    public const int ReportTextMaxLength = 500;

    /// <summary>Distinct residents whose reports hide a comment pending review.</summary>
    public const int ReportsToHide = 3;

    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(10);

    /// <summary>Comments one resident may post: at most this many in a minute, and in an hour.</summary>
    public const int PerMinute = 5;
    public const int PerHour = 60;

    public const int ThreadsPerPage = 20;

    /// <summary>
    /// Replies shown with each thread when a page opens; the rest come with "show more replies". Keeps a page's size bounded by
    /// comments, not threads: a page of twenty long threads is as quick to open as twenty short ones.
    /// </summary>
    public const int RepliesShown = 3;

    /// <summary>Replies loaded by each "show more replies".</summary>
    public const int MoreRepliesBatch = 50;
}
