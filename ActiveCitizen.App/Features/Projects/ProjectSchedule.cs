using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Projects;

public enum ProjectStatus
{
    Upcoming,
    Running,
    Finished,
}

/// <summary>A phase as an admin enters it.</summary>
public sealed record PhaseDraft(PhaseKind Kind, DateTime StartsAt, DateTime EndsAt, PhaseActions Opens);

/// <summary>
/// What the clock says about a project. A phase runs from its start up to, not including, its end: at the deadline exactly it is
/// closed. Every rule that depends on a phase asks here, with the time the request arrived.
/// </summary>
public static class ProjectSchedule
{
    public const string PhasesField = "Phases";

    public static ProjectPhase? CurrentPhase(IEnumerable<ProjectPhase> phases, DateTime now) =>
        phases.FirstOrDefault(phase => phase.StartsAt <= now && now < phase.EndsAt);

    public static bool Allows(IEnumerable<ProjectPhase> phases, PhaseActions action, DateTime now) =>
        CurrentPhase(phases, now) is { } phase && phase.Opens.HasFlag(action);

    /// <summary>The phase in which an action opens next or last opened, for messages such as "submission closed on …".</summary>
    public static ProjectPhase? PhaseFor(IEnumerable<ProjectPhase> phases, PhaseActions action) =>
        phases.OrderBy(phase => phase.StartsAt).FirstOrDefault(phase => phase.Opens.HasFlag(action));

    public static ProjectStatus StatusAt(IReadOnlyCollection<ProjectPhase> phases, DateTime now) =>
        phases.Count == 0 || now < phases.Min(phase => phase.StartsAt) ? ProjectStatus.Upcoming
        : now >= phases.Max(phase => phase.EndsAt) ? ProjectStatus.Finished
        : ProjectStatus.Running;

    public static string KindKey(PhaseKind kind) => $"Phase.{kind}";

    /// <summary>Phases must be listed in time order, each ending after it starts, none overlapping the next.</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<PhaseDraft> phases)
    {
        var errors = new List<FieldError>();
        if (phases.Count == 0)
        {
            errors.Add(new(PhasesField, "Validation.PhasesRequired"));
            return errors;
        }
        if (phases.Count > ProjectLimits.MaxPhases)
        {
            errors.Add(new(PhasesField, "Validation.PhasesTooMany", ProjectLimits.MaxPhases));
        }
        for (var index = 0; index < phases.Count; index++)
        {
            var phase = phases[index];
            if (phase.StartsAt.Kind != DateTimeKind.Utc || phase.EndsAt.Kind != DateTimeKind.Utc)
            {
                throw new ArgumentException("Phase times must be UTC.", nameof(phases));
            }
            if (phase.EndsAt <= phase.StartsAt)
            {
                errors.Add(new($"{PhasesField}[{index}]", "Validation.PhaseEndsBeforeStart", index + 1, new TextKey(KindKey(phase.Kind))));
            }
            if (index > 0 && phase.StartsAt < phases[index - 1].EndsAt)
            {
                errors.Add(new($"{PhasesField}[{index}]", "Validation.PhaseOverlaps",
                    index + 1, new TextKey(KindKey(phase.Kind)), index, new TextKey(KindKey(phases[index - 1].Kind))));
            }
        }
        return errors;
    }
}
