using System.Diagnostics;
using ActiveCitizen.App.Features.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench.Circuits;

public sealed record QuizRushResult(
    int Residents, string StagePath, IReadOnlyList<string> Failures, double[] StartMilliseconds, double[] AnswerMilliseconds,
    int Confirmed, int Stored, TimeSpan ServerCpu, TimeSpan ClientCpu, IReadOnlyDictionary<string, int> UnansweredJsCalls)
{
    public bool NothingLost => Confirmed == Stored;
}

/// <summary>
/// Scenario "quiz-rush": N residents sign in and open the same open quiz stage; they start it over a few seconds, then all answer its
/// first question within W seconds, each through their own circuit: an option, then "Answer". Per resident, the time from the
/// "Answer" click to the render batch that shows the confirmation; afterwards, the answers the database holds must equal the ones
/// the residents were shown as recorded.
/// </summary>
public static class QuizRushScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Options options)
    {
        var residents = options.Number("residents", 2000);
        var window = TimeSpan.FromSeconds(options.Number("window", 5));
        var startWindow = TimeSpan.FromSeconds(options.Number("start-window", 8));
        await using var site = await LiveSite.OpenAsync(options, "quiz-rush");
        var result = await RunAsync(site, residents, window, startWindow);

        Measurements.PrintMachine();
        Console.WriteLine("Server and client share the machine's cores; the client signs in and opens every circuit before the clock starts.");
        var measurements = new Measurements(residents, warmUp: 0);
        Measurements.PrintHeader();
        measurements.Record($"start the stage, {result.StartMilliseconds.Length:N0} over {startWindow.TotalSeconds:F0} s", result.StartMilliseconds);
        measurements.Record($"answer to confirmation, {result.AnswerMilliseconds.Length:N0} within {window.TotalSeconds:F0} s", result.AnswerMilliseconds);
        Console.WriteLine();
        Console.WriteLine($"answers confirmed {result.Confirmed:N0}, stored {result.Stored:N0} ({(result.NothingLost ? "none lost" : "MISMATCH")}); errors {result.Failures.Count}");
        Console.WriteLine($"CPU over the rush: server {result.ServerCpu.TotalSeconds:F1} s, client {result.ClientCpu.TotalSeconds:F1} s");
        foreach (var failure in result.Failures.GroupBy(failure => failure).Take(5))
        {
            Console.WriteLine($"  failure x{failure.Count()}: {failure.Key}");
        }
        await measurements.SaveAsync("quiz-rush", new
        {
            residents, windowSeconds = window.TotalSeconds, startWindowSeconds = startWindow.TotalSeconds, result.StagePath,
            result.Confirmed, result.Stored, errors = result.Failures.Count,
            serverCpuSeconds = result.ServerCpu.TotalSeconds, clientCpuSeconds = result.ClientCpu.TotalSeconds, result.UnansweredJsCalls,
        });
        return result.NothingLost && result.Failures.Count == 0 ? 0 : 1;
    }

    public static async Task<QuizRushResult> RunAsync(LiveSite site, int residents, TimeSpan window, TimeSpan startWindow)
    {
        string path;
        int stageId;
        await using (var db = site.Context())
        {
            var now = DateTime.UtcNow;
            var stage = await db.Set<QuizStage>().AsNoTracking()
                .Where(stage => stage.EntryRule == EntryRule.Open && stage.OpensAt <= now && stage.ClosesAt > now)
                .Join(db.Set<QuizCampaign>(), stage => stage.CampaignId, campaign => campaign.Id,
                    (stage, campaign) => new { stage.Id, stage.Number, campaign.Slug })
                .FirstAsync();
            path = $"quizzes/{stage.Slug}/stages/{stage.Number}/play";
            stageId = stage.Id;
        }
        var emails = await site.AddResidentsAsync(residents);
        using var target = new CircuitTarget(site.BaseUri);
        var failures = new List<string>();

        // Signing in hashes a password on the server (deliberately slow), so it happens before the clock, a few at a time.
        var players = new CircuitClient?[residents];
        await Parallel.ForAsync(0, residents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var client = new CircuitClient(target);
            try
            {
                await client.SignInAsync(emails[index], App.Features.Accounts.DemoAccounts.Password);
                await client.OpenAsync(path);
                await client.WaitForTestIdAsync("start-stage", Patience, withHandler: "click");
                players[index] = client;
            }
            catch (Exception exception)
            {
                lock (failures)
                {
                    failures.Add($"preparing: {exception.Message}");
                }
                await client.DisposeAsync();
            }
        });
        var ready = players.OfType<CircuitClient>().ToList();
        await site.SettleAsync();
        var serverCpu = site.ServerCpu;
        var clientCpu = LiveSite.ClientCpu;
        var startTimes = new List<double>();
        var answerTimes = new List<double>();
        var confirmed = 0;
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(ready.Select(async (player, index) =>
            {
                try
                {
                    await Task.Delay(startWindow * index / ready.Count);
                    var start = await player.WaitForTestIdAsync("start-stage", Patience, withHandler: "click");
                    var startSent = Stopwatch.GetTimestamp();
                    await player.ClickAsync(start);
                    var (option, shown) = await player.WaitForTimedAsync(root => root.Descendants()
                        .Where(node => node.Attribute("data-testid") == "option" && node.Handlers.ContainsKey("click"))
                        .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the first question's options");
                    lock (startTimes)
                    {
                        startTimes.Add(Stopwatch.GetElapsedTime(startSent, shown).TotalMilliseconds);
                    }

                    var answerAt = startWindow + window * index / ready.Count;
                    if (answerAt > clock.Elapsed)
                    {
                        await Task.Delay(answerAt - clock.Elapsed);
                    }
                    await player.ClickAsync(option);
                    var submit = await player.WaitForAsync(root => root.Descendants()
                        .Where(node => node.Attribute("data-testid") == "submit-answer" && node.Handlers.ContainsKey("click") &&
                                       !node.Attributes.ContainsKey("disabled"))
                        .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the answer button, enabled");
                    var answerSent = Stopwatch.GetTimestamp();
                    await player.ClickAsync(submit);
                    var (feedback, confirmedAt) = await player.WaitForTimedAsync(root => root.Descendants()
                        .Where(node => node.Attribute("data-testid") == "feedback-title")
                        .Select(ElementHandle.Of).FirstOrDefault(), Patience, "the answer's confirmation");
                    lock (answerTimes)
                    {
                        answerTimes.Add(Stopwatch.GetElapsedTime(answerSent, confirmedAt).TotalMilliseconds);
                        // "Time ran out" is the clock's verdict, not a recorded answer.
                        if (feedback.Text is "Right!" or "Not right")
                        {
                            confirmed++;
                        }
                        else
                        {
                            failures.Add($"answer not recorded: {feedback.Text}");
                        }
                    }
                }
                catch (Exception exception)
                {
                    lock (failures)
                    {
                        failures.Add(exception.Message);
                    }
                }
            }));
        }
        finally
        {
            await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (client, _) => await client.DisposeAsync());
        }
        var serverCpuUsed = site.ServerCpu - serverCpu;
        var clientCpuUsed = LiveSite.ClientCpu - clientCpu;

        int stored;
        await using (var db = site.Context())
        {
            var benchResidents = db.Users.Where(user => user.Email!.EndsWith("@bench.activecitizen.example")).Select(user => user.Id);
            stored = await db.Set<QuizAnswer>()
                .Join(db.Set<QuizAttempt>(), answer => answer.AttemptId, attempt => attempt.Id, (answer, attempt) => new { answer, attempt })
                .CountAsync(row => row.attempt.StageId == stageId && benchResidents.Contains(row.attempt.UserId) &&
                                   (row.answer.Outcome == AnswerOutcome.Correct || row.answer.Outcome == AnswerOutcome.Wrong));
        }
        return new QuizRushResult(residents, path, failures, [.. startTimes], [.. answerTimes], confirmed, stored,
            serverCpuUsed, clientCpuUsed, new Dictionary<string, int>(target.UnansweredJsCalls));
    }
}
