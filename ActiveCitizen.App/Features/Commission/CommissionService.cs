using System.Security.Claims;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Commission;

/// <summary>A session as an admin writes it; times in UTC.</summary>
public sealed record SessionDraft(
    int? ProjectId, IReadOnlyCollection<string> MemberIds, string? ChairId, DateTime? OpensAt, DateTime? ClosesAt, int QuorumPercent,
    DecisionRule Rule, bool BallotsPublic);

public enum CommissionStatus
{
    Done,
    AlreadyDone,
    Invalid,
    NotFound,
    SignInRequired,
    /// <summary>Not an admin (authoring), not a member, or not the chair, according to the database now.</summary>
    Forbidden,
    /// <summary>The member stood aside from this idea.</summary>
    Recused,
    /// <summary>The session has not opened yet.</summary>
    NotOpen,
    /// <summary>The session has closed: no more ballots, recusals or changes to it.</summary>
    Closed,
    /// <summary>The session is still open (closing and publishing wait for it to close).</summary>
    StillOpen,
    AlreadyPublished,
    /// <summary>Someone changed the session at the same moment; reload and try again.</summary>
    Stale,
}

/// <summary>The outcome of a commission action; for ballots, how many have voted on the idea out of those who may.</summary>
public sealed record CommissionResult(CommissionStatus Status, IReadOnlyList<FieldError>? Errors = null, int SessionId = 0, int Voted = 0, int Eligible = 0);

