using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>An account's roles or profile changed; open circuits of that user rebuild who they are.</summary>
public sealed record AccountChanged(string UserId) : ILiveEvent;

/// <summary>A resident confirmed their e-mail address and became part of the platform's figures.</summary>
public sealed record ResidentJoined(string UserId) : ILiveEvent;
