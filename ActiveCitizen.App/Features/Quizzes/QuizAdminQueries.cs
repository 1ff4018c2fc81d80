using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

public sealed record AdminCampaignCard(int Id, string Slug, LocalizedText Title, int Stages, int Questions, int Attempts, int Flagged);

public sealed record AdminQuestion(int Id, int Position, QuestionKind Kind, LocalizedText Text, LocalizedText Explanation, string? Image, IReadOnlyList<QuizOption> Options);

public sealed record AdminStage(
    int Id, int Number, LocalizedText Title, DateTime OpensAt, DateTime ClosesAt, int SecondsPerQuestion, EntryRule EntryRule, int EntryMinScore, int Attempts,
    bool Editable, IReadOnlyList<AdminQuestion> Questions);

public sealed record AdminCampaign(int Id, string Slug, LocalizedText Title, LocalizedText Summary, IReadOnlyList<AdminStage> Stages);

public sealed record FlaggedAttempt(
    long Id, string CampaignSlug, int StageNumber, LocalizedText StageTitle, string ResidentName, string ResidentEmail, int Score, int Correct, int QuestionCount,
    DateTime? FinishedAt, IReadOnlyList<int> CorrectAnswerMs);

public sealed record ExtraTime(string UserId, string Name, string Email, double Multiplier, DateTime GrantedAt);

/// <summary>
/// What the authoring pages read: campaigns with everything in them (the right answers of stages not yet open among them), flags and
/// residents' e-mail addresses. So each read checks in the database that the reader is still an admin, as the services do.
/// </summary>
public sealed class QuizAdminQueries(IDbContextFactory<AppDbContext> dbFactory, UserAccess access, TimeProvider time)
{
    private Task<bool> AdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) => access.HasRoleAsync(principal, Roles.Admin, cancellationToken);

    public async Task<IReadOnlyList<AdminCampaignCard>> CampaignsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!await AdminAsync(principal, cancellationToken))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizCampaign>().AsNoTracking().OrderByDescending(campaign => campaign.CreatedAt)
            .Select(campaign => new AdminCampaignCard(campaign.Id, campaign.Slug, campaign.Title, campaign.Stages.Count,
                campaign.Stages.SelectMany(stage => stage.Questions).Count(),
                db.Set<QuizAttempt>().Count(attempt => attempt.CampaignId == campaign.Id),
                db.Set<QuizAttempt>().Count(attempt => attempt.CampaignId == campaign.Id && attempt.FairPlay == FairPlay.Flagged)))
            .ToListAsync(cancellationToken);
    }

    public async Task<AdminCampaign?> CampaignAsync(ClaimsPrincipal principal, int campaignId, CancellationToken cancellationToken = default)
    {
        if (!await AdminAsync(principal, cancellationToken))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Set<QuizCampaign>().AsNoTracking().Include(candidate => candidate.Stages).ThenInclude(stage => stage.Questions)
            .ThenInclude(question => question.Options).AsSplitQuery().SingleOrDefaultAsync(candidate => candidate.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }
        var attempts = await db.Set<QuizAttempt>().Where(attempt => attempt.CampaignId == campaignId).GroupBy(attempt => attempt.StageId)
            .Select(group => new { group.Key, Count = group.Count() }).ToDictionaryAsync(group => group.Key, group => group.Count, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return new AdminCampaign(campaign.Id, campaign.Slug, campaign.Title, campaign.Summary, [.. campaign.Stages.OrderBy(stage => stage.Number).Select(stage =>
        {
            var played = attempts.GetValueOrDefault(stage.Id);
            return new AdminStage(stage.Id, stage.Number, stage.Title, stage.OpensAt, stage.ClosesAt, stage.SecondsPerQuestion, stage.EntryRule, stage.EntryMinScore,
                played, stage.OpensAt > now && played == 0,
                [.. stage.Questions.OrderBy(question => question.Position).ThenBy(question => question.Id).Select(question => new AdminQuestion(question.Id,
                    question.Position, question.Kind, question.Text, question.Explanation, question.Image, [.. question.Options.OrderBy(option => option.Position)]))]);
        })]);
    }

    public async Task<IReadOnlyList<FlaggedAttempt>> FlaggedAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!await AdminAsync(principal, cancellationToken))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from attempt in db.Set<QuizAttempt>().AsNoTracking()
                where attempt.FairPlay == FairPlay.Flagged
                join stage in db.Set<QuizStage>() on attempt.StageId equals stage.Id
                join campaign in db.Set<QuizCampaign>() on stage.CampaignId equals campaign.Id
                join user in db.Users on attempt.UserId equals user.Id
                orderby attempt.FinishedAt == null, attempt.FinishedAt
                select new { attempt.Id, campaign.Slug, stage.Number, stage.Title, user.DisplayName, user.Email, attempt.Score, attempt.Correct, attempt.QuestionCount, attempt.FinishedAt })
            .Take(200).ToListAsync(cancellationToken);
        var ids = rows.Select(row => row.Id).ToList();
        var timings = await db.Set<QuizAnswer>().Where(answer => ids.Contains(answer.AttemptId) && answer.Outcome == AnswerOutcome.Correct)
            .OrderBy(answer => answer.Position).Select(answer => new { answer.AttemptId, answer.ElapsedMs }).ToListAsync(cancellationToken);
        return [.. rows.Select(row => new FlaggedAttempt(row.Id, row.Slug, row.Number, row.Title, row.DisplayName, row.Email ?? "", row.Score, row.Correct,
            row.QuestionCount, row.FinishedAt, [.. timings.Where(timing => timing.AttemptId == row.Id).Select(timing => timing.ElapsedMs)]))];
    }

    public async Task<IReadOnlyList<ExtraTime>> ExtraTimeAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!await AdminAsync(principal, cancellationToken))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from accommodation in db.Set<QuizAccommodation>().AsNoTracking()
                join user in db.Users on accommodation.UserId equals user.Id
                orderby user.DisplayName
                select new ExtraTime(user.Id, user.DisplayName, user.Email ?? "", accommodation.TimeMultiplier, accommodation.GrantedAt))
            .ToListAsync(cancellationToken);
    }
}
