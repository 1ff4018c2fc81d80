using ActiveCitizen.Bench.Circuits;

namespace ActiveCitizen.Bench;

/// <summary>
/// Benchmarks are not tests: they print figures for docs/PERFORMANCE.md and write them as JSON under bench/results/. (A named entry
/// class rather than top-level statements: the test project references both this and the app, and two global Program classes clash.)
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "generate" => await CityScaleGenerator.RunAsync(Options.Parse(args[1..])),
        "catalog" => await CatalogBenchmark.RunAsync(Options.Parse(args[1..])),
        "discussion" => await DiscussionBenchmark.RunAsync(Options.Parse(args[1..])),
        "quiz-answers" => await QuizAnswerBenchmark.RunAsync(Options.Parse(args[1..])),
        "circuits" => await CircuitsScenario.RunAsync(Options.Parse(args[1..])),
        "fanout" => await FanoutScenario.RunAsync(Options.Parse(args[1..])),
        "quiz-rush" => await QuizRushScenario.RunAsync(Options.Parse(args[1..])),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- generate [--db bench/data/city.db] [--ideas 100000]
                  [--projects 20] [--residents 50000] [--supports 1000000]
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- catalog [--db bench/data/city.db] [--iterations 300]
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- discussion [--db bench/data/discussion.db] [--comments 5000]
                  [--viewers 1000] [--iterations 300]
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- quiz-answers [--db bench/data/quiz.db] [--residents 5000]
                  [--questions 10] [--concurrency 1000]

            Live scenarios: protocol-level Blazor circuits against the app, started in this build's configuration on a fresh database with the
            demo (bench/data/live-<scenario>), or an app already running (--url http://host:port --db path/to/its.db):
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- circuits [--circuits 5000] [--rate 100] [--hold 30] [--city bench/data/city.db]
                  [--app activecitizen|hello-circuit|hello-island]  (the framework's smallest interactive app, bench/HelloCircuit:
                  the whole app interactive, or one interactive component on a page rendered on the server alone)
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- fanout [--viewers 1000] [--catalog-viewers <viewers>] [--rate 100]
                  [--readers anonymous|signed-in] [--thread 0]  (comments added after the opening one: a long discussion)
              dotnet run -c Release --project bench/ActiveCitizen.Bench -- quiz-rush [--residents 2000] [--window 5] [--start-window 8]
            """);
        return 2;
    }
}
