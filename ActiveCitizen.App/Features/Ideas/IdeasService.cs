using System.Security.Claims;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

public sealed record IdeaDraft(int ProjectId, string? Title, string? Description, int? CategoryId, string? District, Guid SubmissionKey);

public enum SubmitStatus
{
    Submitted,
    /// <summary>This form was already submitted (double click, retry): the idea it made is returned.</summary>
    AlreadySubmitted,
    Invalid,
    WindowClosed,
    DailyLimitReached,
    ProjectNotFound,
    SignInRequired,
}

/// <summary>The outcome of a submission; <see cref="WindowOpensAt"/> or <see cref="WindowClosedAt"/> say when, if the window is shut.</summary>
public sealed record SubmitResult(SubmitStatus Status, int IdeaId = 0, IReadOnlyList<FieldError>? Errors = null, DateTime? WindowOpensAt = null, DateTime? WindowClosedAt = null);

public enum IdeaChangeStatus
{
    Done,
    AlreadyDone,
    Invalid,
    NotFound,
    /// <summary>Only the author may do this.</summary>
    NotAuthor,
    /// <summary>Too late: the edit window passed, or the idea was shortlisted.</summary>
    TooLate,
    /// <summary>Someone changed the idea at the same moment; reload and try again.</summary>
    Stale,
    /// <summary>The idea was hidden by moderators, merged, withdrawn or rejected: there is nothing left to act on.</summary>
    Unavailable,
    SignInRequired,
}

public sealed record IdeaChangeResult(IdeaChangeStatus Status, IReadOnlyList<FieldError>? Errors = null);

public enum SupportStatus
{
    Supported,
    Withdrawn,
    AlreadySupported,
    NotSupported,
    OwnIdea,
    /// <summary>The project is not in a phase that opens support (before discussion, or after it closed).</summary>
    Closed,
    /// <summary>The idea was withdrawn or rejected.</summary>
    Unavailable,
    NotFound,
    SignInRequired,
}

/// <summary>The outcome and the idea's support count after it, with the count's sequence number (see <see cref="Idea.SupportChanges"/>).</summary>
public sealed record SupportResult(SupportStatus Status, int SupportCount = 0, long Sequence = 0);

