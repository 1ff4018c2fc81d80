using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Commission;

public sealed record SessionSummary(
    int Id, int ProjectId, string ProjectSlug, LocalizedText ProjectTitle, SessionState State, DateTime OpensAt, DateTime ClosesAt, string ChairName,
    int Members, int Ideas, bool IsChair);

public sealed record MemberView(string Id, string Name);

/// <summary>The reader's own ballot on an idea.</summary>
public sealed record MyBallot(BallotChoice Choice, string? Comment);

/// <summary>An idea's counted result: shown only once the session has closed.</summary>
public sealed record IdeaResult(IdeaOutcome Outcome, Tally Tally, string? Rationale);

/// <summary>A named ballot, shown with published results when the session makes ballots public.</summary>
public sealed record NamedBallot(string MemberName, BallotChoice Choice, string? Comment);

/// <summary>A member who stood aside from an idea, and why: part of the minutes once the session has closed.</summary>
public sealed record RecusalView(string MemberName, string Reason);

public sealed record SessionIdeaView(
    int IdeaId, int Position, string Title, string Description, IdeaState State, string? Verdict, int SupportCount, int Voted, int Eligible,
    MyBallot? MyBallot, string? MyRecusal, IdeaResult? Result, IReadOnlyList<NamedBallot> Ballots, IReadOnlyList<RecusalView> Recused);

public sealed record SessionDetails(
    int Id, int ProjectId, string ProjectSlug, LocalizedText ProjectTitle, SessionState State, DateTime OpensAt, DateTime ClosedAt, int QuorumPercent,
    DecisionRule Rule, bool BallotsPublic, string ChairId, string ChairName, IReadOnlyList<MemberView> Members, bool IsMember, bool IsChair,
    IReadOnlyList<SessionIdeaView> Ideas, int Version)
{
    public int VotedByMe => Ideas.Count(idea => idea.MyBallot is not null);

    /// <summary>The ideas the reader may vote on: those they did not stand aside from.</summary>
    public int MineToVote => Ideas.Count(idea => idea.MyRecusal is null);
}

/// <summary>A project's published decision, as the results page shows it.</summary>
public sealed record ResultsView(
    int SessionId, string ProjectSlug, LocalizedText ProjectTitle, DateTime PublishedAt, string ChairName, IReadOnlyList<MemberView> Members,
    bool BallotsPublic, int QuorumPercent, DecisionRule Rule, IReadOnlyList<SessionIdeaView> Ideas)
{
    public IReadOnlyList<SessionIdeaView> Approved => [.. Ideas.Where(idea => idea.Result?.Outcome == IdeaOutcome.Approved)];
    public IReadOnlyList<SessionIdeaView> Others => [.. Ideas.Where(idea => idea.Result?.Outcome != IdeaOutcome.Approved)];
}