/// <summary>
/// Everything done to commission sessions: admins author them, members vote and recuse, the chair closes and publishes. Every rule is
/// checked when the action arrives, against the database (roles, membership) and the server's clock (a ballot at the closing time is
/// refused). Before a session closes nothing here or in <see cref="CommissionQueries"/> tells anyone how another member voted.
/// </summary>
public sealed class CommissionService(
    IDbContextFactory<AppDbContext> dbFactory, UserAccess access, ProjectQueries projects, NotificationsService notifications, ILiveEvents liveEvents,
    TimeProvider time)
{
    public const string ProjectField = "Project";
    public const string MembersField = "Members";
    public const string ChairField = "Chair";
    public const string OpensField = "OpensAt";
    public const string ClosesField = "ClosesAt";
    public const string QuorumField = "Quorum";
    public const string CommentField = "Comment";
    public const string ReasonField = "Reason";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<CommissionResult> CreateSessionAsync(ClaimsPrincipal principal, SessionDraft draft, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, draft, 0, cancellationToken);
        if (errors.Count > 0)
        {
            return new CommissionResult(CommissionStatus.Invalid, errors);
        }
        var session = new CommissionSession { CreatedAt = Now };
        Apply(session, draft);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(draft.MemberIds.Distinct().Select(memberId => new SessionMember { SessionId = session.Id, UserId = memberId }));
        await db.SaveChangesAsync(cancellationToken);
        return new CommissionResult(CommissionStatus.Done, SessionId: session.Id);
    }

    /// <summary>Changes a session that has not opened yet; <paramref name="version"/> is the one the admin edited.</summary>
    public async Task<CommissionResult> UpdateSessionAsync(
        ClaimsPrincipal principal, int sessionId, int version, SessionDraft draft, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<CommissionSession>().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return new CommissionResult(CommissionStatus.NotFound);
        }
        if (CommissionRules.StateAt(session, Now) != SessionState.Scheduled)
        {
            return new CommissionResult(CommissionStatus.Closed);
        }
        if (session.Version != version)
        {
            return new CommissionResult(CommissionStatus.Stale);
        }
        var errors = await ValidateAsync(db, draft, sessionId, cancellationToken);
        if (errors.Count > 0)
        {
            return new CommissionResult(CommissionStatus.Invalid, errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Apply(session, draft);
        session.Version++;
        await db.Set<SessionMember>().Where(member => member.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(draft.MemberIds.Distinct().Select(memberId => new SessionMember { SessionId = sessionId, UserId = memberId }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommissionResult(CommissionStatus.Stale);
        }
        await transaction.CommitAsync(cancellationToken);
        liveEvents.Publish(CommissionTopics.Session(sessionId), new SessionChanged(sessionId));
        return new CommissionResult(CommissionStatus.Done, SessionId: sessionId);
    }

    private static void Apply(CommissionSession session, SessionDraft draft)
    {
        session.ProjectId = draft.ProjectId!.Value;
        session.ChairId = draft.ChairId!;
        session.OpensAt = draft.OpensAt!.Value;
        session.ClosesAt = draft.ClosesAt!.Value;
        session.QuorumPercent = draft.QuorumPercent;
        session.DecisionRule = draft.Rule;
        session.BallotsPublic = draft.BallotsPublic;
    }

    /// <summary>The draft's problems; <paramref name="editing"/> is the session being changed (0 for a new one).</summary>
    private async Task<List<FieldError>> ValidateAsync(AppDbContext db, SessionDraft draft, int editing, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (draft.ProjectId is not { } projectId || await projects.ScheduleAsync(projectId, cancellationToken) is null)
        {
            errors.Add(new FieldError(ProjectField, "Validation.CommissionProject"));
        }
        else if (await db.Set<CommissionSession>().AnyAsync(session => session.ProjectId == projectId && session.Id != editing, cancellationToken))
        {
            errors.Add(new FieldError(ProjectField, "Validation.CommissionProjectTaken"));
        }
        var members = draft.MemberIds.Distinct().ToList();
        var commissionRole = Roles.CommissionMember.ToUpperInvariant();
        var holders = await db.UserRoles.Where(grant => members.Contains(grant.UserId)
                && db.Roles.Any(role => role.Id == grant.RoleId && role.NormalizedName == commissionRole))
            .Select(grant => grant.UserId).ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            errors.Add(new FieldError(MembersField, "Validation.CommissionMembers"));
        }
        else if (holders.Count != members.Count)
        {
            errors.Add(new FieldError(MembersField, "Validation.CommissionMembersRole"));
        }
        if (draft.ChairId is null || !members.Contains(draft.ChairId))
        {
            errors.Add(new FieldError(ChairField, "Validation.CommissionChair"));
        }
        if (draft.OpensAt is null)
        {
            errors.Add(new FieldError(OpensField, "Validation.CommissionTime"));
        }
        else if (draft.OpensAt <= Now)
        {
            // A session opening in the past would freeze a shortlist nobody saw and might close before anyone voted.
            errors.Add(new FieldError(OpensField, "Validation.CommissionOpensInFuture"));
        }
        if (draft.ClosesAt is null)
        {
            errors.Add(new FieldError(ClosesField, "Validation.CommissionTime"));
        }
        else if (draft.OpensAt is { } opens && draft.ClosesAt <= opens)
        {
            errors.Add(new FieldError(ClosesField, "Validation.CommissionClosesAfterOpening"));
        }
        if (draft.QuorumPercent is < 1 or > 99)
        {
            errors.Add(new FieldError(QuorumField, "Validation.CommissionQuorum", 1, 99));
        }
        if (!Enum.IsDefined(draft.Rule))
        {
            errors.Add(new FieldError(QuorumField, "Validation.CommissionRule"));
        }
        return errors;
    }

    /// <summary>
    /// Brings the session up to the clock: copies the shortlist in when it has opened, counts the results once it has closed. Safe to
    /// call from any page or action, any number of times; each step happens once.
    /// </summary>
    public async Task AdvanceAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<CommissionSession>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return;
        }
        var state = CommissionRules.StateAt(session, Now);
        var changed = false;
        if (state != SessionState.Scheduled && session.IdeasFrozenAt is null)
        {
            changed |= await FreezeShortlistAsync(db, session, cancellationToken);
        }
        if (state is SessionState.Closed && session.ResultsCountedAt is null)
        {
            changed |= await CountResultsAsync(db, session, cancellationToken);
        }
        if (changed)
        {
            liveEvents.Publish(CommissionTopics.Session(sessionId), new SessionChanged(sessionId));
        }
    }

    /// <summary>The project's shortlisted ideas become the session's, once (the conditional stamp settles a race).</summary>
    private async Task<bool> FreezeShortlistAsync(AppDbContext db, CommissionSession session, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var frozen = await db.Set<CommissionSession>().Where(candidate => candidate.Id == session.Id && candidate.IdeasFrozenAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.IdeasFrozenAt, session.OpensAt), cancellationToken);
        if (frozen == 0)
        {
            return false;
        }
        var shortlist = await db.Set<Idea>().Where(idea => idea.ProjectId == session.ProjectId && idea.State == IdeaState.Shortlisted
                && idea.HiddenAt == null && idea.MergedIntoId == null)
            .OrderByDescending(idea => idea.SupportCount).ThenBy(idea => idea.Id).Select(idea => idea.Id).ToListAsync(cancellationToken);
        db.AddRange(shortlist.Select((ideaId, index) => new SessionIdea { SessionId = session.Id, IdeaId = ideaId, Position = index + 1 }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Counts every idea's ballots and recusals and applies the session's rules, once.</summary>
    private async Task<bool> CountResultsAsync(AppDbContext db, CommissionSession session, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counted = await db.Set<CommissionSession>().Where(candidate => candidate.Id == session.Id && candidate.ResultsCountedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.ResultsCountedAt, Now), cancellationToken);
        if (counted == 0)
        {
            return false;
        }
        var active = await ActiveMembersAsync(db, session.Id, cancellationToken);
        var members = active.Count;
        var closedAt = CommissionRules.ClosedAt(session);
        var ballots = await db.Set<Ballot>().Where(ballot => ballot.SessionId == session.Id && active.Contains(ballot.MemberId) && ballot.CastAt <= closedAt)
            .GroupBy(ballot => new { ballot.IdeaId, ballot.Choice }).Select(group => new { group.Key.IdeaId, group.Key.Choice, Count = group.Count() })
            .ToListAsync(cancellationToken);
        var recusals = await db.Set<Recusal>().Where(recusal => recusal.SessionId == session.Id && active.Contains(recusal.MemberId))
            .GroupBy(recusal => recusal.IdeaId).Select(group => new { IdeaId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(group => group.IdeaId, group => group.Count, cancellationToken);
        foreach (var idea in await db.Set<SessionIdea>().Where(idea => idea.SessionId == session.Id).ToListAsync(cancellationToken))
        {
            int Count(BallotChoice choice) => ballots.Where(row => row.IdeaId == idea.IdeaId && row.Choice == choice).Sum(row => row.Count);
            var tally = new Tally(members - recusals.GetValueOrDefault(idea.IdeaId), Count(BallotChoice.For), Count(BallotChoice.Against), Count(BallotChoice.Abstain));
            (idea.Eligible, idea.For, idea.Against, idea.Abstain) = (tally.Eligible, tally.For, tally.Against, tally.Abstain);
            idea.Outcome = CommissionRules.Outcome(tally, session.QuorumPercent, session.DecisionRule);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<CommissionResult> VoteAsync(
        ClaimsPrincipal principal, int sessionId, int ideaId, BallotChoice choice, string? comment, CancellationToken cancellationToken = default)
    {
        var tidy = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!Enum.IsDefined(choice) || tidy?.Length > CommissionLimits.CommentMaxLength)
        {
            return new CommissionResult(CommissionStatus.Invalid,
                tidy?.Length > CommissionLimits.CommentMaxLength ? [new FieldError(CommentField, "Validation.BallotComment", CommissionLimits.CommentMaxLength)] : null);
        }
        return await AsMemberOnIdeaAsync(principal, sessionId, ideaId, async (db, memberId, now) =>
        {
            var existing = db.Set<Ballot>().Where(ballot => ballot.SessionId == sessionId && ballot.IdeaId == ideaId && ballot.MemberId == memberId);
            var changed = await existing.ExecuteUpdateAsync(set => set
                .SetProperty(ballot => ballot.Choice, choice).SetProperty(ballot => ballot.Comment, tidy).SetProperty(ballot => ballot.CastAt, now), cancellationToken);
            if (changed == 0)
            {
                db.Add(new Ballot { SessionId = sessionId, IdeaId = ideaId, MemberId = memberId, Choice = choice, Comment = tidy, CastAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            return CommissionStatus.Done;
        }, cancellationToken);
    }

    /// <summary>The member stands aside from the idea for a conflict of interest; a ballot already cast on it is withdrawn.</summary>
    public async Task<CommissionResult> RecuseAsync(ClaimsPrincipal principal, int sessionId, int ideaId, string? reason, CancellationToken cancellationToken = default)
    {
        var tidy = (reason ?? "").Trim();
        if (tidy.Length is < CommissionLimits.ReasonMinLength or > CommissionLimits.ReasonMaxLength)
        {
            return new CommissionResult(CommissionStatus.Invalid,
                [new FieldError(ReasonField, "Validation.RecusalReason", CommissionLimits.ReasonMinLength, CommissionLimits.ReasonMaxLength)]);
        }
        return await AsMemberOnIdeaAsync(principal, sessionId, ideaId, async (db, memberId, now) =>
        {
            await db.Set<Ballot>().Where(ballot => ballot.SessionId == sessionId && ballot.IdeaId == ideaId && ballot.MemberId == memberId)
                .ExecuteDeleteAsync(cancellationToken);
            db.Add(new Recusal { SessionId = sessionId, IdeaId = ideaId, MemberId = memberId, Reason = tidy, RecusedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return CommissionStatus.Done;
        }, cancellationToken, allowRecused: false);
    }

    /// <summary>Takes back a recusal made by mistake, while the session is open.</summary>
    public Task<CommissionResult> WithdrawRecusalAsync(ClaimsPrincipal principal, int sessionId, int ideaId, CancellationToken cancellationToken = default) =>
        AsMemberOnIdeaAsync(principal, sessionId, ideaId, async (db, memberId, _) =>
            await db.Set<Recusal>().Where(recusal => recusal.SessionId == sessionId && recusal.IdeaId == ideaId && recusal.MemberId == memberId)
                .ExecuteDeleteAsync(cancellationToken) > 0 ? CommissionStatus.Done : CommissionStatus.AlreadyDone,
            cancellationToken, allowRecused: true);

    /// <summary>
    /// The frame of a member's action on one idea: role and membership from the database, the session open at this instant (its
    /// closing time exactly is already too late), the idea on its shortlist, one transaction, then the new count for everyone.
    /// </summary>
    private async Task<CommissionResult> AsMemberOnIdeaAsync(
        ClaimsPrincipal principal, int sessionId, int ideaId, Func<AppDbContext, string, DateTime, Task<CommissionStatus>> act, CancellationToken cancellationToken,
        bool? allowRecused = null)
    {
        var now = Now;
        if (UserAccess.UserIdOf(principal) is not { } memberId)
        {
            return new CommissionResult(CommissionStatus.SignInRequired);
        }
        await AdvanceAsync(sessionId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<CommissionSession>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return new CommissionResult(CommissionStatus.NotFound);
        }
        if (!await IsMemberAsync(db, sessionId, memberId, cancellationToken))
        {
            return new CommissionResult(CommissionStatus.Forbidden);
        }
        switch (CommissionRules.StateAt(session, now))
        {
            case SessionState.Scheduled:
                return new CommissionResult(CommissionStatus.NotOpen);
            case SessionState.Closed or SessionState.Published:
                return new CommissionResult(CommissionStatus.Closed);
        }
        if (!await db.Set<SessionIdea>().AnyAsync(idea => idea.SessionId == sessionId && idea.IdeaId == ideaId, cancellationToken))
        {
            return new CommissionResult(CommissionStatus.NotFound);
        }
        CommissionStatus status;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Again inside the transaction: a chair's close or the count may have committed while this request waited for the lock.
            if (!await db.Set<CommissionSession>().AnyAsync(candidate => candidate.Id == sessionId && candidate.ClosedEarlyAt == null
                    && candidate.ResultsCountedAt == null && candidate.ClosesAt > now, cancellationToken))
            {
                return new CommissionResult(CommissionStatus.Closed);
            }
            var recused = await db.Set<Recusal>().AnyAsync(recusal => recusal.SessionId == sessionId && recusal.IdeaId == ideaId && recusal.MemberId == memberId, cancellationToken);
            if (recused && allowRecused != true)
            {
                return new CommissionResult(allowRecused == false ? CommissionStatus.AlreadyDone : CommissionStatus.Recused);
            }
            try
            {
                status = await act(db, memberId, now);
            }
            catch (DbUpdateException)
            {
                // A parallel request by the same member got there first (the key allows one ballot, one recusal): the row stands once.
                return new CommissionResult(CommissionStatus.AlreadyDone);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        var (voted, eligible) = await VoteCountAsync(db, sessionId, ideaId, cancellationToken);
        liveEvents.Publish(CommissionTopics.Session(sessionId), new VotesCounted(sessionId, ideaId, voted, eligible));
        return new CommissionResult(status, Voted: voted, Eligible: eligible);
    }

    /// <summary>How many members have voted on the idea, out of those not recused: the only count anyone sees before the close.</summary>
    public static async Task<(int Voted, int Eligible)> VoteCountAsync(AppDbContext db, int sessionId, int ideaId, CancellationToken cancellationToken)
    {
        var active = await ActiveMembersAsync(db, sessionId, cancellationToken);
        var voted = await db.Set<Ballot>().CountAsync(ballot => ballot.SessionId == sessionId && ballot.IdeaId == ideaId && active.Contains(ballot.MemberId), cancellationToken);
        var recused = await db.Set<Recusal>().CountAsync(recusal => recusal.SessionId == sessionId && recusal.IdeaId == ideaId && active.Contains(recusal.MemberId), cancellationToken);
        return (voted, active.Count - recused);
    }

    /// <summary>
    /// The session's members who still hold the commission role: only they vote and only they count toward quorum, so a member
    /// removed from the commission mid-session neither blocks a quorum nor decides anything.
    /// </summary>
    public static async Task<List<string>> ActiveMembersAsync(AppDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        var role = Roles.CommissionMember.ToUpperInvariant();
        return await db.Set<SessionMember>().Where(member => member.SessionId == sessionId
                && db.UserRoles.Any(grant => grant.UserId == member.UserId && db.Roles.Any(candidate => candidate.Id == grant.RoleId && candidate.NormalizedName == role)))
            .Select(member => member.UserId).ToListAsync(cancellationToken);
    }

    /// <summary>The chair closes the session before its closing time; the results are counted at once.</summary>
    public async Task<CommissionResult> CloseAsync(ClaimsPrincipal principal, int sessionId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await AdvanceAsync(sessionId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ChairsSessionAsync(db, principal, sessionId, cancellationToken) is not ({ } session, { } chair))
        {
            return await ChairRefusalAsync(db, principal, sessionId, cancellationToken);
        }
        switch (CommissionRules.StateAt(session, now))
        {
            case SessionState.Scheduled:
                return new CommissionResult(CommissionStatus.NotOpen);
            case SessionState.Closed or SessionState.Published:
                return new CommissionResult(CommissionStatus.AlreadyDone);
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var closed = await db.Set<CommissionSession>().Where(candidate => candidate.Id == sessionId && candidate.ClosedEarlyAt == null && candidate.ClosesAt > now)
                .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.ClosedEarlyAt, now).SetProperty(candidate => candidate.Version, candidate => candidate.Version + 1), cancellationToken);
            if (closed == 0)
            {
                return new CommissionResult(CommissionStatus.AlreadyDone);
            }
            AuditTrail.Record(db, now, chair, AuditActions.CommissionClosed, $"commission:{sessionId}", null, new { closesAt = session.ClosesAt }, new { closedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await AdvanceAsync(sessionId, cancellationToken);
        liveEvents.Publish(CommissionTopics.Session(sessionId), new SessionChanged(sessionId));
        return new CommissionResult(CommissionStatus.Done);
    }

    /// <summary>The chair's rationale for one idea's decision, written after the close and before publishing.</summary>
    public async Task<CommissionResult> SetRationaleAsync(
        ClaimsPrincipal principal, int sessionId, int ideaId, string? rationale, CancellationToken cancellationToken = default)
    {
        var tidy = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim();
        if (tidy?.Length > CommissionLimits.RationaleMaxLength)
        {
            return new CommissionResult(CommissionStatus.Invalid, [new FieldError(ReasonField, "Validation.Rationale", CommissionLimits.RationaleMaxLength)]);
        }
        await AdvanceAsync(sessionId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ChairsSessionAsync(db, principal, sessionId, cancellationToken) is not ({ } session, _))
        {
            return await ChairRefusalAsync(db, principal, sessionId, cancellationToken);
        }
        var refusal = CommissionRules.StateAt(session, Now) switch
        {
            SessionState.Scheduled or SessionState.Open => CommissionStatus.StillOpen,
            SessionState.Published => CommissionStatus.AlreadyPublished,
            _ => (CommissionStatus?)null,
        };
        if (refusal is { } refused)
        {
            return new CommissionResult(refused);
        }
        var updated = await db.Set<SessionIdea>().Where(idea => idea.SessionId == sessionId && idea.IdeaId == ideaId)
            .ExecuteUpdateAsync(set => set.SetProperty(idea => idea.Rationale, tidy), cancellationToken);
        if (updated == 0)
        {
            return new CommissionResult(CommissionStatus.NotFound);
        }
        liveEvents.Publish(CommissionTopics.Session(sessionId), new SessionChanged(sessionId));
        return new CommissionResult(CommissionStatus.Done);
    }

    /// <summary>
    /// The chair publishes the counted results: approved ideas become Selected and the others NotSelected, with the rationale;
    /// authors, supporters and followers are told; the results page opens to everyone.
    /// </summary>
    public async Task<CommissionResult> PublishAsync(ClaimsPrincipal principal, int sessionId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await AdvanceAsync(sessionId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ChairsSessionAsync(db, principal, sessionId, cancellationToken) is not ({ } session, { } chair))
        {
            return await ChairRefusalAsync(db, principal, sessionId, cancellationToken);
        }
        switch (CommissionRules.StateAt(session, now))
        {
            case SessionState.Scheduled or SessionState.Open:
                return new CommissionResult(CommissionStatus.StillOpen);
            case SessionState.Published:
                return new CommissionResult(CommissionStatus.AlreadyPublished);
        }
        var announcements = new List<(string Topic, ILiveEvent Event)>();
        var staged = new List<Notification>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var published = await db.Set<CommissionSession>().Where(candidate => candidate.Id == sessionId && candidate.PublishedAt == null && candidate.ResultsCountedAt != null)
                .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.PublishedAt, now).SetProperty(candidate => candidate.Version, candidate => candidate.Version + 1), cancellationToken);
            if (published == 0)
            {
                return new CommissionResult(CommissionStatus.AlreadyPublished);
            }
            var ideas = await db.Set<SessionIdea>().AsNoTracking().Where(idea => idea.SessionId == sessionId).ToListAsync(cancellationToken);
            foreach (var decided in ideas)
            {
                var approved = decided.Outcome == IdeaOutcome.Approved;
                var before = await IdeaCuration.SnapshotAsync(db, decided.IdeaId, cancellationToken);
                if (before is null || !await IdeaCuration.DecideAsync(db, decided.IdeaId, approved, decided.Rationale, now, cancellationToken))
                {
                    // An idea left the shortlist behind the session's back: publishing all or nothing keeps results and ideas in step.
                    return new CommissionResult(CommissionStatus.Stale);
                }
                var after = await IdeaCuration.SnapshotAsync(db, decided.IdeaId, cancellationToken);
                AuditTrail.Record(db, now, chair, approved ? AuditActions.IdeaSelected : AuditActions.IdeaNotSelected, $"idea:{decided.IdeaId}",
                    decided.Rationale, before, new { after, decided.Outcome, decided.For, decided.Against, decided.Abstain, decided.Eligible });
                var audience = await IdeaCuration.AudienceAsync(db, decided.IdeaId, cancellationToken);
                var recipients = audience.Supporters.Concat(audience.Followers).Where(userId => userId != audience.AuthorId).Distinct()
                    .Select(userId => (userId, approved ? NotificationKind.SupportedIdeaSelected : NotificationKind.SupportedIdeaNotSelected))
                    .Prepend((audience.AuthorId, approved ? NotificationKind.YourIdeaSelected : NotificationKind.YourIdeaNotSelected));
                staged.AddRange(notifications.Stage(db, recipients, "", before.Title, decided.Rationale ?? "", $"/ideas/{decided.IdeaId}"));
                var moderated = new IdeaModerated(decided.IdeaId, after!.State, after.StateReason, after.Hidden, after.MergedIntoId);
                announcements.Add((LiveTopics.Idea(decided.IdeaId), moderated));
                announcements.Add((LiveTopics.Project(session.ProjectId), moderated));
            }
            AuditTrail.Record(db, now, chair, AuditActions.CommissionPublished, $"commission:{sessionId}", null, null,
                new { approved = ideas.Count(idea => idea.Outcome == IdeaOutcome.Approved), total = ideas.Count });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var (topic, liveEvent) in announcements)
        {
            liveEvents.Publish(topic, liveEvent);
        }
        notifications.Announce(staged);
        liveEvents.Publish(CommissionTopics.Session(sessionId), new SessionChanged(sessionId));
        return new CommissionResult(CommissionStatus.Done);
    }

    /// <summary>
    /// An admin hands the chair to another member (the chair left the commission, fell ill) at any time before publication, so a
    /// session can always be closed and published.
    /// </summary>
    public async Task<CommissionResult> ReassignChairAsync(ClaimsPrincipal principal, int sessionId, string? newChairId, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<CommissionSession>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return new CommissionResult(CommissionStatus.NotFound);
        }
        if (session.PublishedAt is not null)
        {
            return new CommissionResult(CommissionStatus.AlreadyPublished);
        }
        if (newChairId is null || !await IsMemberAsync(db, sessionId, newChairId, cancellationToken))
        {
            return new CommissionResult(CommissionStatus.Invalid, [new FieldError(ChairField, "Validation.CommissionChair")]);
        }
        if (session.ChairId == newChairId)
        {
            return new CommissionResult(CommissionStatus.AlreadyDone);
        }
        var admin = await db.Users.Where(user => user.Id == UserAccess.UserIdOf(principal)).Select(user => new { user.Id, user.DisplayName }).SingleAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Set<CommissionSession>().Where(candidate => candidate.Id == sessionId)
                .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.ChairId, newChairId).SetProperty(candidate => candidate.Version, candidate => candidate.Version + 1), cancellationToken);
            AuditTrail.Record(db, Now, (admin.Id, admin.DisplayName), AuditActions.CommissionChairChanged, $"commission:{sessionId}", null,
                new { chairId = session.ChairId }, new { chairId = newChairId });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        liveEvents.Publish(CommissionTopics.Session(sessionId), new SessionChanged(sessionId));
        return new CommissionResult(CommissionStatus.Done, SessionId: sessionId);
    }

    /// <summary>The session and its chair's audit identity, if the principal is its chair and still a commission member.</summary>
    private async Task<(CommissionSession? Session, (string Id, string Name)? Chair)> ChairsSessionAsync(
        AppDbContext db, ClaimsPrincipal principal, int sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Set<CommissionSession>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null || UserAccess.UserIdOf(principal) is not { } userId || session.ChairId != userId
            || !await access.HasRoleAsync(userId, Roles.CommissionMember, cancellationToken))
        {
            return (null, null);
        }
        var name = await db.Users.Where(user => user.Id == userId).Select(user => user.DisplayName).SingleAsync(cancellationToken);
        return (session, (userId, name));
    }

    private static async Task<CommissionResult> ChairRefusalAsync(AppDbContext db, ClaimsPrincipal principal, int sessionId, CancellationToken cancellationToken) =>
        new(UserAccess.UserIdOf(principal) is null ? CommissionStatus.SignInRequired
            : await db.Set<CommissionSession>().AnyAsync(session => session.Id == sessionId, cancellationToken) ? CommissionStatus.Forbidden
            : CommissionStatus.NotFound);

    /// <summary>A member of the session who still holds the commission role.</summary>
    private async Task<bool> IsMemberAsync(AppDbContext db, int sessionId, string userId, CancellationToken cancellationToken) =>
        await db.Set<SessionMember>().AnyAsync(member => member.SessionId == sessionId && member.UserId == userId, cancellationToken)
        && await access.HasRoleAsync(userId, Roles.CommissionMember, cancellationToken);

    private async Task<CommissionResult?> AdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        UserAccess.UserIdOf(principal) is null ? new CommissionResult(CommissionStatus.SignInRequired)
        : !await access.HasRoleAsync(principal, Roles.Admin, cancellationToken) ? new CommissionResult(CommissionStatus.Forbidden)
        : null;
}
