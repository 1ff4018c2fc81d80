using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;

namespace ActiveCitizen.App.Features.Ideas;

public partial class IdeasCatalogPage
{
    private IReadOnlyList<(int Id, string Slug, LocalizedText Title)> projects = [];
    private IReadOnlyList<TagView> tags = [];
    private IReadOnlyList<CategoryView> categories = [];
    private CatalogPage? result;
    private CatalogSort sort;
    private int loads;

    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "project")] public string? Project { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public int? Category { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? Tag { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? State { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }

    /// <summary>The page asked for, kept within the pages a count can reach (a crafted page=999999999 reads nothing).</summary>
    private int Page => Math.Clamp((PageParameter ?? 1) - 1, 0, IdeaQueries.CountCap / IdeaLimits.CatalogPageSize);
    private int PageCount => result is null ? 0 : (int)Math.Ceiling(result.Total / (double)IdeaLimits.CatalogPageSize);

    protected override async Task OnInitializedAsync()
    {
        projects = await Projects.ChoicesAsync();
        tags = await Ideas.TagsAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        // Typing and clicking can start a new search before the last one answered: only the latest may show its results.
        var load = ++loads;
        var projectId = projects.FirstOrDefault(choice => choice.Slug == Project).Id;
        categories = projectId == 0 ? [] : (await Projects.GetByIdAsync(projectId))?.Categories ?? [];
        sort = ParseSort(Sort, Text);
        var query = new CatalogQuery(
            Text,
            projectId == 0 ? null : projectId,
            categories.Any(category => category.Id == Category) ? Category : null,
            tags.FirstOrDefault(tag => tag.Slug == Tag)?.Id,
            Enum.GetValues<IdeaState>().Where(state => state.ToString() == State).Select(state => (IdeaState?)state).FirstOrDefault(),
            sort,
            Page);
        var page = await Ideas.CatalogAsync(query);
        if (load == loads)
        {
            result = page;
        }
    }

    /// <summary>A card's idea left every listing (hidden or merged away) while the page was open.</summary>
    private void RemoveCard(int ideaId)
    {
        if (result is not null)
        {
            result = result with { Ideas = result.Ideas.Where(card => card.Id != ideaId).ToList() };
        }
    }

    private static CatalogSort ParseSort(string? value, string? text) => value switch
    {
        "newest" => CatalogSort.Newest,
        "supported" => CatalogSort.MostSupported,
        "discussed" => CatalogSort.MostDiscussed,
        "relevance" when !string.IsNullOrWhiteSpace(text) => CatalogSort.Relevance,
        _ => string.IsNullOrWhiteSpace(text) ? CatalogSort.Newest : CatalogSort.Relevance,
    };

    private static string SortName(CatalogSort sort) => sort switch
    {
        CatalogSort.MostSupported => "supported",
        CatalogSort.MostDiscussed => "discussed",
        CatalogSort.Relevance => "relevance",
        _ => "newest",
    };

    private string ProjectName(string? slug) => projects.FirstOrDefault(choice => choice.Slug == slug).Title?.ToString() ?? L["Catalog.AllProjects"];

    private string TagName(string? slug) => tags.FirstOrDefault(tag => tag.Slug == slug)?.Name.ToString() ?? L["Catalog.AnyTag"];

    /// <summary>
    /// Every change goes through the address, so a search can be shared, bookmarked and gone back to. Typing replaces the current
    /// history entry (Back should not step through every letter); choosing a filter, a sort or a page adds one.
    /// </summary>
    private Task GoAsync(string? text = null, string? project = null, int? category = null, string? tag = null, string? state = null,
        CatalogSort? sort = null, int? page = null)
    {
        var query = new Dictionary<string, object?>
        {
            ["q"] = Blank(text ?? Text),
            ["project"] = Blank(project ?? Project),
            ["category"] = (category ?? Category) is > 0 and var chosen ? chosen : null,
            ["tag"] = Blank(tag ?? Tag),
            ["state"] = Blank(state ?? State),
            ["sort"] = sort is { } chosenSort ? SortName(chosenSort) : Blank(Sort),
            ["page"] = (page ?? Page) is > 0 and var index ? index + 1 : null,
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: text is not null);
        return Task.CompletedTask;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private void Clear() => Navigation.NavigateTo("ideas", replace: true);
}
