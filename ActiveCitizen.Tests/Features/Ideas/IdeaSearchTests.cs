using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Tests.Features.Ideas;

public sealed class IdeaSearchTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private IdeaQueries Queries => new(database.Factory);

    private async Task<(Project Project, string Author)> ProjectAsync()
    {
        var project = await TestProjects.CreateAsync(database);
        return (project, await TestUsers.CreateAsync(database, "Author"));
    }

    private async Task<List<string>> TitlesFound(string text, CatalogSort sort = CatalogSort.Relevance) =>
        [.. (await Queries.CatalogAsync(new CatalogQuery(Text: text, Sort: sort))).Ideas.Select(idea => idea.Title)];

    [Fact]
    public async Task Search_finds_ideas_by_words_of_the_title_and_of_the_description_in_any_form()
    {
        var (project, author) = await ProjectAsync();
        await TestProjects.AddIdeaAsync(database, project, author, "Pay several flats from one account", "Switching accounts for my mother's flat wastes time every month.");
        await TestProjects.AddIdeaAsync(database, project, author, "Reminder before the meter deadline", "A notification two days before payments are due would help.");
        await TestProjects.AddIdeaAsync(database, project, author, "Передавать показания по фото", "Сфотографировать счётчик и не переписывать цифры вручную.");
        await TestProjects.AddIdeaAsync(database, project, author, "Автоплатёж с подтверждением", "Оплата списывается, только если я не возражаю против суммы.");

        Assert.Equal(["Pay several flats from one account"], await TitlesFound("flat"));
        Assert.Equal(["Reminder before the meter deadline"], await TitlesFound("payment"));
        Assert.Equal(["Передавать показания по фото"], await TitlesFound("счётчика"));
        Assert.Equal(["Автоплатёж с подтверждением"], await TitlesFound("оплату"));
        Assert.Equal(["Передавать показания по фото"], await TitlesFound("ФОТО показаний"));
        Assert.Empty(await TitlesFound("elevator"));
    }

    [Fact]
    public async Task Query_syntax_typed_by_a_resident_is_searched_for_as_words_never_run()
    {
        var (project, author) = await ProjectAsync();
        await TestProjects.AddIdeaAsync(database, project, author, "Bills NEAR the door", "Bills should not be left near the door of the building.");

        Assert.Equal(["Bills NEAR the door"], await TitlesFound("\"bills\" NEAR(door *"));
        // Nothing searchable at all: the box is treated as empty rather than failing.
        Assert.Equal(["Bills NEAR the door"], await TitlesFound("\"*\" ^ - ("));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_description_match()
    {
        var (project, author) = await ProjectAsync();
        // Each mentions the word once and the title match is the older idea, so only the title's weight can put it first.
        await TestProjects.AddIdeaAsync(database, project, author, "Heating schedule online", "Show when it will be switched on in autumn.");
        await TestProjects.AddIdeaAsync(database, project, author, "Quarterly report of the company", "Publish where the heating money goes each year.");

        Assert.Equal(["Heating schedule online", "Quarterly report of the company"], await TitlesFound("heating"));
    }

    [Fact]
    public async Task Similar_ideas_are_the_projects_ideas_sharing_most_meaningful_words_best_first()
    {
        var (project, author) = await ProjectAsync();
        var other = await TestProjects.CreateAsync(database, "other-project");
        await TestProjects.AddIdeaAsync(database, project, author, "Photo of the water meter instead of typing", "Take a photo of the meter and let the app read the numbers.");
        await TestProjects.AddIdeaAsync(database, project, author, "Water pressure in the morning", "The pressure is too low before work.");
        await TestProjects.AddIdeaAsync(database, project, author, "Receipts for taxes", "Download all payment receipts for a year.");
        await TestProjects.AddIdeaAsync(database, project, author, "Withdrawn photo meter idea", "Photo of the water meter.", IdeaState.Withdrawn);
        await TestProjects.AddIdeaAsync(database, other, author, "Photo of the water meter elsewhere", "Take a photo of the meter.");

        var similar = await Queries.SimilarAsync(project.Id, "Send meter readings as a photo of the water meter");

        Assert.Equal(["Photo of the water meter instead of typing", "Water pressure in the morning"], similar.Select(idea => idea.Title));
        Assert.Empty(await Queries.SimilarAsync(project.Id, "the and for with"));
    }

    [Fact]
    public async Task The_catalog_leaves_withdrawn_ideas_out_unless_asked_and_sorts_and_filters()
    {
        var (project, author) = await ProjectAsync();
        var quiet = await TestProjects.AddIdeaAsync(database, project, author, "A quiet idea about bins", "Bins should be emptied more often in summer.");
        var popular = await TestProjects.AddIdeaAsync(database, project, author, "A popular idea about bins", "Bins should have lids so that birds stay out.");
        await TestProjects.AddIdeaAsync(database, project, author, "A withdrawn idea about bins", "Bins should be painted in bright colours.", IdeaState.Withdrawn);
        await using (var db = database.CreateContext())
        {
            (await db.Set<Idea>().FindAsync(popular.Id))!.SupportCount = 7;
            await db.SaveChangesAsync();
        }

        var bySupport = await Queries.CatalogAsync(new CatalogQuery(ProjectId: project.Id, Sort: CatalogSort.MostSupported));
        var newest = await Queries.CatalogAsync(new CatalogQuery(Text: "bins", Sort: CatalogSort.Newest));
        var withdrawn = await Queries.CatalogAsync(new CatalogQuery(State: IdeaState.Withdrawn));
        var otherCategory = await Queries.CatalogAsync(new CatalogQuery(CategoryId: project.Categories[1].Id));

        Assert.Equal([popular.Id, quiet.Id], bySupport.Ideas.Select(idea => idea.Id));
        Assert.Equal(2, bySupport.Total);
        Assert.Equal([popular.Id, quiet.Id], newest.Ideas.Select(idea => idea.Id));
        Assert.Equal(["A withdrawn idea about bins"], withdrawn.Ideas.Select(idea => idea.Title));
        Assert.Empty(otherCategory.Ideas);
    }

    [Fact]
    public async Task An_edited_idea_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var (project, author) = await ProjectAsync();
        var idea = await TestProjects.AddIdeaAsync(database, project, author, "Benches in the courtyard", "More places to sit for older neighbours.");
        await using (var db = database.CreateContext())
        {
            (await db.Set<Idea>().FindAsync(idea.Id))!.Title = "Lamps in the courtyard";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Lamps in the courtyard"], await TitlesFound("lamps"));
        Assert.Empty(await TitlesFound("benches in"));
    }

    [Fact]
    public async Task A_deleted_idea_leaves_the_index()
    {
        var (project, author) = await ProjectAsync();
        var idea = await TestProjects.AddIdeaAsync(database, project, author, "Fountains in the square", "Drinking fountains for hot summer days.");
        await using (var db = database.CreateContext())
        {
            db.Remove(await db.Set<Idea>().SingleAsync(candidate => candidate.Id == idea.Id));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await TitlesFound("fountains"));
        await using var check = database.CreateContext();
        // The index agrees with its source row for row (what a rebuild would produce).
        await check.Database.ExecuteSqlRawAsync("INSERT INTO IdeaSearch(IdeaSearch, rank) VALUES ('integrity-check', 1);");
    }

    [Fact]
    public async Task A_project_counts_each_resident_who_took_part_once()
    {
        var (project, author) = await ProjectAsync();
        var service = new IdeasService(database.Factory, new ProjectQueries(database.Factory, TimeProvider.System), new UserAccess(database.Factory),
            new ActiveCitizen.App.Infrastructure.Live.InProcessLiveEvents(Microsoft.Extensions.Logging.Abstractions.NullLogger<ActiveCitizen.App.Infrastructure.Live.InProcessLiveEvents>.Instance),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(TestProjects.SubmissionOpens.AddHours(1))));
        var writer = TestUsers.Principal(await TestUsers.CreateAsync(database, "Writer"));
        var supporter = TestUsers.Principal(await TestUsers.CreateAsync(database, "Supporter"));
        var first = await service.SubmitAsync(writer, new IdeaDraft(project.Id, "Benches near the school", "Parents wait outside the school and have nowhere to sit.", project.Categories[0].Id, null, Guid.NewGuid()));
        var second = await service.SubmitAsync(writer, new IdeaDraft(project.Id, "Shade near the school", "Trees or a canopy where parents wait in the summer heat.", project.Categories[0].Id, null, Guid.NewGuid()));
        await service.SupportAsync(supporter, first.IdeaId);
        await service.SupportAsync(supporter, second.IdeaId);
        await service.SupportAsync(writer, (await TestProjects.AddIdeaAsync(database, project, author, "Someone else's idea", "A description long enough for an idea.")).Id);

        var figures = await Queries.ProjectFiguresAsync(project.Id);

        Assert.Equal(new ProjectFigures(Ideas: 3, Participants: 2, Supports: 3), figures);
    }

    public void Dispose() => database.Dispose();
}
