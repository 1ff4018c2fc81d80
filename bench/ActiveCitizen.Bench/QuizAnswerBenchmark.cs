using System.Diagnostics;
using System.Security.Claims;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActiveCitizen.Bench;

/// <summary>
/// A stage-opening rush at the service level: N residents on one open stage; for each question, all of them are served it, then all
/// answer it at once (at most C in flight). Reports sustained answers per second per round and the latency of each answer from
/// arrival to its durable acknowledgement, then counts the answers in the database: every acknowledged one must be there.
/// </summary>
public static class QuizAnswerBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var path = options.Path("db", "bench/data/quiz.db");
        var residents = options.Number("residents", 5_000);
        var questions = options.Number("questions", 10);
        var concurrency = options.Number("concurrency", 1_000);

        var watch = Stopwatch.StartNew();
        var (stageId, userIds, rightOptions) = await GenerateAsync(path, residents, questions);
        Console.WriteLine($"Database: {path}, {residents:N0} residents, one open stage of {questions} questions, made in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"Each round: all residents are served the question, then all answer it, at most {concurrency:N0} in flight");
        Measurements.PrintMachine();

        var factory = BenchDatabase.Factory(path);
        var bus = new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance);
        using var ticker = new LeaderboardTicker(bus, TimeProvider.System);
        var writer = new QuizAnswerWriter(factory, bus, ticker, TimeProvider.System, NullLogger<QuizAnswerWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var play = new QuizPlayService(factory, new QuizContentCache(factory, TimeProvider.System), writer, new UserAccess(factory), TimeProvider.System);
        var principals = userIds.Select(id => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "bench"))).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };

        Console.WriteLine();
        Console.WriteLine($"{"round",-8} {"serves/s",10} {"answers/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
        var answerRates = new List<double>();
        var serveRates = new List<double>();
        var latencies = new List<double>();
        var acknowledged = 0;
        var confirmed = new System.Collections.Concurrent.ConcurrentBag<(long AttemptId, int QuestionId, int Points)>();
        var errors = 0;
        var measurements = new Measurements(residents * questions, warmUp: 0);
        for (var round = 1; round <= questions; round++)
        {
            var served = new PlayState[residents];
            var serving = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, residents), parallel, async (index, _) => served[index] = await play.NextAsync(principals[index], stageId));
            var serveRate = residents / serving.Elapsed.TotalSeconds;

            var roundLatencies = new double[residents];
            var roundErrors = 0;
            var answering = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, residents), parallel, async (index, _) =>
            {
                var question = served[index].Question!;
                // Most answer right; every seventh picks a wrong option, so both outcomes are written.
                int[] chosen = index % 7 == 0 ? [rightOptions[question.QuestionId].Wrong] : [rightOptions[question.QuestionId].Right];
                var started = Stopwatch.GetTimestamp();
                var result = await play.AnswerAsync(principals[index], served[index].AttemptId, question.QuestionId, chosen);
                roundLatencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (result.Status == PlayStatus.Done)
                {
                    Interlocked.Increment(ref acknowledged);
                    confirmed.Add((served[index].AttemptId, question.QuestionId, result.Feedback!.Points));
                }
                else
                {
                    Interlocked.Increment(ref roundErrors);
                }
            });
            var answerRate = residents / answering.Elapsed.TotalSeconds;
            errors += roundErrors;
            answerRates.Add(answerRate);
            serveRates.Add(serveRate);
            latencies.AddRange(roundLatencies);
            Array.Sort(roundLatencies);
            Console.WriteLine($"{round,-8} {serveRate,10:N0} {answerRate,10:N0} {Percentile(roundLatencies, 0.50),8:F1} {Percentile(roundLatencies, 0.95),8:F1} {Percentile(roundLatencies, 0.99),8:F1} {roundErrors,7}");
        }
        await writer.StopAsync(CancellationToken.None);

        // Every acknowledged answer, one by one: in the database, answered, with the points the resident was told.
        await using var db = BenchDatabase.Context(path);
        var rows = await db.Set<QuizAnswer>().AsNoTracking().Where(answer => answer.Outcome == AnswerOutcome.Correct || answer.Outcome == AnswerOutcome.Wrong)
            .Select(answer => new { answer.AttemptId, answer.QuestionId, answer.Points }).ToListAsync();
        var stored = rows.Count;
        var inDatabase = rows.ToDictionary(row => (row.AttemptId, row.QuestionId), row => row.Points);
        var lost = confirmed.Count(answer => !inDatabase.TryGetValue((answer.AttemptId, answer.QuestionId), out var points) || points != answer.Points);
        Console.WriteLine();
        Console.WriteLine($"Answers per second, median of {questions} rounds: {Median(answerRates):N0} (serves per second: {Median(serveRates):N0})");
        Console.WriteLine($"Answers acknowledged: {acknowledged:N0}; stored: {stored:N0}; acknowledged but missing or different: {lost}; refused or failed: {errors}");
        measurements.Record("answer: arrival to durable acknowledgement", [.. latencies]);
        await measurements.SaveAsync("quiz-answers", new
        {
            database = path, residents, questions, concurrency, answersPerSecondMedian = Median(answerRates), servesPerSecondMedian = Median(serveRates),
            answersPerSecondByRound = answerRates, acknowledged, stored, lost, errors,
        });
        return lost == 0 && errors == 0 ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<(int StageId, List<string> UserIds, Dictionary<int, (int Right, int Wrong)> Options)> GenerateAsync(string path, int residents, int questions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        await using (var db = BenchDatabase.Context(path))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
        var now = DateTime.UtcNow;
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            var userIds = await CityScaleGenerator.InsertResidentsAsync(connection, residents, now.AddDays(-30));
            await using var db = BenchDatabase.Context(path);
            var campaign = new QuizCampaign
            {
                Slug = "rush", CreatedAt = now, Title = LocalizedText.Of("Rush", "Наплыв"), Summary = LocalizedText.Of("Benchmark", "Замер"),
                Stages =
                [
                    new QuizStage
                    {
                        Number = 1, Title = LocalizedText.Of("Stage", "Этап"), OpensAt = now.AddMinutes(-1), ClosesAt = now.AddDays(1),
                        SecondsPerQuestion = QuizLimits.MaxSecondsPerQuestion,
                        Questions = [.. Enumerable.Range(1, questions).Select(position => new QuizQuestion
                        {
                            Position = position, Kind = QuestionKind.SingleChoice, Text = LocalizedText.Of($"Question {position}", $"Вопрос {position}"),
                            Explanation = LocalizedText.Of("Because.", "Потому что."),
                            Options = [.. Enumerable.Range(1, 4).Select(option => new QuizOption
                            {
                                Position = option, Text = LocalizedText.Of($"Option {option}", $"Вариант {option}"), IsCorrect = option == 2,
                            })],
                        })],
                    },
                ],
            };
            db.Add(campaign);
            await db.SaveChangesAsync();
            var options = campaign.Stages[0].Questions.ToDictionary(question => question.Id,
                question => (question.Options.Single(option => option.IsCorrect).Id, question.Options.First(option => !option.IsCorrect).Id));
            return (campaign.Stages[0].Id, userIds, options);
        }
    }
}
