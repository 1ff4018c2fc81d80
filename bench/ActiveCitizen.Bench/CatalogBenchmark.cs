using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench;

/// <summary>
/// Times the catalog's reads through the app's own query code on a generated city-scale database: each scenario is warmed up, then
/// run many times; the table shows percentiles of single calls.
/// </summary>
public static class CatalogBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var path = options.Path("db", "bench/data/city.db");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"No database at {path}. Create it first with the generate command.");
            return 1;
        }
        var iterations = options.Number("iterations", 300);
        var factory = BenchDatabase.Factory(path);
        var ideas = new IdeaQueries(factory);

        int largestProject, category, ideaCount;
        string viewer;
        int[] ideaIds;
        await using (var db = factory.CreateDbContext())
        {
            largestProject = await db.Set<Idea>().GroupBy(idea => idea.ProjectId).OrderByDescending(group => group.Count()).Select(group => group.Key).FirstAsync();
            category = await db.Set<ProjectCategory>().Where(c => c.ProjectId == largestProject).Select(c => c.Id).FirstAsync();
            ideaCount = await db.Set<Idea>().CountAsync();
            viewer = await db.Users.Select(user => user.Id).FirstAsync();
            ideaIds = await db.Set<Idea>().OrderBy(idea => idea.Id).Select(idea => idea.Id).ToArrayAsync();
        }
        var random = new Random(7);
        var projectIds = await ProjectIdsAsync(factory);
        // Inputs rotate from call to call, so the figures are not those of one query answered from a warm cache.
        var turn = 0;
        T Next<T>(IReadOnlyList<T> choices) => choices[turn++ % choices.Count];
        string[] drafts =
        [
            "Установить фонари у метро, вечером там темно и небезопасно",
            "Install benches in the park for older people who walk there every day",
            "Отремонтировать детскую площадку во дворе, она сломана",
            "A bike lane along the river would make the commute safer",
        ];

        var scenarios = new (string Name, Func<Task> Run)[]
        {
            ("catalog, first page, newest", () => ideas.CatalogAsync(new CatalogQuery(Sort: CatalogSort.Newest))),
            ("catalog, first page, most supported", () => ideas.CatalogAsync(new CatalogQuery(Sort: CatalogSort.MostSupported))),
            ("catalog, first page, most discussed", () => ideas.CatalogAsync(new CatalogQuery(Sort: CatalogSort.MostDiscussed))),
            ("catalog, page 50, newest", () => ideas.CatalogAsync(new CatalogQuery(Sort: CatalogSort.Newest, Page: 49))),
            ("search common words, best match", () => ideas.CatalogAsync(new CatalogQuery(Text: Next(CityScaleGenerator.CommonWords), Sort: CatalogSort.Relevance))),
            ("search common words, newest", () => ideas.CatalogAsync(new CatalogQuery(Text: Next(CityScaleGenerator.CommonWords), Sort: CatalogSort.Newest))),
            ("search common words, most supported", () => ideas.CatalogAsync(new CatalogQuery(Text: Next(CityScaleGenerator.CommonWords), Sort: CatalogSort.MostSupported))),
            ("search rare words", () => ideas.CatalogAsync(new CatalogQuery(Text: Next(CityScaleGenerator.RareWords), Sort: CatalogSort.Relevance))),
            ("search common word within a project", () => ideas.CatalogAsync(new CatalogQuery(Text: Next(CityScaleGenerator.CommonWords), ProjectId: largestProject, Sort: CatalogSort.Relevance))),
            ("filter project + category, most supported", () => ideas.CatalogAsync(new CatalogQuery(ProjectId: largestProject, CategoryId: category, Sort: CatalogSort.MostSupported))),
            ("filter project + state, newest", () => ideas.CatalogAsync(new CatalogQuery(ProjectId: largestProject, State: IdeaState.Selected, Sort: CatalogSort.Newest))),
            ("similar ideas while typing", () => ideas.SimilarAsync(Next(projectIds), Next(drafts))),
            ("idea page data", async () =>
            {
                var id = ideaIds[random.Next(ideaIds.Length)];
                await ideas.DetailsAsync(id);
                await ideas.ViewerStateAsync(id, viewer);
            }),
            ("project page data (figures, top ideas)", async () =>
            {
                var project = Next(projectIds);
                await ideas.ProjectFiguresAsync(project);
                await ideas.CatalogAsync(new CatalogQuery(ProjectId: project, Sort: CatalogSort.MostSupported, PageSize: 10));
            }),
        };

        Console.WriteLine($"Database: {path} ({ideaCount:N0} ideas), {iterations} timed calls per scenario after 30 warm-up calls");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-48} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        var results = new List<object>();
        foreach (var (name, run) in scenarios)
        {
            for (var warm = 0; warm < 30; warm++)
            {
                await run();
            }
            var timings = new double[iterations];
            for (var index = 0; index < iterations; index++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                timings[index] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(timings);
            double Percentile(double p) => timings[Math.Min(timings.Length - 1, (int)Math.Ceiling(p * timings.Length) - 1)];
            Console.WriteLine($"{name,-48} {Percentile(0.50),8:F2} {Percentile(0.95),8:F2} {Percentile(0.99),8:F2} {timings[^1],8:F2}");
            results.Add(new { scenario = name, p50 = Percentile(0.50), p95 = Percentile(0.95), p99 = Percentile(0.99), max = timings[^1] });
        }

        var directory = Path.Combine(Options.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"catalog-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            database = path,
            ideas = ideaCount,
            iterations,
            machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
            results,
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine();
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    private static async Task<int[]> ProjectIdsAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<ActiveCitizen.App.Infrastructure.Data.AppDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<Project>().Select(project => project.Id).ToArrayAsync();
    }
}
