using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Commission;

/// <summary>
/// The demo's commission: a published session on the culture project whose ballots approved its 46 selected ideas (the tallies are
/// counted by the app's own rules, and the seeding fails loudly if they would not give the ideas' states), and a scheduled session
/// for the housing project's shortlist. Seeded once, into a database without sessions.
/// </summary>
public sealed class DemoCommission(IDbContextFactory<AppDbContext> dbFactory, ILogger<DemoCommission> logger) : IDemoDataSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<CommissionSession>().AnyAsync(cancellationToken))
        {
            return;
        }
        var emails = DemoAccounts.All.Where(account => account.Role == Infrastructure.Security.Roles.CommissionMember).Concat(DemoAccounts.CommissionMembers)
            .Select(account => account.Email.ToUpperInvariant()).ToList();
        var members = await db.Users.Where(user => emails.Contains(user.NormalizedEmail!)).OrderBy(user => user.Email).Select(user => new { user.Id, user.NormalizedEmail })
            .ToListAsync(cancellationToken);
        var culture = await ProjectAsync(db, DemoProjects.CultureSlug, cancellationToken);
        var housing = await ProjectAsync(db, DemoProjects.HousingSlug, cancellationToken);
        if (members.Count < 5 || culture is null || housing is null)
        {
            return;
        }
        var chairId = members.Single(member => member.NormalizedEmail == DemoAccounts.All.Single(account => account.Role == Infrastructure.Security.Roles.CommissionMember).Email.ToUpperInvariant()).Id;
        var memberIds = members.Select(member => member.Id).ToList();

        await PublishedCultureSessionAsync(db, culture, memberIds, chairId, cancellationToken);
        var commission = housing.Phases.Single(phase => phase.Kind == PhaseKind.Commission);
        var scheduled = new CommissionSession
        {
            ProjectId = housing.Id, ChairId = chairId, OpensAt = commission.StartsAt, ClosesAt = commission.EndsAt.AddDays(-1),
            CreatedAt = commission.StartsAt.AddDays(-30),
        };
        db.Add(scheduled);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(memberIds.Select(memberId => new SessionMember { SessionId = scheduled.Id, UserId = memberId }));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the demo commission sessions.");
    }

    private static async Task PublishedCultureSessionAsync(AppDbContext db, Project culture, List<string> memberIds, string chairId, CancellationToken cancellationToken)
    {
        var commission = culture.Phases.Single(phase => phase.Kind == PhaseKind.Commission);
        var session = new CommissionSession
        {
            ProjectId = culture.Id, ChairId = chairId, OpensAt = commission.StartsAt, ClosesAt = commission.EndsAt.AddDays(-2),
            CreatedAt = commission.StartsAt.AddDays(-14), IdeasFrozenAt = commission.StartsAt,
        };
        session.ResultsCountedAt = session.ClosesAt;
        session.PublishedAt = session.ClosesAt.AddDays(1);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(memberIds.Select(memberId => new SessionMember { SessionId = session.Id, UserId = memberId }));

        var decided = await db.Set<Idea>().Where(idea => idea.ProjectId == culture.Id && (idea.State == IdeaState.Selected || idea.State == IdeaState.NotSelected))
            .OrderByDescending(idea => idea.SupportCount).ThenBy(idea => idea.Id).ToListAsync(cancellationToken);
        foreach (var (idea, index) in decided.Select((idea, index) => (idea, index)))
        {
            var approved = idea.State == IdeaState.Selected;
            // Every seventh idea has a member standing aside; approved ideas gather mostly "for", the others mostly "against".
            var recused = index % 7 == 3 ? memberIds[index % memberIds.Count] : null;
            var voters = memberIds.Where(memberId => memberId != recused).ToList();
            var choices = voters.Select((_, position) => approved
                ? position == (index % voters.Count) ? (index % 2 == 0 ? BallotChoice.Against : BallotChoice.Abstain) : BallotChoice.For
                : position == (index % voters.Count) ? BallotChoice.For : position == ((index + 1) % voters.Count) ? BallotChoice.Abstain : BallotChoice.Against).ToList();
            var at = session.OpensAt.AddHours(2 + index % 48);
            db.AddRange(voters.Select((memberId, position) => new Ballot
            {
                SessionId = session.Id, IdeaId = idea.Id, MemberId = memberId, Choice = choices[position], CastAt = at.AddMinutes(position * 7),
            }));
            if (recused is not null)
            {
                db.Add(new Recusal
                {
                    SessionId = session.Id, IdeaId = idea.Id, MemberId = recused, RecusedAt = at,
                    Reason = "Works at the venue this idea concerns / работает в учреждении, которого касается идея",
                });
            }
            var tally = new Tally(voters.Count, choices.Count(choice => choice == BallotChoice.For), choices.Count(choice => choice == BallotChoice.Against),
                choices.Count(choice => choice == BallotChoice.Abstain));
            var outcome = CommissionRules.Outcome(tally, session.QuorumPercent, session.DecisionRule);
            if ((outcome == IdeaOutcome.Approved) != approved)
            {
                throw new InvalidOperationException($"The demo ballots for idea {idea.Id} would not give its state {idea.State}.");
            }
            db.Add(new SessionIdea
            {
                SessionId = session.Id, IdeaId = idea.Id, Position = index + 1, Outcome = outcome, For = tally.For, Against = tally.Against,
                Abstain = tally.Abstain, Eligible = tally.Eligible, Rationale = idea.StateReason,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<Project?> ProjectAsync(AppDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Set<Project>().Include(project => project.Phases).SingleOrDefaultAsync(project => project.Slug == slug, cancellationToken);
}
