using System.Security.Claims;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Moderation;

/// <summary>
/// What experts do: a verdict on each idea of a project in its screening phase (feasible or not, with an explanation shown on the
/// idea), then the shortlist of feasible ideas for the commission. The shortlist can change during screening and discussion, until a
/// commission session on the project opens (<see cref="IShortlistLock"/>) or the commission phase begins.
/// </summary>
public sealed class ScreeningService(IdeaActionRunner runner, ProjectQueries projects, IEnumerable<IShortlistLock> locks, TimeProvider time)
{
    public const string ExplanationField = "Explanation";

    /// <summary>Phases in which the shortlist may still change.</summary>
    public static readonly IReadOnlySet<PhaseKind> ShortlistOpen = new HashSet<PhaseKind> { PhaseKind.Screening, PhaseKind.Discussion };

    public Task<ModerationResult> ScreenAsync(ClaimsPrincipal principal, int ideaId, bool feasible, string? explanation, CancellationToken cancellationToken = default)
    {
        var tidy = IdeaRules.Tidy(explanation);
        var errors = IdeaRules.ValidateReason(tidy);
        if (errors.Count > 0)
        {
            return Task.FromResult(new ModerationResult(ModerationStatus.Invalid, Errors: [.. errors.Select(error => error with { Field = ExplanationField })]));
        }
        string? refusalKey = null;
        return WithKeyAsync(runner.RunAsync(principal, Roles.Expert, respectClaims: false, [ideaId], AuditActions.IdeaScreened, tidy, async (db, before, _, after) =>
        {
            if (await PhaseOfAsync(before.ProjectId, cancellationToken) != PhaseKind.Screening)
            {
                refusalKey = "Screening.Refused.NotScreeningPhase";
                return ModerationStatus.Refused;
            }
            if (before.Hidden || before.MergedIntoId is not null || !IdeaLimits.Screenable.Contains(before.State))
            {
                refusalKey = "Screening.Refused.NotScreenable";
                return ModerationStatus.Refused;
            }
            if (before.State == (feasible ? IdeaState.Feasible : IdeaState.NotFeasible) && before.StateReason == tidy)
            {
                return ModerationStatus.AlreadyDone;
            }
            if (!await IdeaCuration.ScreenAsync(db, before.Id, feasible, tidy, time.GetUtcNow().UtcDateTime, cancellationToken))
            {
                refusalKey = "Screening.Refused.NotScreenable";
                return ModerationStatus.Refused;
            }
            runner.Tell(db, after, before, feasible ? NotificationKind.YourIdeaFeasible : NotificationKind.YourIdeaNotFeasible, tidy);
            return ModerationStatus.Done;
        }, cancellationToken), () => refusalKey);
    }

    public Task<ModerationResult> ShortlistAsync(ClaimsPrincipal principal, int ideaId, bool shortlisted, CancellationToken cancellationToken = default)
    {
        string? refusalKey = null;
        return WithKeyAsync(runner.RunAsync(principal, Roles.Expert, respectClaims: false, [ideaId],
            shortlisted ? AuditActions.IdeaShortlisted : AuditActions.IdeaUnshortlisted, null, async (db, before, _, after) =>
        {
            if (await PhaseOfAsync(before.ProjectId, cancellationToken) is not { } phase || !ShortlistOpen.Contains(phase)
                || await FrozenAsync(before.ProjectId, cancellationToken))
            {
                refusalKey = "Screening.Refused.ShortlistFrozen";
                return ModerationStatus.Refused;
            }
            if (before.State == (shortlisted ? IdeaState.Shortlisted : IdeaState.Feasible))
            {
                return ModerationStatus.AlreadyDone;
            }
            if (!await IdeaCuration.ShortlistAsync(db, before.Id, shortlisted, time.GetUtcNow().UtcDateTime, cancellationToken))
            {
                refusalKey = "Screening.Refused.NotFeasible";
                return ModerationStatus.Refused;
            }
            if (shortlisted)
            {
                runner.Tell(db, after, before, NotificationKind.YourIdeaShortlisted, "");
            }
            return ModerationStatus.Done;
        }, cancellationToken), () => refusalKey);
    }

    /// <summary>Whether a commission session has frozen the project's shortlist.</summary>
    public async Task<bool> FrozenAsync(int projectId, CancellationToken cancellationToken = default)
    {
        foreach (var shortlistLock in locks)
        {
            if (await shortlistLock.IsFrozenAsync(projectId, cancellationToken))
            {
                return true;
            }
        }
        return false;
    }

    private async Task<PhaseKind?> PhaseOfAsync(int projectId, CancellationToken cancellationToken) =>
        (await projects.ScheduleAsync(projectId, cancellationToken))?.CurrentPhase(time.GetUtcNow().UtcDateTime)?.Kind;

    private static async Task<ModerationResult> WithKeyAsync(Task<ModerationResult> running, Func<string?> refusalKey)
    {
        var result = await running;
        return result.Status == ModerationStatus.Refused ? result with { MessageKey = refusalKey() } : result;
    }
}

/// <summary>Something that can freeze a project's shortlist (a commission session that has opened on it).</summary>
public interface IShortlistLock
{
    Task<bool> IsFrozenAsync(int projectId, CancellationToken cancellationToken);
}
