using System.Data.Common;
using System.Threading.Channels;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>A question to serve: its row is written with the instant of the commit that makes it real, so no wait for the lock eats its time.</summary>
public sealed record ServeRequest(long AttemptId, int QuestionId, int Position, int AllowedMs);

/// <summary>How a question of an attempt was completed: by an answer (scored already) or by the clock.</summary>
public sealed record AnswerCompletion(
    long AttemptId, int StageId, int CampaignId, string UserId, int QuestionId, bool FinishesAttempt, DateTime At, string? Selected, AnswerOutcome Outcome,
    int Points, int ElapsedMs);

/// <summary>
/// The write path of play under a stage-opening rush: group commit. Questions to serve and answers to record are queued; one writer
/// takes whatever has queued (up to <see cref="MaxBatch"/>), applies it in one transaction and commits, and only then tells each
/// waiting request what became of it. A durable commit costs one flush however many requests share it, so thousands a second cost a
/// few dozen flushes, and nothing is acknowledged before its batch is on disk. A busy database is retried, then the batch fails
/// as a whole (nothing written, nobody told otherwise); a batch failing for any other reason is split so that one bad request fails alone.
/// </summary>
public sealed class QuizAnswerWriter(
    IDbContextFactory<AppDbContext> dbFactory, ILiveEvents liveEvents, LeaderboardTicker leaderboards, TimeProvider time, ILogger<QuizAnswerWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 512;
    private const int BusyRetries = 4;

    private sealed record Pending(ServeRequest? Serve, AnswerCompletion? Completion, TaskCompletionSource<bool> Done);

    private readonly Channel<Pending> queue =
        Channel.CreateBounded<Pending>(new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Writes the served row, stamped when committed. True when this request served it; false when it had been served already.</summary>
    public Task<bool> ServeAsync(ServeRequest serve, CancellationToken cancellationToken = default) => EnqueueAsync(new(serve, null, Done()), cancellationToken);

    /// <summary>Queues the completion and waits until it is durable. True when it completed the question; false when something else had (a parallel answer, the clock).</summary>
    public Task<bool> CompleteAsync(AnswerCompletion completion, CancellationToken cancellationToken = default) =>
        EnqueueAsync(new(null, completion, Done()), cancellationToken);

    private static TaskCompletionSource<bool> Done() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<bool> EnqueueAsync(Pending pending, CancellationToken cancellationToken)
    {
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
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

    private async Task WriteAsync(List<Pending> batch)
    {
        bool[] results;
        try
        {
            results = await CommitWithRetriesAsync(batch);
        }
        catch (SqliteException exception) when (IsBusy(exception))
        {
            // Still locked after the retries: nothing of the batch was written, and splitting it would only wait longer. Every request
            // is told so (the play page says "not recorded, try again"); a waiting question can still be answered within its time.
            logger.LogError(exception, "The database stayed busy; {Count} quiz writes were not recorded", batch.Count);
            foreach (var item in batch)
            {
                item.Done.TrySetException(exception);
            }
            return;
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            logger.LogWarning(exception, "A batch of {Count} quiz writes failed; writing them one by one", batch.Count);
            foreach (var item in batch)
            {
                await WriteAsync([item]);
            }
            return;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "A quiz write could not be recorded");
            batch[0].Done.TrySetException(exception);
            return;
        }
        // Signals first, then the acknowledgements: whoever is told "recorded" can count on the boards having heard of it.
        foreach (var completion in batch.Where((item, index) => results[index] && item.Completion is not null).Select(item => item.Completion!))
        {
            liveEvents.Publish(QuizTopics.Attempt(completion.AttemptId), new AttemptAdvanced(completion.AttemptId, completion.QuestionId));
            leaderboards.Changed(completion.CampaignId, completion.StageId);
        }
        for (var index = 0; index < batch.Count; index++)
        {
            batch[index].Done.TrySetResult(results[index]);
        }
    }

    private async Task<bool[]> CommitWithRetriesAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitAsync(batch);
            }
            catch (SqliteException exception) when (IsBusy(exception) && attempt < BusyRetries)
            {
                // Nothing was committed; try again a moment later.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another writer held the file past the busy timeout. Nothing was committed.</summary>
    private static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is 5 or 6;

    private async Task<bool[]> CommitAsync(List<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        // The write lock is held from here: serving instants are taken now, not when the request was made.
        var now = time.GetUtcNow().UtcDateTime;
        var statements = new Statements(connection, transaction);
        var results = new bool[batch.Count];
        for (var index = 0; index < batch.Count; index++)
        {
            results[index] = batch[index] switch
            {
                { Serve: { } serve } => await statements.ServeAsync(serve, now),
                { Completion: { } completion } => await statements.CompleteAsync(completion),
                _ => false,
            };
        }
        await statements.DisposeAsync();
        await transaction.CommitAsync();
        return results;
    }

    /// <summary>
    /// The batch's statements, prepared once per batch and run with each request's values. Instants are bound as DateTime:
    /// Microsoft.Data.Sqlite writes them as the same text EF Core stores, so they compare and read back like the rest.
    /// </summary>
    private sealed class Statements(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private readonly List<DbCommand> prepared = [];

        private DbCommand? serve, complete, tally, campaign, flag;

        public async Task<bool> ServeAsync(ServeRequest request, DateTime now)
        {
            serve ??= Command($"""
                INSERT INTO "QuizAnswers" ("AttemptId", "QuestionId", "Position", "ServedAt", "AllowedMs", "DeadlineAt", "Outcome", "Points", "ElapsedMs")
                VALUES ($attempt, $question, $position, $served, $allowed, $deadline, {(int)AnswerOutcome.Pending}, 0, 0)
                ON CONFLICT ("AttemptId", "QuestionId") DO NOTHING
                """, "$attempt", "$question", "$position", "$served", "$allowed", "$deadline");
            return await Run(serve, request.AttemptId, request.QuestionId, request.Position, now, request.AllowedMs,
                QuizRules.AnswerDeadline(now, request.AllowedMs)) == 1;
        }

        public async Task<bool> CompleteAsync(AnswerCompletion completion)
        {
            complete ??= Command($"""
                UPDATE "QuizAnswers" SET "AnsweredAt" = $at, "Selected" = $selected, "Outcome" = $outcome, "Points" = $points, "ElapsedMs" = $elapsed
                WHERE "AttemptId" = $attempt AND "QuestionId" = $question AND "Outcome" = {(int)AnswerOutcome.Pending}
                """, "$at", "$selected", "$outcome", "$points", "$elapsed", "$attempt", "$question");
            tally ??= Command("""
                UPDATE "QuizAttempts" SET "Completed" = "Completed" + 1, "Correct" = "Correct" + $correct, "Score" = "Score" + $points,
                    "AnswerMs" = "AnswerMs" + $elapsed, "FinishedAt" = $finished
                WHERE "Id" = $attempt
                """, "$correct", "$points", "$elapsed", "$finished", "$attempt");
            campaign ??= Command("""
                INSERT INTO "QuizCampaignScores" ("CampaignId", "UserId", "Score", "AnswerMs", "LastFinishedAt", "Excluded") VALUES ($campaign, $user, $points, $elapsed, $finished, 0)
                ON CONFLICT ("CampaignId", "UserId") DO UPDATE SET "Score" = "Score" + excluded."Score", "AnswerMs" = "AnswerMs" + excluded."AnswerMs",
                    "LastFinishedAt" = COALESCE(excluded."LastFinishedAt", "LastFinishedAt")
                """, "$campaign", "$user", "$points", "$elapsed", "$finished");
            // Fair play, judged again with every answer while no admin has decided: enough correct answers and not one of them at a human pace.
            flag ??= Command($"""
                UPDATE "QuizAttempts" SET "FairPlay" = CASE WHEN "Correct" >= {QuizLimits.ImplausibleCorrectAnswers}
                    AND NOT EXISTS (SELECT 1 FROM "QuizAnswers" WHERE "AttemptId" = $attempt AND "Outcome" = {(int)AnswerOutcome.Correct} AND "ElapsedMs" >= {QuizLimits.ImplausibleAnswerMs})
                    THEN {(int)FairPlay.Flagged} ELSE {(int)FairPlay.Clear} END
                WHERE "Id" = $attempt AND "FairPlay" IN ({(int)FairPlay.Clear}, {(int)FairPlay.Flagged})
                """, "$attempt");
            var at = completion.At;
            object finished = completion.FinishesAttempt ? at : DBNull.Value;
            if (await Run(complete, at, (object?)completion.Selected ?? DBNull.Value, (int)completion.Outcome, completion.Points, completion.ElapsedMs,
                    completion.AttemptId, completion.QuestionId) == 0)
            {
                return false;
            }
            await Run(tally, completion.Outcome == AnswerOutcome.Correct ? 1 : 0, completion.Points, completion.ElapsedMs, finished, completion.AttemptId);
            await Run(campaign, completion.CampaignId, completion.UserId, completion.Points, completion.ElapsedMs, finished);
            await Run(flag, completion.AttemptId);
            return true;
        }

        private DbCommand Command(string sql, params string[] parameters)
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
            prepared.Add(command);
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


        public async ValueTask DisposeAsync()
        {
            foreach (var command in prepared)
            {
                await command.DisposeAsync();
            }
            prepared.Clear();
        }
    }
}
