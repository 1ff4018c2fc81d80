using System.Data.Common;
using System.Threading.Channels;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>How a question of an attempt was completed: by an answer (scored already) or by the clock.</summary>
public sealed record AnswerCompletion(
    long AttemptId, int StageId, int CampaignId, string UserId, int QuestionId, bool FinishesAttempt, DateTime At, string? Selected, AnswerOutcome Outcome,
    int Points, int ElapsedMs);

/// <summary>
/// The write path of answers under a stage-opening rush: group commit. Answers are queued; one writer takes whatever has queued
/// (up to <see cref="MaxBatch"/>), applies it in one transaction and commits, and only then tells each waiting request whether its
/// answer was the one that completed the question. A durable commit costs one flush however many answers share it, so thousands of
/// answers a second cost a few dozen flushes; an answer is never acknowledged before its batch is on disk.
/// </summary>
public sealed class QuizAnswerWriter(IDbContextFactory<AppDbContext> dbFactory, ILiveEvents liveEvents, LeaderboardTicker leaderboards, ILogger<QuizAnswerWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 512;

    private readonly Channel<(AnswerCompletion Completion, TaskCompletionSource<bool> Applied)> queue =
        Channel.CreateBounded<(AnswerCompletion, TaskCompletionSource<bool>)>(new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues the completion and waits until it is durable. True when it completed the question; false when something else had (a parallel answer, the clock).</summary>
    public async Task<bool> CompleteAsync(AnswerCompletion completion, CancellationToken cancellationToken = default)
    {
        var applied = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync((completion, applied), cancellationToken);
        return await applied.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(AnswerCompletion Completion, TaskCompletionSource<bool> Applied)>(MaxBatch);
        // Stopping lets the queue drain: whatever a request is waiting for still gets written before the host goes down.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<(AnswerCompletion Completion, TaskCompletionSource<bool> Applied)> batch)
    {
        bool[] applied;
        try
        {
            applied = await CommitAsync(batch.Select(item => item.Completion).ToList());
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "A batch of {Count} quiz answers could not be written", batch.Count);
            foreach (var (_, waiting) in batch)
            {
                waiting.TrySetException(exception);
            }
            return;
        }
        for (var index = 0; index < batch.Count; index++)
        {
            batch[index].Applied.TrySetResult(applied[index]);
        }
        foreach (var completion in batch.Where((_, index) => applied[index]).Select(item => item.Completion))
        {
            liveEvents.Publish(QuizTopics.Attempt(completion.AttemptId), new AttemptAdvanced(completion.AttemptId));
            leaderboards.Changed(completion.CampaignId, completion.StageId);
        }
    }

    private async Task<bool[]> CommitAsync(List<AnswerCompletion> completions)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var complete = Command(connection, transaction, """
            UPDATE "QuizAnswers" SET "AnsweredAt" = $at, "Selected" = $selected, "Outcome" = $outcome, "Points" = $points, "ElapsedMs" = $elapsed
            WHERE "AttemptId" = $attempt AND "QuestionId" = $question AND "Outcome" = 0
            """, "$at", "$selected", "$outcome", "$points", "$elapsed", "$attempt", "$question");
        await using var tally = Command(connection, transaction, """
            UPDATE "QuizAttempts" SET "Completed" = "Completed" + 1, "Correct" = "Correct" + $correct, "Score" = "Score" + $points,
                "AnswerMs" = "AnswerMs" + $elapsed, "FinishedAt" = $finished
            WHERE "Id" = $attempt
            """, "$correct", "$points", "$elapsed", "$finished", "$attempt");
        await using var campaign = Command(connection, transaction, """
            INSERT INTO "QuizCampaignScores" ("CampaignId", "UserId", "Score", "AnswerMs", "LastFinishedAt") VALUES ($campaign, $user, $points, $elapsed, $finished)
            ON CONFLICT ("CampaignId", "UserId") DO UPDATE SET "Score" = "Score" + excluded."Score", "AnswerMs" = "AnswerMs" + excluded."AnswerMs",
                "LastFinishedAt" = COALESCE(excluded."LastFinishedAt", "LastFinishedAt")
            """, "$campaign", "$user", "$points", "$elapsed", "$finished");
        // Fair play, decided once when the attempt finishes: enough correct answers and not one of them at a human pace.
        await using var flag = Command(connection, transaction, $"""
            UPDATE "QuizAttempts" SET "FairPlay" = {(int)FairPlay.Flagged}
            WHERE "Id" = $attempt AND "FairPlay" = {(int)FairPlay.Clear} AND "Correct" >= {QuizLimits.ImplausibleCorrectAnswers}
              AND NOT EXISTS (SELECT 1 FROM "QuizAnswers" WHERE "AttemptId" = $attempt AND "Outcome" = {(int)AnswerOutcome.Correct} AND "ElapsedMs" >= {QuizLimits.ImplausibleAnswerMs})
            """, "$attempt");

        var applied = new bool[completions.Count];
        for (var index = 0; index < completions.Count; index++)
        {
            var completion = completions[index];
            var at = Instant(completion.At);
            object finished = completion.FinishesAttempt ? at : DBNull.Value;
            if (await Run(complete, at, (object?)completion.Selected ?? DBNull.Value, (int)completion.Outcome, completion.Points, completion.ElapsedMs,
                    completion.AttemptId, completion.QuestionId) == 0)
            {
                continue;
            }
            applied[index] = true;
            await Run(tally, completion.Outcome == AnswerOutcome.Correct ? 1 : 0, completion.Points, completion.ElapsedMs, finished, completion.AttemptId);
            await Run(campaign, completion.CampaignId, completion.UserId, completion.Points, completion.ElapsedMs, finished);
            if (completion.FinishesAttempt)
            {
                await Run(flag, completion.AttemptId);
            }
        }
        await transaction.CommitAsync();
        return applied;
    }

    /// <summary>The text EF Core's SQLite provider stores instants as, so rows written here compare and read back like the rest.</summary>
    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static Task<int> Run(DbCommand command, params object[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            command.Parameters[index].Value = values[index];
        }
        return command.ExecuteNonQueryAsync();
    }
}
