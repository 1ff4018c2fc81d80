using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Shared;

namespace ActiveCitizen.Tests.Features.Projects;

public sealed class ProjectScheduleTests
{
    private static readonly DateTime Noon = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static PhaseDraft Phase(PhaseKind kind, int fromHour, int toHour) => new(kind, Noon.AddHours(fromHour), Noon.AddHours(toHour), PhaseActions.None);

    [Fact]
    public void Phases_in_order_that_touch_end_to_start_are_valid()
    {
        Assert.Empty(ProjectSchedule.Validate([Phase(PhaseKind.Announcement, 0, 24), Phase(PhaseKind.Submission, 24, 96), Phase(PhaseKind.Discussion, 120, 200)]));
    }

    [Fact]
    public void A_phase_that_ends_before_it_starts_is_named_in_the_error()
    {
        var error = Assert.Single(ProjectSchedule.Validate([Phase(PhaseKind.Announcement, 0, 24), Phase(PhaseKind.Submission, 48, 30)]));

        Assert.Equal("Phases[1]", error.Field);
        Assert.Equal("Validation.PhaseEndsBeforeStart", error.MessageKey);
        Assert.Equal([2, new TextKey("Phase.Submission")], error.Arguments);
    }

    [Fact]
    public void Overlapping_or_unordered_phases_name_both_phases()
    {
        var error = Assert.Single(ProjectSchedule.Validate([Phase(PhaseKind.Submission, 0, 72), Phase(PhaseKind.Discussion, 48, 200)]));

        Assert.Equal("Validation.PhaseOverlaps", error.MessageKey);
        Assert.Equal([2, new TextKey("Phase.Discussion"), 1, new TextKey("Phase.Submission")], error.Arguments);
    }

    [Fact]
    public void A_schedule_needs_at_least_one_phase()
    {
        Assert.Equal("Validation.PhasesRequired", Assert.Single(ProjectSchedule.Validate([])).MessageKey);
    }

    [Fact]
    public void The_current_phase_runs_from_its_start_up_to_but_not_including_its_end()
    {
        var phases = new List<ProjectPhase>
        {
            new() { Kind = PhaseKind.Submission, StartsAt = Noon, EndsAt = Noon.AddDays(3), Opens = PhaseActions.Submit },
            new() { Kind = PhaseKind.Discussion, StartsAt = Noon.AddDays(3), EndsAt = Noon.AddDays(5), Opens = PhaseActions.Support },
        };

        Assert.Null(ProjectSchedule.CurrentPhase(phases, Noon.AddTicks(-1)));
        Assert.Equal(PhaseKind.Submission, ProjectSchedule.CurrentPhase(phases, Noon)!.Kind);
        Assert.Equal(PhaseKind.Submission, ProjectSchedule.CurrentPhase(phases, Noon.AddDays(3).AddTicks(-1))!.Kind);
        Assert.Equal(PhaseKind.Discussion, ProjectSchedule.CurrentPhase(phases, Noon.AddDays(3))!.Kind);
        Assert.False(ProjectSchedule.Allows(phases, PhaseActions.Submit, Noon.AddDays(3)));
        Assert.Equal(ProjectStatus.Finished, ProjectSchedule.StatusAt(phases, Noon.AddDays(5)));
        Assert.Equal(ProjectStatus.Upcoming, ProjectSchedule.StatusAt(phases, Noon.AddTicks(-1)));
    }
}