/// <summary>
/// The reads of commission sessions. Secrecy lives here as much as in the service: until a session closes, what these return holds
/// the reader's own ballots and, for every idea, only how many have voted; tallies come after the close, named ballots after
/// publication and only when the session made them public.
/// </summary>
public sealed class CommissionQueries(IDbContextFactory<AppDbContext> dbFactory, UserAccess access, TimeProvider time)
{
    /// <summary>Sessions the user sits on (as a member or the chair), newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ForMemberAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Set<SessionMember>().Where(member => member.UserId == userId).Select(member => member.SessionId).ToListAsync(cancellationToken);
        return await SummariesAsync(db, db.Set<CommissionSession>().Where(session => ids.Contains(session.Id)), userId, cancellationToken);
    }

    /// <summary>Every session, for admins.</summary>
    public async Task<IReadOnlyList<SessionSummary>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SummariesAsync(db, db.Set<CommissionSession>(), null, cancellationToken);
    }

    private async Task<IReadOnlyList<SessionSummary>> SummariesAsync(AppDbContext db, IQueryable<CommissionSession> sessions, string? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await (
                from session in sessions.AsNoTracking()
                join project in db.Set<Project>() on session.ProjectId equals project.Id
                join chair in db.Users on session.ChairId equals chair.Id
                orderby session.OpensAt descending
                select new
                {
                    Session = session, project.Slug, project.Title, ChairName = chair.DisplayName,
                    Members = db.Set<SessionMember>().Count(member => member.SessionId == session.Id),
                    Frozen = db.Set<SessionIdea>().Count(idea => idea.SessionId == session.Id),
                    Shortlist = db.Set<Idea>().Count(idea => idea.ProjectId == session.ProjectId && idea.State == IdeaState.Shortlisted),
                })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new SessionSummary(row.Session.Id, row.Session.ProjectId, row.Slug, row.Title, CommissionRules.StateAt(row.Session, now),
            row.Session.OpensAt, CommissionRules.ClosedAt(row.Session), row.ChairName, row.Members,
            row.Session.IdeasFrozenAt is null ? row.Shortlist : row.Frozen, row.Session.ChairId == userId))];
    }

    /// <summary>
    /// The session as its members (and admins) see it; null for anyone else. Before the close, the ideas carry the reader's own
    /// ballot and recusal and how many members have voted, nothing more.
    /// </summary>
    public async Task<SessionDetails?> ForViewerAsync(int sessionId, string? viewerId, CancellationToken cancellationToken = default)
    {
        if (viewerId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isMember = await db.Set<SessionMember>().AnyAsync(member => member.SessionId == sessionId && member.UserId == viewerId, cancellationToken)
            && await access.HasRoleAsync(viewerId, Roles.CommissionMember, cancellationToken);
        if (!isMember && !await access.HasRoleAsync(viewerId, Roles.Admin, cancellationToken))
        {
            return null;
        }
        return await DetailsAsync(db, sessionId, viewerId, isMember, cancellationToken);
    }

    /// <summary>The newest published session of a project, for its public results page.</summary>
    public async Task<ResultsView?> ResultsAsync(string projectSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessionId = await (
                from session in db.Set<CommissionSession>()
                join project in db.Set<Project>() on session.ProjectId equals project.Id
                where project.Slug == projectSlug && session.PublishedAt != null
                orderby session.PublishedAt descending
                select (int?)session.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (sessionId is not { } id || await DetailsAsync(db, id, null, false, cancellationToken) is not { } details)
        {
            return null;
        }
        var publishedAt = await db.Set<CommissionSession>().Where(session => session.Id == id).Select(session => session.PublishedAt!.Value).SingleAsync(cancellationToken);
        return new ResultsView(id, details.ProjectSlug, details.ProjectTitle, publishedAt, details.ChairName, details.Members, details.BallotsPublic,
            details.QuorumPercent, details.Rule, details.Ideas);
    }

    private async Task<SessionDetails?> DetailsAsync(AppDbContext db, int sessionId, string? viewerId, bool isMember, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await (
                from candidate in db.Set<CommissionSession>().AsNoTracking()
                where candidate.Id == sessionId
                join project in db.Set<Project>() on candidate.ProjectId equals project.Id
                join chair in db.Users on candidate.ChairId equals chair.Id
                select new { Session = candidate, project.Slug, project.Title, ChairName = chair.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var session = row.Session;
        var state = CommissionRules.StateAt(session, now);
        var members = await (
                from member in db.Set<SessionMember>()
                where member.SessionId == sessionId
                join user in db.Users on member.UserId equals user.Id
                orderby user.DisplayName
                select new MemberView(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);

        // Before opening the list is the project's shortlist as it stands; from the opening it is the frozen copy.
        var ideaRows = session.IdeasFrozenAt is null
            ? await (from idea in db.Set<Idea>().AsNoTracking()
                     where idea.ProjectId == session.ProjectId && idea.State == IdeaState.Shortlisted && idea.HiddenAt == null && idea.MergedIntoId == null
                     orderby idea.SupportCount descending, idea.Id
                     select new { Idea = idea, Counted = (SessionIdea?)null }).ToListAsync(cancellationToken)
            : await (from counted in db.Set<SessionIdea>().AsNoTracking()
                     where counted.SessionId == sessionId
                     join idea in db.Set<Idea>() on counted.IdeaId equals idea.Id
                     orderby counted.Position
                     select new { Idea = idea, Counted = (SessionIdea?)counted }).ToListAsync(cancellationToken);

        var votedCounts = await db.Set<Ballot>().Where(ballot => ballot.SessionId == sessionId).GroupBy(ballot => ballot.IdeaId)
            .Select(group => new { IdeaId = group.Key, Count = group.Count() }).ToDictionaryAsync(group => group.IdeaId, group => group.Count, cancellationToken);
        var recusals = await (
                from recusal in db.Set<Recusal>()
                where recusal.SessionId == sessionId
                join user in db.Users on recusal.MemberId equals user.Id
                select new { recusal.IdeaId, recusal.MemberId, recusal.Reason, user.DisplayName })
            .ToListAsync(cancellationToken);
        var mine = viewerId is null ? [] : await db.Set<Ballot>().AsNoTracking().Where(ballot => ballot.SessionId == sessionId && ballot.MemberId == viewerId)
            .ToDictionaryAsync(ballot => ballot.IdeaId, cancellationToken);
        var resultsShown = state is SessionState.Closed or SessionState.Published && session.ResultsCountedAt is not null;
        var namedShown = state == SessionState.Published && session.BallotsPublic;
        var named = !namedShown ? [] : await (
                from ballot in db.Set<Ballot>().AsNoTracking()
                where ballot.SessionId == sessionId
                join user in db.Users on ballot.MemberId equals user.Id
                orderby user.DisplayName
                select new { ballot.IdeaId, user.DisplayName, ballot.Choice, ballot.Comment })
            .ToListAsync(cancellationToken);

        var ideas = ideaRows.Select((entry, index) =>
        {
            var ideaId = entry.Idea.Id;
            var recusedHere = recusals.Where(recusal => recusal.IdeaId == ideaId).ToList();
            var counted = entry.Counted;
            return new SessionIdeaView(
                ideaId, counted?.Position ?? index + 1, entry.Idea.Title, entry.Idea.Description, entry.Idea.State,
                // The experts' explanation, while the idea is still on the shortlist (publishing replaces it with the rationale).
                entry.Idea.State == IdeaState.Shortlisted ? entry.Idea.StateReason : null,
                entry.Idea.SupportCount, votedCounts.GetValueOrDefault(ideaId), members.Count - recusedHere.Count,
                mine.TryGetValue(ideaId, out var ballot) ? new MyBallot(ballot.Choice, ballot.Comment) : null,
                recusedHere.FirstOrDefault(recusal => recusal.MemberId == viewerId)?.Reason,
                resultsShown && counted?.Outcome is { } outcome ? new IdeaResult(outcome, new Tally(counted.Eligible, counted.For, counted.Against, counted.Abstain), counted.Rationale) : null,
                [.. named.Where(vote => vote.IdeaId == ideaId).Select(vote => new NamedBallot(vote.DisplayName, vote.Choice, vote.Comment))],
                // Who stood aside is part of the minutes once the session has closed; before, only the member knows their own.
                resultsShown ? [.. recusedHere.Select(recusal => new RecusalView(recusal.DisplayName, recusal.Reason))] : []);
        }).ToList();

        return new SessionDetails(session.Id, session.ProjectId, row.Slug, row.Title, state, session.OpensAt, CommissionRules.ClosedAt(session),
            session.QuorumPercent, session.DecisionRule, session.BallotsPublic, session.ChairId, row.ChairName, members, isMember,
            isMember && session.ChairId == viewerId, ideas, session.Version);
    }

    /// <summary>
    /// The session for its minutes: once published, for anyone; once closed and counted, for its chair and admins (who review and
    /// publish); never before the close.
    /// </summary>
    public async Task<SessionDetails?> ForMinutesAsync(int sessionId, string? viewerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<CommissionSession>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null || session.ResultsCountedAt is null)
        {
            return null;
        }
        var allowed = CommissionRules.StateAt(session, time.GetUtcNow().UtcDateTime) == SessionState.Published
            || (viewerId is not null && ((session.ChairId == viewerId && await access.HasRoleAsync(viewerId, Roles.CommissionMember, cancellationToken))
                || await access.HasRoleAsync(viewerId, Roles.Admin, cancellationToken)));
        return allowed ? await DetailsAsync(db, sessionId, null, false, cancellationToken) : null;
    }

    /// <summary>Whether a project has published results, for a link to them.</summary>
    public async Task<bool> HasResultsAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CommissionSession>().AnyAsync(session => session.ProjectId == projectId && session.PublishedAt != null, cancellationToken);
    }

    /// <summary>Users who hold the commission role now, for the session editor.</summary>
    public async Task<IReadOnlyList<MemberView>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var role = Roles.CommissionMember.ToUpperInvariant();
        return await (
                from grant in db.UserRoles
                where db.Roles.Any(candidate => candidate.Id == grant.RoleId && candidate.NormalizedName == role)
                join user in db.Users on grant.UserId equals user.Id
                orderby user.DisplayName
                select new MemberView(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A session as an admin edits it: the draft and the version it was read at.</summary>
    public async Task<(SessionDraft Draft, int Version)?> DraftAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<CommissionSession>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var members = await db.Set<SessionMember>().Where(member => member.SessionId == sessionId).Select(member => member.UserId).ToListAsync(cancellationToken);
        return (new SessionDraft(session.ProjectId, members, session.ChairId, session.OpensAt, session.ClosesAt, session.QuorumPercent, session.DecisionRule,
            session.BallotsPublic), session.Version);
    }
}
