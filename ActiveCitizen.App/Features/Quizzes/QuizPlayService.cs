using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

public enum PlayStatus
{
    Done,
    SignInRequired,
    NotFound,
    NotOpenYet,
    Closed,
    Locked,
    Finished,
    NotServed,
    AlreadyAnswered,
    TooLate,
    Invalid,
}

/// <summary>A question as the resident sees it: options in this attempt's order, no word of which are right.</summary>
public sealed record ServedQuestion(
    int QuestionId, int Index, int Count, QuestionKind Kind, Shared.LocalizedText Text, string? Image, IReadOnlyList<ServedOption> Options, DateTime ServedAt,
    DateTime EndsAt, int AllowedMs);

public sealed record ServedOption(int Id, Shared.LocalizedText Text);

/// <summary>What an answered (or timed-out) question turned out to be: shown right after it, and only then.</summary>
public sealed record AnswerFeedback(
    int QuestionId, int Index, AnswerOutcome Outcome, int Points, int ElapsedMs, IReadOnlyList<int> Chosen, IReadOnlyList<int> CorrectIds, Shared.LocalizedText Explanation);

/// <summary>Where a resident stands in a stage: not started, on a question (with the time really left), between two, or done.</summary>
public sealed record PlayState(
    PlayStatus Status, StageContent? Stage = null, long AttemptId = 0, ServedQuestion? Question = null, AnswerFeedback? Last = null, int Completed = 0,
    int Score = 0, bool Finished = false, string? LockedKey = null);

public sealed record AnswerResult(PlayStatus Status, AnswerFeedback? Feedback = null, string? MessageKey = null);

