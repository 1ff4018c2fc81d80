namespace ActiveCitizen.App.Features.Discussions.Components;

/// <summary>Which actions a comment offers the reader. Only a courtesy: the service checks every one when it arrives.</summary>
public sealed record CommentPermissions(bool SignedIn, bool Vote, bool Reply, bool Edit, bool Delete, bool Report, bool Moderate);

/// <summary>What the composer hands over: the text, the stance, and the key that makes a double click post once.</summary>
public sealed record ComposedComment(string Body, CommentStance Stance, Guid SubmissionKey);
