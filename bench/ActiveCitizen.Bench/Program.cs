using ActiveCitizen.Bench;

// Benchmarks are not tests: they print figures for docs/PERFORMANCE.md and write them as JSON under bench/results/.
return args.FirstOrDefault() switch
{
    "generate" => await CityScaleGenerator.RunAsync(Options.Parse(args[1..])),
    "catalog" => await CatalogBenchmark.RunAsync(Options.Parse(args[1..])),
    "discussion" => await DiscussionBenchmark.RunAsync(Options.Parse(args[1..])),
    "quiz-answers" => await QuizAnswerBenchmark.RunAsync(Options.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
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
        """);
    return 2;
}
