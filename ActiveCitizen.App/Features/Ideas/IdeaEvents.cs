using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>A resident submitted an idea (published to the project's topic and the site's).</summary>
public sealed record IdeaSubmitted(int IdeaId, int ProjectId, string AuthorId) : ILiveEvent;

/// <summary>
/// Someone supported an idea or took support back; carries the new count so viewers need not ask, and the change's sequence
/// number so a viewer that receives two changes out of order keeps the later one.
/// </summary>
public sealed record IdeaSupportChanged(int IdeaId, int SupportCount, long Sequence) : ILiveEvent;

/// <summary>The idea's text or state changed (edited, withdrawn); viewers reload it.</summary>
public sealed record IdeaChanged(int IdeaId) : ILiveEvent;

/// <summary>A moderator tagged or untagged the idea: the tags as they now are, so every viewer updates without a read.</summary>
public sealed record IdeaTagsChanged(int IdeaId, IReadOnlyList<TagView> Tags) : ILiveEvent;

/// <summary>
/// Moderation or screening changed the idea's standing (hidden, restored, rejected, merged, screened, shortlisted): the new values,
/// so pages showing it update without a read.
/// </summary>
public sealed record IdeaModerated(int IdeaId, IdeaState State, string? StateReason, bool Hidden, int? MergedIntoId) : ILiveEvent;