/// <summary>
/// Everything residents do to ideas. Each rule is checked here, when the request arrives, against the server's clock and the
/// database: the phase a project is in, who the author is, one support per resident. Writes that two requests can race on run in
/// one transaction, which SQLite serialises.
/// </summary>
public sealed class IdeasService(
    IDbContextFactory<AppDbContext> dbFactory, ProjectQueries projects, UserAccess access, ILiveEvents liveEvents, TimeProvider time)
{
    public async Task<SubmitResult> SubmitAsync(ClaimsPrincipal principal, IdeaDraft draft, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new SubmitResult(SubmitStatus.SignInRequired);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A retry of a submission that was stored answers with its idea, even if it arrives after the window closed.
        if (await ExistingSubmissionAsync(db, userId, draft.SubmissionKey, cancellationToken) is { } alreadyMade)
        {
            return new SubmitResult(SubmitStatus.AlreadySubmitted, alreadyMade);
        }
        var schedule = await projects.ScheduleAsync(draft.ProjectId, cancellationToken);
        if (schedule is null)
        {
            return new SubmitResult(SubmitStatus.ProjectNotFound);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!schedule.Allows(PhaseActions.Submit, now))
        {
            var window = ProjectSchedule.PhaseFor(schedule.Phases, PhaseActions.Submit);
            return window is not null && now < window.StartsAt
                ? new SubmitResult(SubmitStatus.WindowClosed, WindowOpensAt: window.StartsAt)
                : new SubmitResult(SubmitStatus.WindowClosed, WindowClosedAt: window?.EndsAt);
        }
        var title = IdeaRules.Tidy(draft.Title);
        var description = IdeaRules.Tidy(draft.Description);
        var district = string.IsNullOrEmpty(draft.District) ? null : draft.District;
        var errors = IdeaRules.Validate(title, description, draft.CategoryId, schedule.CategoryIds, district);
        if (errors.Count > 0)
        {
            return new SubmitResult(SubmitStatus.Invalid, Errors: errors);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await ExistingSubmissionAsync(db, userId, draft.SubmissionKey, cancellationToken) is { } existing)
            {
                return new SubmitResult(SubmitStatus.AlreadySubmitted, existing);
            }
            var dayAgo = now - TimeSpan.FromDays(1);
            var recent = await db.Set<Idea>().CountAsync(
                idea => idea.AuthorId == userId && idea.ProjectId == draft.ProjectId && idea.SubmittedAt > dayAgo, cancellationToken);
            if (recent >= IdeaLimits.MaxIdeasPerProjectPerDay)
            {
                return new SubmitResult(SubmitStatus.DailyLimitReached);
            }
            var idea = new Idea
            {
                ProjectId = draft.ProjectId,
                CategoryId = draft.CategoryId!.Value,
                AuthorId = userId,
                Title = title,
                Description = description,
                District = district,
                State = IdeaState.Submitted,
                SubmittedAt = now,
                SubmissionKey = draft.SubmissionKey,
            };
            db.Add(idea);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await RecordParticipantAsync(db, draft.ProjectId, userId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                var made = await ExistingSubmissionAsync(db, userId, draft.SubmissionKey, cancellationToken);
                return made is null ? throw new InvalidOperationException("The idea could not be stored.") : new SubmitResult(SubmitStatus.AlreadySubmitted, made.Value);
            }
            var submitted = new IdeaSubmitted(idea.Id, idea.ProjectId, userId);
            liveEvents.Publish(LiveTopics.Project(idea.ProjectId), submitted);
            liveEvents.Publish(LiveTopics.Moderation, new ModerationQueueChanged(ModerationItems.Idea(idea.Id)));
            liveEvents.Publish(LiveTopics.Site, submitted);
            return new SubmitResult(SubmitStatus.Submitted, idea.Id);
        }
    }

    /// <summary>Counts the resident among the project's participants, once, inside the caller's transaction.</summary>
    private static Task RecordParticipantAsync(AppDbContext db, int projectId, string userId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO ProjectParticipants (ProjectId, UserId) VALUES ({projectId}, {userId}) ON CONFLICT DO NOTHING", cancellationToken);

    private static async Task<int?> ExistingSubmissionAsync(AppDbContext db, string userId, Guid key, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(idea => idea.AuthorId == userId && idea.SubmissionKey == key)
            .Select(idea => (int?)idea.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The author corrects the text within <see cref="IdeaLimits.EditWindow"/> of submitting; the idea shows as edited.</summary>
    public async Task<IdeaChangeResult> EditAsync(
        ClaimsPrincipal principal, int ideaId, string? title, string? description, int? categoryId, string? district, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (idea, refusal) = await AuthorsIdeaAsync(db, principal, ideaId, cancellationToken);
        if (idea is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var schedule = await projects.ScheduleAsync(idea.ProjectId, cancellationToken);
        // Within a quarter of an hour of submitting, and only while submission is open: no rewriting a placeholder after the deadline.
        if (idea.State != IdeaState.Submitted || now >= idea.SubmittedAt + IdeaLimits.EditWindow || schedule?.Allows(PhaseActions.Submit, now) != true)
        {
            return new IdeaChangeResult(IdeaChangeStatus.TooLate);
        }
        var tidyTitle = IdeaRules.Tidy(title);
        var tidyDescription = IdeaRules.Tidy(description);
        var chosenDistrict = string.IsNullOrEmpty(district) ? null : district;
        var errors = IdeaRules.Validate(tidyTitle, tidyDescription, categoryId, schedule?.CategoryIds ?? [], chosenDistrict);
        if (errors.Count > 0)
        {
            return new IdeaChangeResult(IdeaChangeStatus.Invalid, errors);
        }
        idea.Title = tidyTitle;
        idea.Description = tidyDescription;
        idea.CategoryId = categoryId!.Value;
        idea.District = chosenDistrict;
        idea.EditedAt = now;
        idea.Version++;
        return await SaveChangeAsync(db, idea.Id, cancellationToken);
    }

    /// <summary>The author takes the idea back, with a reason shown on it, as long as it has not been shortlisted.</summary>
    public async Task<IdeaChangeResult> WithdrawAsync(ClaimsPrincipal principal, int ideaId, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (idea, refusal) = await AuthorsIdeaAsync(db, principal, ideaId, cancellationToken);
        if (idea is null)
        {
            return refusal!;
        }
        if (idea.State == IdeaState.Withdrawn)
        {
            return new IdeaChangeResult(IdeaChangeStatus.AlreadyDone);
        }
        if (!IdeaLimits.Withdrawable.Contains(idea.State))
        {
            return new IdeaChangeResult(IdeaChangeStatus.TooLate);
        }
        var tidyReason = IdeaRules.Tidy(reason);
        var errors = IdeaRules.ValidateReason(tidyReason);
        if (errors.Count > 0)
        {
            return new IdeaChangeResult(IdeaChangeStatus.Invalid, errors);
        }
        idea.State = IdeaState.Withdrawn;
        idea.StateReason = tidyReason;
        idea.StateChangedAt = time.GetUtcNow().UtcDateTime;
        idea.Version++;
        return await SaveChangeAsync(db, idea.Id, cancellationToken);
    }

    /// <summary>The idea, tracked for a change, if the principal is its author; otherwise why not.</summary>
    private static async Task<(Idea? Idea, IdeaChangeResult? Refusal)> AuthorsIdeaAsync(
        AppDbContext db, ClaimsPrincipal principal, int ideaId, CancellationToken cancellationToken)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return (null, new IdeaChangeResult(IdeaChangeStatus.SignInRequired));
        }
        var idea = await db.Set<Idea>().SingleOrDefaultAsync(candidate => candidate.Id == ideaId, cancellationToken);
        return idea is null ? (null, new IdeaChangeResult(IdeaChangeStatus.NotFound))
            : idea.AuthorId != userId ? (null, new IdeaChangeResult(IdeaChangeStatus.NotAuthor))
            : (idea, null);
    }

    private async Task<IdeaChangeResult> SaveChangeAsync(AppDbContext db, int ideaId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new IdeaChangeResult(IdeaChangeStatus.Stale);
        }
        liveEvents.Publish(LiveTopics.Idea(ideaId), new IdeaChanged(ideaId));
        return new IdeaChangeResult(IdeaChangeStatus.Done);
    }

    public Task<SupportResult> SupportAsync(ClaimsPrincipal principal, int ideaId, CancellationToken cancellationToken = default) =>
        ChangeSupportAsync(principal, ideaId, support: true, cancellationToken);

    /// <summary>Takes a support back; allowed while the project's support phase is open.</summary>
    public Task<SupportResult> WithdrawSupportAsync(ClaimsPrincipal principal, int ideaId, CancellationToken cancellationToken = default) =>
        ChangeSupportAsync(principal, ideaId, support: false, cancellationToken);

    private async Task<SupportResult> ChangeSupportAsync(ClaimsPrincipal principal, int ideaId, bool support, CancellationToken cancellationToken)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new SupportResult(SupportStatus.SignInRequired);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var idea = await db.Set<Idea>().AsNoTracking().Where(candidate => candidate.Id == ideaId)
            .Select(candidate => new { candidate.ProjectId, candidate.AuthorId, candidate.State, candidate.SupportCount, candidate.HiddenAt, candidate.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken);
        if (idea is null)
        {
            return new SupportResult(SupportStatus.NotFound);
        }
        if (idea.AuthorId == userId)
        {
            return new SupportResult(SupportStatus.OwnIdea, idea.SupportCount);
        }
        if (IdeaLimits.HiddenByDefault.Contains(idea.State) || idea.HiddenAt is not null || idea.MergedIntoId is not null)
        {
            return new SupportResult(SupportStatus.Unavailable, idea.SupportCount);
        }
        var schedule = await projects.ScheduleAsync(idea.ProjectId, cancellationToken);
        if (schedule is null || !schedule.Allows(PhaseActions.Support, time.GetUtcNow().UtcDateTime))
        {
            return new SupportResult(SupportStatus.Closed, idea.SupportCount);
        }

        (int Count, long Sequence) after;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Checked again inside the transaction: a support racing a merge or a hide must not land on an idea no longer listed.
            if (!await db.Set<Idea>().AnyAsync(candidate => candidate.Id == ideaId && candidate.HiddenAt == null && candidate.MergedIntoId == null, cancellationToken))
            {
                return new SupportResult(SupportStatus.Unavailable, idea.SupportCount);
            }
            var supports = db.Set<IdeaSupport>().Where(existing => existing.IdeaId == ideaId && existing.UserId == userId);
            var holds = await supports.AnyAsync(cancellationToken);
            if (holds == support)
            {
                var current = await SupportCountAsync(db, ideaId, cancellationToken);
                return new SupportResult(support ? SupportStatus.AlreadySupported : SupportStatus.NotSupported, current.Count, current.Sequence);
            }
            if (support)
            {
                db.Add(new IdeaSupport { IdeaId = ideaId, UserId = userId, SupportedAt = time.GetUtcNow().UtcDateTime });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The key (idea, resident) refused a second support that raced past the check (a database without
                    // SQLite's writer lock): the resident supports the idea, once.
                    await transaction.RollbackAsync(cancellationToken);
                    var current = await SupportCountAsync(db, ideaId, cancellationToken);
                    return new SupportResult(SupportStatus.AlreadySupported, current.Count, current.Sequence);
                }
                await RecordParticipantAsync(db, idea.ProjectId, userId, cancellationToken);
            }
            else
            {
                await supports.ExecuteDeleteAsync(cancellationToken);
            }
            var delta = support ? 1 : -1;
            await db.Set<Idea>().Where(changed => changed.Id == ideaId).ExecuteUpdateAsync(set => set
                .SetProperty(changed => changed.SupportCount, changed => changed.SupportCount + delta)
                .SetProperty(changed => changed.SupportChanges, changed => changed.SupportChanges + 1), cancellationToken);
            after = await SupportCountAsync(db, ideaId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        liveEvents.Publish(LiveTopics.Idea(ideaId), new IdeaSupportChanged(ideaId, after.Count, after.Sequence));
        return new SupportResult(support ? SupportStatus.Supported : SupportStatus.Withdrawn, after.Count, after.Sequence);
    }

    private static async Task<(int Count, long Sequence)> SupportCountAsync(AppDbContext db, int ideaId, CancellationToken cancellationToken)
    {
        var row = await db.Set<Idea>().Where(idea => idea.Id == ideaId)
            .Select(idea => new { idea.SupportCount, idea.SupportChanges }).SingleAsync(cancellationToken);
        return (row.SupportCount, row.SupportChanges);
    }

    /// <summary>Following (or no longer following) an idea; open at any time to any resident.</summary>
    public async Task<IdeaChangeResult> SetFollowingAsync(ClaimsPrincipal principal, int ideaId, bool follow, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new IdeaChangeResult(IdeaChangeStatus.SignInRequired);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<Idea>().AnyAsync(idea => idea.Id == ideaId, cancellationToken))
        {
            return new IdeaChangeResult(IdeaChangeStatus.NotFound);
        }
        var existing = db.Set<IdeaFollow>().Where(row => row.IdeaId == ideaId && row.UserId == userId);
        if (!follow)
        {
            return new IdeaChangeResult(await existing.ExecuteDeleteAsync(cancellationToken) == 0 ? IdeaChangeStatus.AlreadyDone : IdeaChangeStatus.Done);
        }
        if (await existing.AnyAsync(cancellationToken))
        {
            return new IdeaChangeResult(IdeaChangeStatus.AlreadyDone);
        }
        db.Add(new IdeaFollow { IdeaId = ideaId, UserId = userId, FollowedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second click raced the first; the resident follows the idea either way.
            return new IdeaChangeResult(IdeaChangeStatus.AlreadyDone);
        }
        return new IdeaChangeResult(IdeaChangeStatus.Done);
    }

    /// <summary>
    /// A resident reports an idea, once. When <see cref="ModerationLimits.ReportsToHide"/> residents have reported it since the last
    /// review it is hidden pending a moderator's review; either way it joins the moderators' queue.
    /// </summary>
    public async Task<IdeaChangeResult> ReportAsync(
        ClaimsPrincipal principal, int ideaId, IdeaReportReason reason, string? text, CancellationToken cancellationToken = default)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null || !await access.IsResidentAsync(principal, cancellationToken))
        {
            return new IdeaChangeResult(IdeaChangeStatus.SignInRequired);
        }
        var tidyText = IdeaRules.Tidy(text);
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(reason))
        {
            errors.Add(new FieldError(nameof(IdeaReport.Reason), "Validation.ReportReason"));
        }
        if (reason == IdeaReportReason.Other && tidyText.Length == 0)
        {
            errors.Add(new FieldError(IdeaRules.ReasonField, "Validation.ReportTextRequired"));
        }
        if (tidyText.Length > IdeaLimits.ReasonMaxLength)
        {
            errors.Add(new FieldError(IdeaRules.ReasonField, "Validation.ReportTextTooLong", IdeaLimits.ReasonMaxLength));
        }
        if (errors.Count > 0)
        {
            return new IdeaChangeResult(IdeaChangeStatus.Invalid, errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var idea = await db.Set<Idea>().AsNoTracking().Where(candidate => candidate.Id == ideaId)
            .Select(candidate => new { candidate.AuthorId, candidate.State, candidate.HiddenBy, candidate.MergedIntoId }).SingleOrDefaultAsync(cancellationToken);
        if (idea is null)
        {
            return new IdeaChangeResult(IdeaChangeStatus.NotFound);
        }
        if (idea.AuthorId == userId)
        {
            return new IdeaChangeResult(IdeaChangeStatus.NotAuthor);
        }
        // A moderator already decided (hidden, rejected, merged) or the author withdrew it; reports on an idea hidden by reports still
        // add to what the reviewing moderator reads.
        if (idea.HiddenBy == IdeaHiddenBy.Moderator || idea.MergedIntoId is not null || IdeaLimits.HiddenByDefault.Contains(idea.State))
        {
            return new IdeaChangeResult(IdeaChangeStatus.Unavailable);
        }
        var now = time.GetUtcNow().UtcDateTime;
        bool hidden;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(new IdeaReport { IdeaId = ideaId, UserId = userId, Reason = reason, Text = tidyText.Length == 0 ? null : tidyText, ReportedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The key (idea, resident): this resident reported it already.
                return new IdeaChangeResult(IdeaChangeStatus.AlreadyDone);
            }
            await db.Set<Idea>().Where(candidate => candidate.Id == ideaId)
                .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.OpenReports, candidate => candidate.OpenReports + 1), cancellationToken);
            hidden = await db.Set<Idea>().Where(candidate => candidate.Id == ideaId && candidate.HiddenAt == null && candidate.OpenReports >= ModerationLimits.ReportsToHide)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(candidate => candidate.HiddenAt, now)
                    .SetProperty(candidate => candidate.HiddenBy, IdeaHiddenBy.Reports)
                    .SetProperty(candidate => candidate.Version, candidate => candidate.Version + 1), cancellationToken) > 0;
            await transaction.CommitAsync(cancellationToken);
        }
        liveEvents.Publish(LiveTopics.Moderation, new ModerationQueueChanged(ModerationItems.Idea(ideaId)));
        if (hidden)
        {
            var state = await db.Set<Idea>().AsNoTracking().Where(candidate => candidate.Id == ideaId)
                .Select(candidate => new { candidate.State, candidate.StateReason, candidate.MergedIntoId, candidate.ProjectId }).SingleAsync(cancellationToken);
            var moderated = new IdeaModerated(ideaId, state.State, state.StateReason, true, state.MergedIntoId);
            liveEvents.Publish(LiveTopics.Idea(ideaId), moderated);
            liveEvents.Publish(LiveTopics.Project(state.ProjectId), moderated);
        }
        return new IdeaChangeResult(IdeaChangeStatus.Done);
    }
}