/// <summary>
/// Playing a stage, decided on the server: it starts the one attempt, serves each question and records the instant it did, takes an
/// answer only until that question's time plus the network grace (measured on arrival, before any queue), scores it, and completes
/// timed-out questions as unanswered. State lives in the database, so a reload, a second tab or a restart resumes the same attempt
/// at the same question with the time that is really left.
/// </summary>
public sealed class QuizPlayService(
    IDbContextFactory<AppDbContext> dbFactory, QuizContentCache content, QuizAnswerWriter writer, UserAccess access, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The resident's state in the stage; a question whose time has run out is completed as unanswered on the way.</summary>
    public async Task<PlayState> StateAsync(ClaimsPrincipal principal, int stageId, CancellationToken cancellationToken = default)
    {
        if (UserAccess.UserIdOf(principal) is not { } userId)
        {
            return new PlayState(PlayStatus.SignInRequired);
        }
        if (await content.GetAsync(stageId) is not { } stage)
        {
            return new PlayState(PlayStatus.NotFound);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await AttemptAsync(db, stageId, userId, cancellationToken);
        if (attempt is null)
        {
            var entry = await EntryAsync(db, stage, userId, Now, cancellationToken);
            return new PlayState(entry.Status == PlayStatus.Done ? PlayStatus.Done : entry.Status, stage, LockedKey: entry.LockedKey);
        }
        return await ResumeAsync(db, stage, attempt, serveNext: false, cancellationToken);
    }

    /// <summary>Starts the attempt if there is none, and serves the next question unless one is already waiting (then it is returned as it stands).</summary>
    public async Task<PlayState> NextAsync(ClaimsPrincipal principal, int stageId, CancellationToken cancellationToken = default)
    {
        if (UserAccess.UserIdOf(principal) is not { } userId)
        {
            return new PlayState(PlayStatus.SignInRequired);
        }
        if (await content.GetAsync(stageId) is not { } stage)
        {
            return new PlayState(PlayStatus.NotFound);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await AttemptAsync(db, stageId, userId, cancellationToken);
        if (attempt is null)
        {
            // An account deleted since the circuit opened starts nothing (its attempts went with it).
            if (!await access.IsResidentAsync(principal, cancellationToken))
            {
                return new PlayState(PlayStatus.SignInRequired);
            }
            var now = Now;
            var entry = await EntryAsync(db, stage, userId, now, cancellationToken);
            if (entry.Status != PlayStatus.Done)
            {
                return new PlayState(entry.Status, stage, LockedKey: entry.LockedKey);
            }
            if (stage.Questions.Count == 0)
            {
                return new PlayState(PlayStatus.NotFound, stage);
            }
            db.Add(new QuizAttempt { StageId = stage.Id, CampaignId = stage.CampaignId, UserId = userId, StartedAt = now, QuestionCount = stage.Questions.Count });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (IsUniqueViolation(exception))
            {
                // Another tab started it a moment ago: one attempt per resident per stage (the unique index), and this request joins it.
                db.ChangeTracker.Clear();
            }
            attempt = await AttemptAsync(db, stageId, userId, cancellationToken);
        }
        return await ResumeAsync(db, stage, attempt!, serveNext: true, cancellationToken);
    }

    public async Task<AnswerResult> AnswerAsync(
        ClaimsPrincipal principal, long attemptId, int questionId, IReadOnlyCollection<int> optionIds, CancellationToken cancellationToken = default)
    {
        // The instant the answer arrived: what the deadline and the score are measured against, whatever the queue does after.
        var arrival = Now;
        if (UserAccess.UserIdOf(principal) is not { } userId)
        {
            return new AnswerResult(PlayStatus.SignInRequired);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await AnswerRowQuery(db, attemptId, questionId, userId);
        if (row is null)
        {
            var owned = await db.Set<QuizAttempt>().AnyAsync(attempt => attempt.Id == attemptId && attempt.UserId == userId, cancellationToken);
            return new AnswerResult(owned ? PlayStatus.NotServed : PlayStatus.NotFound, MessageKey: owned ? "Quiz.Refused.NotServed" : "Quiz.Refused.NotFound");
        }
        if (await content.GetAsync(row.StageId) is not { } stage || stage.Question(questionId) is not { } question)
        {
            return new AnswerResult(PlayStatus.NotFound, MessageKey: "Quiz.Refused.NotFound");
        }
        if (row.Outcome != AnswerOutcome.Pending)
        {
            return new AnswerResult(PlayStatus.AlreadyAnswered, await FeedbackAsync(db, stage, attemptId, questionId, cancellationToken), "Quiz.Refused.AlreadyAnswered");
        }
        var chosen = optionIds.Distinct().Order().ToList();
        if (chosen.Count == 0 || chosen.Any(id => question.Options.All(option => option.Id != id)))
        {
            return new AnswerResult(PlayStatus.Invalid, MessageKey: chosen.Count == 0 ? "Quiz.Refused.NothingChosen" : "Quiz.Refused.UnknownOption");
        }
        if (question.Kind == QuestionKind.SingleChoice && chosen.Count != 1)
        {
            return new AnswerResult(PlayStatus.Invalid, MessageKey: "Quiz.Refused.OneOption");
        }
        var finishes = row.Position == row.QuestionCount - 1;
        if (arrival > row.DeadlineAt)
        {
            // Refused, and nothing written: the clock completes the question (after its margin), so a late click in one tab cannot
            // beat an answer from another tab that arrived in time and is still on its way to the writer.
            return new AnswerResult(PlayStatus.TooLate, MessageKey: "Quiz.Refused.TooLate");
        }
        var elapsed = (int)Math.Min(int.MaxValue, (long)(arrival - row.ServedAt).TotalMilliseconds);
        var correct = QuizRules.IsCorrect(chosen, question.CorrectIds);
        var points = QuizRules.Points(correct, elapsed, row.AllowedMs);
        var applied = await writer.CompleteAsync(new AnswerCompletion(
            attemptId, row.StageId, row.CampaignId, userId, questionId, finishes, arrival, string.Join(',', chosen),
            correct ? AnswerOutcome.Correct : AnswerOutcome.Wrong, points, Math.Min(elapsed, row.AllowedMs)), cancellationToken);
        if (!applied)
        {
            return new AnswerResult(PlayStatus.AlreadyAnswered, await FeedbackAsync(db, stage, attemptId, questionId, cancellationToken), "Quiz.Refused.AlreadyAnswered");
        }
        // What was just written, told back without reading it again: under a rush every read saved is an answer more per second.
        return new AnswerResult(PlayStatus.Done, new AnswerFeedback(questionId, row.Position, correct ? AnswerOutcome.Correct : AnswerOutcome.Wrong, points,
            Math.Min(elapsed, row.AllowedMs), chosen, [.. question.CorrectIds], question.Explanation));
    }

    private sealed record AnswerRow(int StageId, int CampaignId, int QuestionCount, int Position, DateTime ServedAt, int AllowedMs, DateTime DeadlineAt, AnswerOutcome Outcome);

    /// <summary>
    /// The answer path's one read: the served row, joined to the attempt so that only its owner finds it. Compiled, because under a rush
    /// the translation EF Core otherwise repeats per call costs a third of the throughput (see docs/PERFORMANCE.md); once per model,
    /// because a compiled query is bound to the model it first ran on (tests run several).
    /// </summary>
    private static Task<AnswerRow?> AnswerRowQuery(AppDbContext db, long attemptId, int questionId, string userId) =>
        AnswerRowQueries.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((AppDbContext context, long attempt, int question, string user) => (
                    from answer in context.Set<QuizAnswer>().AsNoTracking()
                    join owner in context.Set<QuizAttempt>() on answer.AttemptId equals owner.Id
                    where answer.AttemptId == attempt && answer.QuestionId == question && owner.UserId == user
                    select new AnswerRow(owner.StageId, owner.CampaignId, owner.QuestionCount, answer.Position, answer.ServedAt, answer.AllowedMs, answer.DeadlineAt, answer.Outcome))
                .SingleOrDefault()))(db, attemptId, questionId, userId);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<AppDbContext, long, int, string, Task<AnswerRow?>>>
        AnswerRowQueries = new();

    /// <summary>A question completed by the clock: no answer, no points, its whole time counted, at its deadline.</summary>
    public static AnswerCompletion TimedOut(int stageId, int campaignId, string userId, long attemptId, int questionId, bool finishes, DateTime deadline, int allowedMs) =>
        new(attemptId, stageId, campaignId, userId, questionId, finishes, deadline, null, AnswerOutcome.Unanswered, 0, allowedMs);

    /// <summary>
    /// Whether the clock may complete a waiting question now. It waits a little past the deadline, so an answer that arrived in time
    /// but is still on its way to the writer is never beaten by the clock.
    /// </summary>
    public static bool ClockMayComplete(DateTime deadlineAt, DateTime now) => now > deadlineAt + QuizLimits.ClockMargin;

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    private static Task<QuizAttempt?> AttemptAsync(AppDbContext db, int stageId, string userId, CancellationToken cancellationToken) =>
        db.Set<QuizAttempt>().AsNoTracking().SingleOrDefaultAsync(attempt => attempt.StageId == stageId && attempt.UserId == userId, cancellationToken);

    private async Task<PlayState> ResumeAsync(AppDbContext db, StageContent stage, QuizAttempt attempt, bool serveNext, CancellationToken cancellationToken)
    {
        // At most one question is pending, and each pass completes it or returns: the loop ends after one time-out and one serve.
        for (var pass = 0; pass < 3; pass++)
        {
            var now = Now;
            var pending = await db.Set<QuizAnswer>().AsNoTracking()
                .SingleOrDefaultAsync(answer => answer.AttemptId == attempt.Id && answer.Outcome == AnswerOutcome.Pending, cancellationToken);
            if (pending is not null)
            {
                if (!ClockMayComplete(pending.DeadlineAt, now))
                {
                    return new PlayState(PlayStatus.Done, stage, attempt.Id, Served(stage, attempt, pending), Completed: attempt.Completed, Score: attempt.Score);
                }
                await writer.CompleteAsync(TimedOut(stage.Id, stage.CampaignId, attempt.UserId, attempt.Id, pending.QuestionId,
                    pending.Position == attempt.QuestionCount - 1, pending.DeadlineAt, pending.AllowedMs), cancellationToken);
                attempt = (await AttemptAsync(db, stage.Id, attempt.UserId, cancellationToken))!;
                continue;
            }
            var finished = attempt.FinishedAt is not null || attempt.Completed >= attempt.QuestionCount;
            if (finished || QuizRules.StateAt(stage.OpensAt, stage.ClosesAt, now) != StageState.Open)
            {
                // A stage that closes mid-attempt serves nothing more: the attempt stands with what it scored.
                return new PlayState(finished ? PlayStatus.Finished : PlayStatus.Closed, stage, attempt.Id, Last: await LastFeedbackAsync(db, stage, attempt.Id, cancellationToken),
                    Completed: attempt.Completed, Score: attempt.Score, Finished: true);
            }
            if (!serveNext)
            {
                return new PlayState(PlayStatus.Done, stage, attempt.Id, Last: await LastFeedbackAsync(db, stage, attempt.Id, cancellationToken),
                    Completed: attempt.Completed, Score: attempt.Score);
            }
            var multiplier = await db.Set<QuizAccommodation>().Where(accommodation => accommodation.UserId == attempt.UserId)
                .Select(accommodation => (double?)accommodation.TimeMultiplier).SingleOrDefaultAsync(cancellationToken) ?? 1.0;
            var question = stage.Questions[attempt.Completed];
            // Through the writer, stamped when committed; served a moment ago from another tab, its instant stands and this shows it.
            await writer.ServeAsync(new ServeRequest(attempt.Id, question.Id, attempt.Completed, QuizRules.AllowedMs(stage.SecondsPerQuestion, multiplier)), cancellationToken);
            serveNext = false;
        }
        return new PlayState(PlayStatus.Done, stage, attempt.Id, Completed: attempt.Completed, Score: attempt.Score);
    }

    /// <summary>The feedback on the attempt's latest completed question, if any: what the page shows between two questions.</summary>
    private static async Task<AnswerFeedback?> LastFeedbackAsync(AppDbContext db, StageContent stage, long attemptId, CancellationToken cancellationToken) =>
        await db.Set<QuizAnswer>().AsNoTracking().Where(answer => answer.AttemptId == attemptId)
            .OrderByDescending(answer => answer.Position).Select(answer => (int?)answer.QuestionId).FirstOrDefaultAsync(cancellationToken) is { } lastId
            ? await FeedbackAsync(db, stage, attemptId, lastId, cancellationToken) : null;

    private static ServedQuestion Served(StageContent stage, QuizAttempt attempt, QuizAnswer pending)
    {
        var question = stage.Question(pending.QuestionId)!;
        return new ServedQuestion(question.Id, pending.Position, attempt.QuestionCount, question.Kind, question.Text, question.Image,
            [.. QuizRules.Shuffle(question.Options, attempt.Id, option => option.Id).Select(option => new ServedOption(option.Id, option.Text))],
            pending.ServedAt, pending.ServedAt.AddMilliseconds(pending.AllowedMs), pending.AllowedMs);
    }

    private static async Task<AnswerFeedback?> FeedbackAsync(AppDbContext db, StageContent stage, long attemptId, int questionId, CancellationToken cancellationToken)
    {
        var answer = await db.Set<QuizAnswer>().AsNoTracking().SingleOrDefaultAsync(row => row.AttemptId == attemptId && row.QuestionId == questionId, cancellationToken);
        if (answer is null || answer.Outcome == AnswerOutcome.Pending || stage.Question(questionId) is not { } question)
        {
            return null;
        }
        return new AnswerFeedback(questionId, answer.Position, answer.Outcome, answer.Points, answer.ElapsedMs, ParseSelected(answer.Selected),
            [.. question.CorrectIds], question.Explanation);
    }

    public static IReadOnlyList<int> ParseSelected(string? selected) =>
        string.IsNullOrEmpty(selected) ? [] : [.. selected.Split(',').Select(int.Parse)];

    /// <summary>Whether the resident may start the stage now: open, and the entry rule met by their attempt at the previous stage.</summary>
    private static async Task<(PlayStatus Status, string? LockedKey)> EntryAsync(
        AppDbContext db, StageContent stage, string userId, DateTime now, CancellationToken cancellationToken)
    {
        switch (QuizRules.StateAt(stage.OpensAt, stage.ClosesAt, now))
        {
            case StageState.Upcoming:
                return (PlayStatus.NotOpenYet, null);
            case StageState.Closed:
                return (PlayStatus.Closed, null);
        }
        if (stage.EntryRule == EntryRule.Open || stage.PreviousStageId is not { } previousId)
        {
            return (PlayStatus.Done, null);
        }
        var previous = await db.Set<QuizAttempt>().AsNoTracking().Where(attempt => attempt.StageId == previousId && attempt.UserId == userId)
            .Select(attempt => new { attempt.FinishedAt, attempt.Completed, attempt.QuestionCount, attempt.Score, attempt.FairPlay }).SingleOrDefaultAsync(cancellationToken);
        var completed = previous is not null && previous.FairPlay != FairPlay.Disqualified && (previous.FinishedAt is not null || previous.Completed >= previous.QuestionCount);
        return stage.EntryRule switch
        {
            EntryRule.PreviousCompleted when !completed => (PlayStatus.Locked, "Quiz.Locked.PreviousCompleted"),
            EntryRule.PreviousMinScore when !completed || previous!.Score < stage.EntryMinScore => (PlayStatus.Locked, "Quiz.Locked.PreviousMinScore"),
            _ => (PlayStatus.Done, null),
        };
    }
}
