using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Projects;

/// <summary>An admin created or changed a project (its texts, phases or categories).</summary>
public sealed record ProjectSaved(int ProjectId, string Slug) : ILiveEvent;
