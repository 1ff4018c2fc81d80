using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>A resident submitted an idea (published to the project's topic and the site's).</summary>
public sealed record IdeaSubmitted(int IdeaId, int ProjectId, string AuthorId) : ILiveEvent;

/// <summary>Someone supported an idea or took support back; carries the new count so viewers need not ask.</summary>
public sealed record IdeaSupportChanged(int IdeaId, int SupportCount) : ILiveEvent;

/// <summary>The idea's text or state changed (edited, withdrawn); viewers reload it.</summary>
public sealed record IdeaChanged(int IdeaId) : ILiveEvent;
