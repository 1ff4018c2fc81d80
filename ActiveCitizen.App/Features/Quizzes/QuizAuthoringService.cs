using System.Security.Claims;
using System.Text.RegularExpressions;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

public sealed record CampaignDraft(string Slug, LocalizedText Title, LocalizedText Summary);

public sealed record StageDraft(LocalizedText Title, DateTime? OpensAt, DateTime? ClosesAt, int SecondsPerQuestion, EntryRule EntryRule, int EntryMinScore);

public sealed record OptionDraft(LocalizedText Text, bool IsCorrect);

public sealed record QuestionDraft(QuestionKind Kind, LocalizedText Text, LocalizedText Explanation, string? Image, IReadOnlyList<OptionDraft> Options);

public enum AuthoringStatus
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
    SignInRequired,

    /// <summary>The stage has opened (or someone has played it): its questions are what residents answered and stay as they are.</summary>
    StageStarted,

    /// <summary>Another admin changed or removed the same thing a moment ago: nothing was saved.</summary>
    Stale,
}

public sealed record AuthoringResult(AuthoringStatus Status, IReadOnlyList<FieldError>? Errors = null, int Id = 0);

/// <summary>What an import did: how many rows it added, every row it refused and why, or why it refused the whole file.</summary>
public sealed record ImportReport(AuthoringStatus Status, int Imported, IReadOnlyList<RejectedRow> Rejected, FieldError? Problem = null);

