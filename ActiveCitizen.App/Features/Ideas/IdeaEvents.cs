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
