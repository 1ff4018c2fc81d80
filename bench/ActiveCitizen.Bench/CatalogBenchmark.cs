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
        Measurements.PrintMachine();
        Measurements.PrintHeader();
        var measurements = new Measurements(iterations);
        foreach (var (name, run) in scenarios)
        {
            await measurements.RunAsync(name, run);
        }
        await measurements.SaveAsync("catalog", new { database = path, ideas = ideaCount });
        return 0;
    }

    private static async Task<int[]> ProjectIdsAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<ActiveCitizen.App.Infrastructure.Data.AppDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<Project>().Select(project => project.Id).ToArrayAsync();
    }
}