/// <summary>
/// Authoring quizzes, for admins only (checked in the database on every call): campaigns, stages and their questions (typed in, or
/// imported from CSV with a report of every row refused and why), pictures, extra time for residents who need it, and the review of
/// attempts flagged for implausible speed. A stage's questions are frozen from its opening: they are what residents answered.
/// </summary>
public sealed partial class QuizAuthoringService(
    IDbContextFactory<AppDbContext> dbFactory, UserAccess access, QuizContentCache content, LeaderboardTicker leaderboards, ILiveEvents liveEvents,
    TimeProvider time, IWebHostEnvironment environment)
{
    public const string SlugField = "Slug";
    public const string TitleField = "Title";
    public const string SummaryField = "Summary";
    public const string OpensField = "OpensAt";
    public const string ClosesField = "ClosesAt";
    public const string SecondsField = "SecondsPerQuestion";
    public const string MinScoreField = "EntryMinScore";
    public const string TextField = "Text";
    public const string ExplanationField = "Explanation";
    public const string OptionsField = "Options";
    public const string ImageField = "Image";
    public const string KindField = "Kind";
    public const string FileField = "File";
    public const string MultiplierField = "Multiplier";
    public const string EmailField = "Email";
    public const string ReasonField = "Reason";

    /// <summary>Where uploaded pictures are kept (outside wwwroot, served by <see cref="QuizzesModule"/>) and the URL prefix they are served under.</summary>
    public const string UploadedImagePrefix = "/quiz-images/";

    public const int CsvMaxBytes = 1024 * 1024;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public string ImageDirectory => Path.Combine(environment.ContentRootPath, "App_Data", "quiz-images");

    public async Task<AuthoringResult> SaveCampaignAsync(ClaimsPrincipal principal, int? campaignId, CampaignDraft draft, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slug = draft.Slug.Trim().ToLowerInvariant();
        var errors = new List<FieldError>();
        if (!SlugFormat().IsMatch(slug) || slug.Length is < 3 or > QuizLimits.SlugMaxLength)
        {
            errors.Add(new(SlugField, "Validation.SlugFormat", 3, QuizLimits.SlugMaxLength));
        }
        else if (await db.Set<QuizCampaign>().AnyAsync(campaign => campaign.Slug == slug && campaign.Id != campaignId, cancellationToken))
        {
            errors.Add(new(SlugField, "Validation.QuizSlugTaken"));
        }
        BilingualText.RequireBoth(errors, TitleField, draft.Title, QuizLimits.TitleMaxLength);
        BilingualText.RequireBoth(errors, SummaryField, draft.Summary, QuizLimits.SummaryMaxLength);
        if (errors.Count > 0)
        {
            return new AuthoringResult(AuthoringStatus.Invalid, errors);
        }
        var campaign = campaignId is { } id ? await db.Set<QuizCampaign>().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken) : null;
        if (campaignId is not null && campaign is null)
        {
            return new AuthoringResult(AuthoringStatus.NotFound);
        }
        if (campaign is null)
        {
            campaign = new QuizCampaign { CreatedAt = Now };
            db.Add(campaign);
        }
        (campaign.Slug, campaign.Title, campaign.Summary) = (slug, BilingualText.Trimmed(draft.Title), BilingualText.Trimmed(draft.Summary));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin took the address a moment ago: the unique index decided.
            return new AuthoringResult(AuthoringStatus.Invalid, [new(SlugField, "Validation.QuizSlugTaken")]);
        }
        Changed(campaign.Id);
        return new AuthoringResult(AuthoringStatus.Done, Id: campaign.Id);
    }

    public async Task<AuthoringResult> SaveStageAsync(
        ClaimsPrincipal principal, int campaignId, int? stageId, StageDraft draft, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<QuizCampaign>().AnyAsync(campaign => campaign.Id == campaignId, cancellationToken))
        {
            return new AuthoringResult(AuthoringStatus.NotFound);
        }
        var stage = stageId is { } id ? await db.Set<QuizStage>().SingleOrDefaultAsync(candidate => candidate.Id == id && candidate.CampaignId == campaignId, cancellationToken) : null;
        if (stageId is not null && stage is null)
        {
            return new AuthoringResult(AuthoringStatus.NotFound);
        }
        if (stage?.ResultsPublishedAt is not null
            || await db.Set<QuizCampaign>().AnyAsync(campaign => campaign.Id == campaignId && campaign.ResultsPublishedAt != null, cancellationToken))
        {
            // Published results are final: their stage cannot reopen, and a finished campaign takes no new stage.
            return new AuthoringResult(AuthoringStatus.Invalid, [new(ClosesField, "Validation.QuizResultsPublishedFrozen")]);
        }
        var now = Now;
        var started = stage is not null && (stage.OpensAt <= now || await db.Set<QuizAttempt>().AnyAsync(attempt => attempt.StageId == stage.Id, cancellationToken));
        var errors = new List<FieldError>();
        BilingualText.RequireBoth(errors, TitleField, draft.Title, QuizLimits.TitleMaxLength);
        if (draft.OpensAt is not { } opensAt)
        {
            errors.Add(new(OpensField, "Validation.QuizTimeRequired"));
        }
        else if (started && opensAt != stage!.OpensAt)
        {
            errors.Add(new(OpensField, "Validation.QuizStageStartedTimes"));
        }
        else if (!started && opensAt <= now)
        {
            errors.Add(new(OpensField, "Validation.QuizOpensInFuture"));
        }
        if (draft.ClosesAt is not { } closesAt)
        {
            errors.Add(new(ClosesField, "Validation.QuizTimeRequired"));
        }
        else if (draft.OpensAt is { } opening && closesAt <= opening)
        {
            errors.Add(new(ClosesField, "Validation.QuizClosesAfterOpening"));
        }
        else if (closesAt <= now && (stage is null || closesAt != stage.ClosesAt))
        {
            errors.Add(new(ClosesField, "Validation.QuizClosesInFuture"));
        }
        if (draft.SecondsPerQuestion is < QuizLimits.MinSecondsPerQuestion or > QuizLimits.MaxSecondsPerQuestion)
        {
            errors.Add(new(SecondsField, "Validation.QuizSeconds", QuizLimits.MinSecondsPerQuestion, QuizLimits.MaxSecondsPerQuestion));
        }
        else if (started && draft.SecondsPerQuestion != stage!.SecondsPerQuestion)
        {
            errors.Add(new(SecondsField, "Validation.QuizStageStartedRules"));
        }
        if (!Enum.IsDefined(draft.EntryRule) || (draft.EntryRule == EntryRule.PreviousMinScore && draft.EntryMinScore is < 1 or > QuizLimits.MaxPoints * QuizLimits.MaxQuestionsPerStage))
        {
            errors.Add(new(MinScoreField, "Validation.QuizMinScore", QuizLimits.MaxPoints * QuizLimits.MaxQuestionsPerStage));
        }
        else if (started && (draft.EntryRule != stage!.EntryRule || draft.EntryMinScore != stage.EntryMinScore))
        {
            errors.Add(new(MinScoreField, "Validation.QuizStageStartedRules"));
        }
        if (errors.Count > 0)
        {
            return new AuthoringResult(AuthoringStatus.Invalid, errors);
        }
        if (stage is null)
        {
            var number = await db.Set<QuizStage>().Where(other => other.CampaignId == campaignId).MaxAsync(other => (int?)other.Number, cancellationToken) ?? 0;
            stage = new QuizStage { CampaignId = campaignId, Number = number + 1 };
            db.Add(stage);
        }
        stage.Title = BilingualText.Trimmed(draft.Title);
        stage.OpensAt = draft.OpensAt!.Value;
        stage.ClosesAt = draft.ClosesAt!.Value;
        stage.SecondsPerQuestion = draft.SecondsPerQuestion;
        // The first stage has nothing before it to require.
        stage.EntryRule = stage.Number == 1 ? EntryRule.Open : draft.EntryRule;
        stage.EntryMinScore = stage.EntryRule == EntryRule.PreviousMinScore ? draft.EntryMinScore : 0;
        stage.Version++;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return new AuthoringResult(AuthoringStatus.Stale);
        }
        content.Forget(stage.Id);
        Changed(campaignId);
        return new AuthoringResult(AuthoringStatus.Done, Id: stage.Id);
    }

    public async Task<AuthoringResult> SaveQuestionAsync(
        ClaimsPrincipal principal, int stageId, int? questionId, QuestionDraft draft, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        var errors = ValidateQuestion(draft);
        if (errors.Count > 0)
        {
            return new AuthoringResult(AuthoringStatus.Invalid, errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await EditableStageAsync(db, stageId, cancellationToken) is { } stageRefusal)
        {
            return new AuthoringResult(stageRefusal);
        }
        QuizQuestion? question;
        if (questionId is { } id)
        {
            question = await db.Set<QuizQuestion>().Include(candidate => candidate.Options).SingleOrDefaultAsync(candidate => candidate.Id == id && candidate.StageId == stageId, cancellationToken);
            if (question is null)
            {
                return new AuthoringResult(AuthoringStatus.NotFound);
            }
            db.RemoveRange(question.Options);
        }
        else
        {
            if (await db.Set<QuizQuestion>().CountAsync(candidate => candidate.StageId == stageId, cancellationToken) >= QuizLimits.MaxQuestionsPerStage)
            {
                return new AuthoringResult(AuthoringStatus.Invalid, [new(TextField, "Validation.QuizTooManyQuestions", QuizLimits.MaxQuestionsPerStage)]);
            }
            var position = await db.Set<QuizQuestion>().Where(candidate => candidate.StageId == stageId).MaxAsync(candidate => (int?)candidate.Position, cancellationToken) ?? 0;
            question = new QuizQuestion { StageId = stageId, Position = position + 1 };
            db.Add(question);
        }
        Apply(question, draft);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return new AuthoringResult(AuthoringStatus.Stale);
        }
        content.Forget(stageId);
        await ChangedStageAsync(db, stageId, cancellationToken);
        return new AuthoringResult(AuthoringStatus.Done, Id: question.Id);
    }

    public async Task<AuthoringResult> DeleteQuestionAsync(ClaimsPrincipal principal, int questionId, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (question, questionRefusal) = await EditableQuestionAsync(db, questionId, cancellationToken);
        if (question is null)
        {
            return new AuthoringResult(questionRefusal!.Value);
        }
        db.Remove(question);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return new AuthoringResult(AuthoringStatus.Stale);
        }
        content.Forget(question.StageId);
        await ChangedStageAsync(db, question.StageId, cancellationToken);
        return new AuthoringResult(AuthoringStatus.Done);
    }

    /// <summary>Moves a question one place up (<paramref name="delta"/> −1) or down (+1) in its stage.</summary>
    public async Task<AuthoringResult> MoveQuestionAsync(ClaimsPrincipal principal, int questionId, int delta, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (question, questionRefusal) = await EditableQuestionAsync(db, questionId, cancellationToken);
        if (question is null)
        {
            return new AuthoringResult(questionRefusal!.Value);
        }
        var ordered = await db.Set<QuizQuestion>().Where(candidate => candidate.StageId == question.StageId)
            .OrderBy(candidate => candidate.Position).ThenBy(candidate => candidate.Id).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(candidate => candidate.Id == questionId);
        var target = Math.Clamp(index + Math.Sign(delta), 0, ordered.Count - 1);
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var position = 0; position < ordered.Count; position++)
        {
            ordered[position].Position = position + 1;
        }
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return new AuthoringResult(AuthoringStatus.Stale);
        }
        content.Forget(question.StageId);
        await ChangedStageAsync(db, question.StageId, cancellationToken);
        return new AuthoringResult(AuthoringStatus.Done);
    }

    /// <summary>
    /// Imports questions from CSV (the columns are <see cref="QuizCsvColumns"/>'s). Every row is checked as the question editor checks it; good
    /// rows are added after the stage's questions, refused ones are reported with their line and every reason, and add nothing.
    /// </summary>
    public async Task<ImportReport> ImportQuestionsAsync(ClaimsPrincipal principal, int stageId, string csv, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new ImportReport(refusal, 0, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await EditableStageAsync(db, stageId, cancellationToken) is { } stageRefusal)
        {
            return new ImportReport(stageRefusal, 0, []);
        }
        if (CsvFile.TryRead(csv, CsvMaxBytes, FileField, out var records) is { } unreadable)
        {
            return new ImportReport(AuthoringStatus.Invalid, 0, [], unreadable);
        }
        if (records.Count == 0)
        {
            return new ImportReport(AuthoringStatus.Invalid, 0, [], new(FileField, "Validation.QuizCsvEmpty"));
        }
        var header = records[0].Fields.Select(name => name.Trim().ToLowerInvariant()).ToList();
        var missing = QuizCsvColumns.Required.Where(column => !header.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            return new ImportReport(AuthoringStatus.Invalid, 0, [], new(FileField, "Validation.QuizCsvHeader"));
        }
        var existing = await db.Set<QuizQuestion>().Where(question => question.StageId == stageId).Select(question => question.Position).ToListAsync(cancellationToken);
        var position = existing.Count == 0 ? 0 : existing.Max();
        var room = QuizLimits.MaxQuestionsPerStage - existing.Count;
        var rejected = new List<RejectedRow>();
        var imported = 0;
        foreach (var record in records.Skip(1))
        {
            var (draft, errors) = QuizCsvColumns.Read(header, record.Fields);
            if (draft is not null)
            {
                errors.AddRange(ValidateQuestion(draft));
            }
            if (errors.Count == 0 && imported >= room)
            {
                errors.Add(new(TextField, "Validation.QuizTooManyQuestions", QuizLimits.MaxQuestionsPerStage));
            }
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedRow(record.Line, errors));
                continue;
            }
            var question = new QuizQuestion { StageId = stageId, Position = ++position };
            Apply(question, draft!);
            db.Add(question);
            imported++;
        }
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return new ImportReport(AuthoringStatus.Stale, 0, []);
        }
        content.Forget(stageId);
        await ChangedStageAsync(db, stageId, cancellationToken);
        return new ImportReport(AuthoringStatus.Done, imported, rejected);
    }

    /// <summary>Keeps an uploaded picture (PNG, JPEG, WebP or GIF, recognised by its bytes, not its name) and returns its address.</summary>
    public async Task<(AuthoringStatus Status, string? Path, FieldError? Error)> UploadImageAsync(
        ClaimsPrincipal principal, Stream stream, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return (refusal, null, null);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > QuizLimits.ImageMaxBytes)
            {
                return (AuthoringStatus.Invalid, null, new(ImageField, "Validation.QuizImageTooLarge", QuizLimits.ImageMaxBytes / 1024 / 1024));
            }
            buffer.Write(chunk, 0, read);
        }
        if (QuizImages.ExtensionOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } extension)
        {
            return (AuthoringStatus.Invalid, null, new(ImageField, "Validation.QuizImageType"));
        }
        Directory.CreateDirectory(ImageDirectory);
        var name = $"{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(ImageDirectory, name), buffer.ToArray(), cancellationToken);
        return (AuthoringStatus.Done, UploadedImagePrefix + name, null);
    }

    public async Task<AuthoringResult> GrantExtraTimeAsync(ClaimsPrincipal principal, string email, double multiplier, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        var errors = new List<FieldError>();
        if (double.IsNaN(multiplier) || multiplier < QuizLimits.MinTimeMultiplier || multiplier > QuizLimits.MaxTimeMultiplier)
        {
            errors.Add(new(MultiplierField, "Validation.QuizMultiplier", QuizLimits.MinTimeMultiplier, QuizLimits.MaxTimeMultiplier));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var userId = await db.Users.Where(user => user.NormalizedEmail == normalized).Select(user => user.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            errors.Add(new(EmailField, "Validation.QuizNoSuchResident"));
        }
        if (errors.Count > 0)
        {
            return new AuthoringResult(AuthoringStatus.Invalid, errors);
        }
        var admin = await ActorAsync(db, principal, cancellationToken);
        var existing = await db.Set<QuizAccommodation>().SingleOrDefaultAsync(accommodation => accommodation.UserId == userId, cancellationToken);
        var before = existing?.TimeMultiplier;
        if (existing is null)
        {
            db.Add(new QuizAccommodation { UserId = userId!, TimeMultiplier = multiplier, GrantedBy = admin.Id, GrantedAt = Now });
        }
        else
        {
            (existing.TimeMultiplier, existing.GrantedBy, existing.GrantedAt) = (multiplier, admin.Id, Now);
        }
        AuditTrail.Record(db, Now, admin, AuditActions.QuizExtraTime, $"user:{userId}", null, before is null ? null : new { multiplier = before }, new { multiplier });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two admins granted at once: the first grant stands; this one is asked to look again.
            return new AuthoringResult(AuthoringStatus.Invalid, [new(EmailField, "Validation.QuizGrantRaced")]);
        }
        return new AuthoringResult(AuthoringStatus.Done);
    }

    public async Task<AuthoringResult> RevokeExtraTimeAsync(ClaimsPrincipal principal, string userId, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<QuizAccommodation>().SingleOrDefaultAsync(accommodation => accommodation.UserId == userId, cancellationToken);
        if (existing is null)
        {
            return new AuthoringResult(AuthoringStatus.NotFound);
        }
        db.Remove(existing);
        AuditTrail.Record(db, Now, await ActorAsync(db, principal, cancellationToken), AuditActions.QuizExtraTime, $"user:{userId}", null,
            new { multiplier = existing.TimeMultiplier }, null);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthoringResult(AuthoringStatus.Done);
    }

    /// <summary>
    /// Decides a flagged attempt: fair (it stays on the leaderboards and may win prizes) or not (it leaves the stage's leaderboard and
    /// the resident leaves the campaign's). Decided once; the decision is audited.
    /// </summary>
    public async Task<AuthoringResult> ReviewAsync(ClaimsPrincipal principal, long attemptId, bool fair, string? reason, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        var tidy = reason?.Trim() ?? "";
        if (!fair && tidy.Length is < QuizLimits.ReviewReasonMinLength or > QuizLimits.ReviewReasonMaxLength)
        {
            // A disqualification takes a resident's place and prizes away: the audit trail says why.
            return new AuthoringResult(AuthoringStatus.Invalid, [new(ReasonField, "Validation.QuizReviewReason", QuizLimits.ReviewReasonMinLength, QuizLimits.ReviewReasonMaxLength)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admin = await ActorAsync(db, principal, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attempt = await db.Set<QuizAttempt>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == attemptId, cancellationToken);
        if (attempt is null)
        {
            return new AuthoringResult(AuthoringStatus.NotFound);
        }
        var stageClosed = await db.Set<QuizStage>().AnyAsync(stage => stage.Id == attempt.StageId && stage.ClosesAt <= Now, cancellationToken);
        if (attempt.FinishedAt is null && !stageClosed)
        {
            // Judged with every answer until it ends: a verdict now would let the rest of the attempt go unchecked.
            return new AuthoringResult(AuthoringStatus.Invalid, [new("FairPlay", "Validation.QuizStillPlaying")]);
        }
        var decided = await db.Set<QuizAttempt>().Where(candidate => candidate.Id == attemptId && candidate.FairPlay == FairPlay.Flagged)
            .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.FairPlay, fair ? FairPlay.Cleared : FairPlay.Disqualified), cancellationToken);
        if (decided == 0)
        {
            return new AuthoringResult(AuthoringStatus.Invalid, [new("FairPlay", "Validation.QuizAlreadyReviewed")]);
        }
        if (!fair)
        {
            // Caught in one stage, out of the campaign's ranking as a whole.
            await db.Set<QuizCampaignScore>().Where(score => score.CampaignId == attempt.CampaignId && score.UserId == attempt.UserId)
                .ExecuteUpdateAsync(set => set.SetProperty(score => score.Excluded, true), cancellationToken);
        }
        AuditTrail.Record(db, Now, admin, fair ? AuditActions.QuizAttemptCleared : AuditActions.QuizAttemptDisqualified, $"quiz-attempt:{attemptId}", tidy,
            new { fairPlay = nameof(FairPlay.Flagged) }, new { fairPlay = fair ? nameof(FairPlay.Cleared) : nameof(FairPlay.Disqualified), attempt.Score });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        leaderboards.Changed(attempt.CampaignId, attempt.StageId);
        return new AuthoringResult(AuthoringStatus.Done);
    }

    /// <summary>
    /// Publishes a closed stage's results (<paramref name="stageId"/>) or, with <paramref name="campaignId"/>, a campaign's whose stages
    /// have all closed. From then the leaderboard is final and prizes may be issued for it. Published once.
    /// </summary>
    public async Task<AuthoringResult> PublishResultsAsync(ClaimsPrincipal principal, int? stageId, int? campaignId, CancellationToken cancellationToken = default)
    {
        if (await AdminAsync(principal, cancellationToken) is { } refusal)
        {
            return new AuthoringResult(refusal);
        }
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        int changed;
        int affectedCampaign;
        if (stageId is { } stage)
        {
            var row = await db.Set<QuizStage>().AsNoTracking().Where(candidate => candidate.Id == stage).Select(candidate => new { candidate.CampaignId, candidate.ClosesAt })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return new AuthoringResult(AuthoringStatus.NotFound);
            }
            if (row.ClosesAt > now)
            {
                return new AuthoringResult(AuthoringStatus.Invalid, [new("Results", "Validation.QuizResultsBeforeClose")]);
            }
            if (await NotFinalAsync(db, attempt => attempt.StageId == stage, cancellationToken) is { } notFinal)
            {
                return new AuthoringResult(AuthoringStatus.Invalid, [notFinal]);
            }
            affectedCampaign = row.CampaignId;
            changed = await db.Set<QuizStage>().Where(candidate => candidate.Id == stage && candidate.ResultsPublishedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.ResultsPublishedAt, now), cancellationToken);
        }
        else if (campaignId is { } campaign)
        {
            var closes = await db.Set<QuizStage>().Where(candidate => candidate.CampaignId == campaign).Select(candidate => candidate.ClosesAt).ToListAsync(cancellationToken);
            if (!await db.Set<QuizCampaign>().AnyAsync(candidate => candidate.Id == campaign, cancellationToken))
            {
                return new AuthoringResult(AuthoringStatus.NotFound);
            }
            if (closes.Count == 0 || closes.Any(closesAt => closesAt > now))
            {
                return new AuthoringResult(AuthoringStatus.Invalid, [new("Results", "Validation.QuizResultsBeforeClose")]);
            }
            if (await NotFinalAsync(db, attempt => attempt.CampaignId == campaign, cancellationToken) is { } notFinal)
            {
                return new AuthoringResult(AuthoringStatus.Invalid, [notFinal]);
            }
            affectedCampaign = campaign;
            changed = await db.Set<QuizCampaign>().Where(candidate => candidate.Id == campaign && candidate.ResultsPublishedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.ResultsPublishedAt, now), cancellationToken);
        }
        else
        {
            return new AuthoringResult(AuthoringStatus.NotFound);
        }
        if (changed > 0)
        {
            Changed(affectedCampaign);
            liveEvents.Publish(QuizTopics.Results, new QuizResultsPublished(affectedCampaign, stageId));
        }
        return new AuthoringResult(changed > 0 ? AuthoringStatus.Done : AuthoringStatus.Invalid,
            changed > 0 ? null : [new("Results", "Validation.QuizResultsAlreadyPublished")]);
    }

    /// <summary>
    /// Why a leaderboard is not final yet, if it is not: a question still waiting for its answer or its clock (answers are taken until
    /// each question's own deadline, past the stage's close), or an attempt still flagged (its place must be decided before prizes).
    /// </summary>
    private static async Task<FieldError?> NotFinalAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<QuizAttempt, bool>> scope, CancellationToken cancellationToken)
    {
        var attempts = db.Set<QuizAttempt>().Where(scope);
        if (await db.Set<QuizAnswer>().AnyAsync(answer => answer.Outcome == AnswerOutcome.Pending && attempts.Any(attempt => attempt.Id == answer.AttemptId), cancellationToken))
        {
            return new("Results", "Validation.QuizResultsPending");
        }
        return await attempts.AnyAsync(attempt => attempt.FairPlay == FairPlay.Flagged, cancellationToken) ? new("Results", "Validation.QuizResultsFlagged") : null;
    }

    public static List<FieldError> ValidateQuestion(QuestionDraft draft)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(draft.Kind))
        {
            errors.Add(new(KindField, "Validation.QuizKind"));
        }
        BilingualText.RequireBoth(errors, TextField, draft.Text, QuizLimits.QuestionMaxLength);
        BilingualText.RequireBoth(errors, ExplanationField, draft.Explanation, QuizLimits.ExplanationMaxLength);
        if (draft.Options.Count is < QuizLimits.MinOptions or > QuizLimits.MaxOptions)
        {
            errors.Add(new(OptionsField, "Validation.QuizOptionCount", QuizLimits.MinOptions, QuizLimits.MaxOptions));
        }
        foreach (var option in draft.Options)
        {
            BilingualText.RequireBoth(errors, OptionsField, option.Text, QuizLimits.OptionMaxLength);
        }
        var correct = draft.Options.Count(option => option.IsCorrect);
        if (draft.Kind == QuestionKind.SingleChoice && correct != 1)
        {
            errors.Add(new(OptionsField, "Validation.QuizSingleCorrect"));
        }
        else if (draft.Kind == QuestionKind.MultipleChoice && (correct < 1 || correct == draft.Options.Count))
        {
            errors.Add(new(OptionsField, "Validation.QuizMultipleCorrect"));
        }
        if (draft.Options.Select(option => option.Text.En.Trim().ToLowerInvariant()).Distinct().Count() != draft.Options.Count)
        {
            errors.Add(new(OptionsField, "Validation.QuizOptionsDistinct"));
        }
        if (draft.Image is { Length: > 0 } image && !QuizImages.IsKnownPath(image))
        {
            errors.Add(new(ImageField, "Validation.QuizImagePath"));
        }
        return [.. errors.DistinctBy(error => (error.Field, error.MessageKey))];
    }

    private static void Apply(QuizQuestion question, QuestionDraft draft)
    {
        question.Kind = draft.Kind;
        question.Text = BilingualText.Trimmed(draft.Text);
        question.Explanation = BilingualText.Trimmed(draft.Explanation);
        question.Image = string.IsNullOrWhiteSpace(draft.Image) ? null : draft.Image.Trim();
        question.Options = [.. draft.Options.Select((option, index) => new QuizOption { Position = index + 1, Text = BilingualText.Trimmed(option.Text), IsCorrect = option.IsCorrect })];
    }

    /// <summary>
    /// Saves; false when another admin changed or removed the same rows a moment ago (a concurrency token, a unique stage number, a
    /// question deleted meanwhile). Nothing of this save stands then, and the admin is asked to look again.
    /// </summary>
    private static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>The question, tracked, if it exists and its stage's questions may still change; otherwise why not.</summary>
    private async Task<(QuizQuestion? Question, AuthoringStatus? Refusal)> EditableQuestionAsync(AppDbContext db, int questionId, CancellationToken cancellationToken)
    {
        var question = await db.Set<QuizQuestion>().SingleOrDefaultAsync(candidate => candidate.Id == questionId, cancellationToken);
        return question is null ? (null, AuthoringStatus.NotFound)
            : await EditableStageAsync(db, question.StageId, cancellationToken) is { } refusal ? (null, refusal)
            : (question, null);
    }

    /// <summary>Null when the stage's questions may change; otherwise why not.</summary>
    private async Task<AuthoringStatus?> EditableStageAsync(AppDbContext db, int stageId, CancellationToken cancellationToken)
    {
        var stage = await db.Set<QuizStage>().AsNoTracking().Where(candidate => candidate.Id == stageId).Select(candidate => new { candidate.OpensAt }).SingleOrDefaultAsync(cancellationToken);
        if (stage is null)
        {
            return AuthoringStatus.NotFound;
        }
        return stage.OpensAt <= Now || await db.Set<QuizAttempt>().AnyAsync(attempt => attempt.StageId == stageId, cancellationToken) ? AuthoringStatus.StageStarted : null;
    }

    private async Task ChangedStageAsync(AppDbContext db, int stageId, CancellationToken cancellationToken) =>
        Changed(await db.Set<QuizStage>().Where(stage => stage.Id == stageId).Select(stage => stage.CampaignId).SingleAsync(cancellationToken));

    private void Changed(int campaignId) => liveEvents.Publish(QuizTopics.Catalog, new QuizCatalogChanged(campaignId));

    private static async Task<(string Id, string Name)> ActorAsync(AppDbContext db, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var id = UserAccess.UserIdOf(principal)!;
        return (id, await db.Users.Where(user => user.Id == id).Select(user => user.DisplayName).SingleAsync(cancellationToken));
    }

    private async Task<AuthoringStatus?> AdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        UserAccess.UserIdOf(principal) is null ? AuthoringStatus.SignInRequired
        : !await access.HasRoleAsync(principal, Roles.Admin, cancellationToken) ? AuthoringStatus.Forbidden
        : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugFormat();
}
