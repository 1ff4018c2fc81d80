using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Projects;

/// <summary>A time-boxed crowdsourcing project: the city asks residents how to improve one service.</summary>
public sealed class Project
{
    public int Id { get; set; }

    /// <summary>The project's address: /projects/{slug}.</summary>
    public string Slug { get; set; } = "";

    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public DateTime CreatedAt { get; set; }

    /// <summary>Bumped on every edit so that two admins saving at once cannot silently overwrite each other.</summary>
    public int Version { get; set; }

    public List<ProjectPhase> Phases { get; set; } = [];
    public List<ProjectCategory> Categories { get; set; } = [];
}

/// <summary>One dated step of a project. Which actions are open is decided by the phase the clock is in.</summary>
public sealed class ProjectPhase
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public PhaseKind Kind { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public PhaseActions Opens { get; set; }
}

public enum PhaseKind
{
    Announcement,
    Submission,
    Screening,
    Discussion,
    Commission,
    Results,
    Implementation,
}

[Flags]
public enum PhaseActions
{
    None = 0,
    Submit = 1,
    Support = 2,
    Comment = 4,
}

/// <summary>A topic ideas are filed under within one project ("Payments", "Meter readings").</summary>
public sealed class ProjectCategory
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public LocalizedText Name { get; set; } = new();
}
