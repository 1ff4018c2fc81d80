using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>
/// The clock of play: a question nobody answers (the tab closed, the connection dropped, a bot walked away) still runs out. Every
/// second it completes questions left waiting past their deadline as unanswered, through the same writer as answers, so an attempt
/// abandoned on its last question finishes, is scored and judged for fair play like any other.
/// </summary>
public sealed class QuizClockSweeper(IDbContextFactory<AppDbContext> dbFactory, QuizAnswerWriter writer, TimeProvider time, ILogger<QuizClockSweeper> logger)
    : BackgroundService
{
    private const int MaxPerSweep = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(QuizLimits.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Sweeping timed-out quiz questions failed; the next tick tries again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; whatever is still waiting is swept after the restart.
        }
    }

    /// <summary>Completes every question whose time (and the clock's margin) has run out. Returns how many it completed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - QuizLimits.ClockMargin;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await (
                from answer in db.Set<QuizAnswer>().AsNoTracking()
                where answer.Outcome == AnswerOutcome.Pending && answer.DeadlineAt < cutoff
                join attempt in db.Set<QuizAttempt>() on answer.AttemptId equals attempt.Id
                orderby answer.DeadlineAt
                select new { answer.AttemptId, answer.QuestionId, answer.Position, answer.DeadlineAt, answer.AllowedMs, attempt.StageId, attempt.CampaignId, attempt.UserId, attempt.QuestionCount })
            .Take(MaxPerSweep).ToListAsync(cancellationToken);
        var completed = await Task.WhenAll(expired.Select(row => writer.CompleteAsync(QuizPlayService.TimedOut(
            row.StageId, row.CampaignId, row.UserId, row.AttemptId, row.QuestionId, row.Position == row.QuestionCount - 1, row.DeadlineAt, row.AllowedMs), cancellationToken)));
        return completed.Count(applied => applied);
    }
}
