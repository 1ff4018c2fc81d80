using System.Data.Common;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Features.Rewards;

/// <summary>
/// Pays points for taking part, from what the other features have stored: ideas submitted, ideas the commission selected, quiz
/// attempts finished (right answers, and the stage completed). It reads the facts rather than trusting events to arrive, so a
/// restart loses nothing, and every payment is one insert keyed (resident, source): run twice, or from two places at once, a
/// source pays once. An idea withdrawn, rejected, merged as a duplicate or hidden by moderators has its submission points reversed
/// by a new entry (restoring a hidden idea does not pay it again: its source has paid).
/// Quiz attempts flagged for implausible speed are paid only once an admin clears them; disqualified ones never. Regular passes
/// look back a day; the first after start-up, the first after a failure and one every ten minutes look at everything.
/// </summary>
public sealed class PointsAccrual(
    IDbContextFactory<AppDbContext> dbFactory, NotificationsService notifications, IOptions<RewardsOptions> options, TimeProvider time, ILogger<PointsAccrual> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How far back a regular pass looks for new facts; the first pass after start-up looks at everything.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>How often a pass looks at everything anyway: whatever a window could miss (facts stamped with an older time) is paid within this.</summary>
    public static readonly TimeSpan FullPassInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass after start-up, the one after a failure, and one every ten minutes look at everything.
        DateTime? lastFull = null;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var now = time.GetUtcNow().UtcDateTime;
            var full = lastFull is not { } last || now - last >= FullPassInterval;
            try
            {
                await AccrueAsync(full, stoppingToken);
                if (full)
                {
                    lastFull = now;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                lastFull = null;
                logger.LogError(exception, "Paying points failed; the next pass tries again, looking at everything");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One pass: pays whatever has not been paid (looking back <see cref="Window"/>, or at everything), and tells each resident paid.</summary>
    public async Task<int> AccrueAsync(bool everything = false, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var since = everything ? DateTime.MinValue : now - Window;
            var points = options.Value.Points;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Through EF, so that the notifications saved below share the transaction with the raw inserts.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var raw = transaction.GetDbTransaction();
            var paid = new List<(string UserId, int Amount)>();
            async Task Run(string sql, params (string Name, object Value)[] parameters) => paid.AddRange(await InsertAsync(connection, raw, sql, now, parameters));

            await Run($"""
                INSERT INTO "PointsEntries" ("UserId", "Amount", "Reason", "Source", "Description_En", "Description_Ru", "CreatedAt")
                SELECT "AuthorId", $points, '{PointsReason.IdeaSubmitted}', 'idea:' || "Id", "Title", "Title", $now FROM "Ideas"
                WHERE "SubmittedAt" >= $since AND "State" NOT IN ('{IdeaState.Withdrawn}', '{IdeaState.Rejected}') AND "MergedIntoId" IS NULL AND "HiddenAt" IS NULL
                ON CONFLICT ("UserId", "Source") DO NOTHING RETURNING "UserId", "Amount"
                """, ("$points", points.IdeaSubmitted), ("$since", since));
            await Run($"""
                INSERT INTO "PointsEntries" ("UserId", "Amount", "Reason", "Source", "Description_En", "Description_Ru", "CreatedAt")
                SELECT "AuthorId", $points, '{PointsReason.IdeaSelected}', 'idea-selected:' || "Id", "Title", "Title", $now FROM "Ideas"
                WHERE "State" IN ('{IdeaState.Selected}', '{IdeaState.InImplementation}', '{IdeaState.Implemented}')
                ON CONFLICT ("UserId", "Source") DO NOTHING RETURNING "UserId", "Amount"
                """, ("$points", points.IdeaSelected));
            await Run($"""
                INSERT INTO "PointsEntries" ("UserId", "Amount", "Reason", "Source", "Description_En", "Description_Ru", "CreatedAt", "ReversesId")
                SELECT entry."UserId", -entry."Amount", '{PointsReason.Reversal}', 'reversal:' || entry."Source", entry."Description_En", entry."Description_Ru", $now, entry."Id"
                FROM "Ideas" idea JOIN "PointsEntries" entry ON entry."UserId" = idea."AuthorId" AND entry."Source" = 'idea:' || idea."Id"
                WHERE (idea."State" IN ('{IdeaState.Withdrawn}', '{IdeaState.Rejected}') OR idea."MergedIntoId" IS NOT NULL OR idea."HiddenAt" IS NOT NULL)
                ON CONFLICT ("UserId", "Source") DO NOTHING RETURNING "UserId", "Amount"
                """);
            // An attempt is paid once it is over: finished, or cut off by its stage's close (its right answers count, its completion does not);
            // and only while no flag stands on it (flagged ones are paid when an admin clears them, disqualified ones never).
            // A question still running (answers are taken until its own deadline, past the close) keeps the attempt unpaid until it ends.
            var paidAttempts = $"""
                FROM "QuizAttempts" attempt JOIN "QuizStages" stage ON stage."Id" = attempt."StageId"
                WHERE (attempt."FinishedAt" IS NOT NULL OR stage."ClosesAt" <= $now)
                  AND (attempt."FinishedAt" >= $since OR (stage."ClosesAt" >= $since AND stage."ClosesAt" <= $now) OR attempt."FairPlay" = {(int)FairPlay.Cleared})
                  AND attempt."FairPlay" IN ({(int)FairPlay.Clear}, {(int)FairPlay.Cleared})
                  AND NOT EXISTS (SELECT 1 FROM "QuizAnswers" running WHERE running."AttemptId" = attempt."Id" AND running."Outcome" = {(int)AnswerOutcome.Pending})
                """;
            await Run($"""
                INSERT INTO "PointsEntries" ("UserId", "Amount", "Reason", "Source", "Description_En", "Description_Ru", "CreatedAt")
                SELECT attempt."UserId", attempt."Correct" * $points, '{PointsReason.CorrectAnswers}', 'quiz-answers:' || attempt."Id", stage."Title_En", stage."Title_Ru", $now
                {paidAttempts} AND attempt."Correct" > 0
                ON CONFLICT ("UserId", "Source") DO NOTHING RETURNING "UserId", "Amount"
                """, ("$points", points.CorrectAnswer), ("$since", since));
            await Run($"""
                INSERT INTO "PointsEntries" ("UserId", "Amount", "Reason", "Source", "Description_En", "Description_Ru", "CreatedAt")
                SELECT attempt."UserId", $points, '{PointsReason.StageCompleted}', 'quiz-completed:' || attempt."Id", stage."Title_En", stage."Title_Ru", $now
                {paidAttempts} AND attempt."Completed" >= attempt."QuestionCount"
                ON CONFLICT ("UserId", "Source") DO NOTHING RETURNING "UserId", "Amount"
                """, ("$points", points.StageCompleted), ("$since", since));

            // One notification per resident per pass, for what they gained: a finished stage pays twice but is one piece of news.
            var gains = paid.GroupBy(row => row.UserId).Select(group => (UserId: group.Key, Total: group.Sum(row => row.Amount))).Where(gain => gain.Total > 0).ToList();
            var stored = new List<Notification>();
            foreach (var gain in gains)
            {
                stored.AddRange(notifications.Stage(db, [(gain.UserId, NotificationKind.PointsEarned)], "", gain.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "", "/account?section=points"));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            notifications.Announce(stored);
            return paid.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<List<(string UserId, int Amount)>> InsertAsync(
        DbConnection connection, DbTransaction transaction, string sql, DateTime now, (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Append(("$now", now)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var rows = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return rows;
    }

}
