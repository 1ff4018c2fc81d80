using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

public enum CatalogSort
{
    /// <summary>Best match first; the default when searching.</summary>
    Relevance,
    Newest,
    MostSupported,
    MostDiscussed,
}

public sealed record CatalogQuery(
    string? Text = null, int? ProjectId = null, int? CategoryId = null, int? TagId = null, IdeaState? State = null,
    CatalogSort Sort = CatalogSort.Newest, int Page = 0, int PageSize = IdeaLimits.CatalogPageSize);

public sealed record TagView(int Id, string Slug, LocalizedText Name, string Color);

public sealed record IdeaCard(
    int Id, string Title, string Excerpt, int ProjectId, string ProjectSlug, LocalizedText ProjectTitle, LocalizedText Category,
    IdeaState State, int SupportCount, int CommentCount, DateTime SubmittedAt, string AuthorName, IReadOnlyList<TagView> Tags);

/// <summary>One page of the catalog. <see cref="Total"/> stops counting at <see cref="IdeaQueries.CountCap"/> (shown as "10,000+").</summary>
public sealed record CatalogPage(IReadOnlyList<IdeaCard> Ideas, int Total, bool TotalIsCapped);

public sealed record IdeaDetails(
    int Id, string Title, string Description, int ProjectId, string ProjectSlug, LocalizedText ProjectTitle, int CategoryId, LocalizedText Category,
    string? District, IdeaState State, string? StateReason, int SupportCount, long SupportSequence, int CommentCount, DateTime SubmittedAt,
    DateTime? EditedAt, string AuthorId, string AuthorName, IReadOnlyList<TagView> Tags, bool Hidden = false, IdeaHiddenBy? HiddenBy = null,
    string? HiddenNote = null, int? MergedIntoId = null, LocalizedText? RejectionReason = null, int OpenReports = 0, bool Triaged = false);

public sealed record SimilarIdea(int Id, string Title, int SupportCount, IdeaState State);

public sealed record ProjectFigures(int Ideas, int Participants, int Supports);

public sealed record MyIdea(int Id, string Title, IdeaState State, int SupportCount, DateTime SubmittedAt, LocalizedText ProjectTitle);

/// <summary>The reads of ideas: catalog, one idea, similar ideas, a project's figures and a resident's own lists.</summary>
public sealed class IdeaQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int CountCap = 10_000;

    /// <summary>A search counts its matches only this far ("more than 1,000 ideas"): nobody pages through more.</summary>
    public const int SearchCountCap = 1_000;

    /// <summary>
    /// Ranking by relevance scores every candidate, which for a word in a third of 100,000 ideas costs tens of milliseconds. A
    /// search therefore ranks its newest 2,000 matches: with that many, the word says little to tell ideas apart, and recent ideas
    /// are the ones residents can still support. Searches with fewer matches are ranked whole.
    /// </summary>
    public const int RelevanceWindow = 2_000;

    /// <summary>
    /// Similar ideas are looked for with the rarest words of the draft, adding words while together they occur in at most this many
    /// ideas: rare words are what tell a duplicate apart, and ranking a few thousand candidates is cheap. Only when even the rarest
    /// word is common are the project's newest <see cref="SimilarWindow"/> matches ranked instead.
    /// </summary>
    public const int SimilarCandidateBudget = 5_000;

    public const int SimilarWindow = 1_000;
    private const int ExcerptLength = 220;

    public async Task<CatalogPage> CatalogAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, IdeaLimits.MaxCatalogPageSize);
        var page = Math.Max(query.Page, 0);
        var match = IdeaSearchText.MatchAll(query.Text);
        var ideas = Filtered(db.Set<Idea>(), db, query);

        List<int> ids;
        int total;
        if (match is null)
        {
            var ordered = query.Sort switch
            {
                CatalogSort.MostSupported => ideas.OrderByDescending(idea => idea.SupportCount).ThenByDescending(idea => idea.Id),
                CatalogSort.MostDiscussed => ideas.OrderByDescending(idea => idea.CommentCount).ThenByDescending(idea => idea.Id),
                // Ids grow with submission time, so the primary key gives "newest" without a sort.
                _ => ideas.OrderByDescending(idea => idea.Id),
            };
            ids = await ordered.Skip(page * pageSize).Take(pageSize).Select(idea => idea.Id).ToListAsync(cancellationToken);
            total = await ideas.Take(CountCap + 1).CountAsync(cancellationToken);
        }
        else if (query.Sort is CatalogSort.MostSupported or CatalogSort.MostDiscussed)
        {
            var matching = Filtered(IdeaSearchMatch.IdeasMatching(db, match), db, query);
            var ordered = query.Sort == CatalogSort.MostSupported
                ? matching.OrderByDescending(idea => idea.SupportCount).ThenByDescending(idea => idea.Id)
                : matching.OrderByDescending(idea => idea.CommentCount).ThenByDescending(idea => idea.Id);
            ids = await ordered.Skip(page * pageSize).Take(pageSize).Select(idea => idea.Id).ToListAsync(cancellationToken);
            var counted = await matching.Take(SearchCountCap + 1).CountAsync(cancellationToken);
            return new CatalogPage(await CardsAsync(db, ids, cancellationToken), Math.Min(counted, SearchCountCap), counted > SearchCountCap);
        }
        else
        {
            var (lowest, highest) = query.ProjectId is { } projectId ? await IdRangeAsync(db, projectId, cancellationToken) : (0, int.MaxValue);
            var rankedFrom = query.Sort == CatalogSort.Relevance
                ? Math.Max(lowest, await WindowStartAsync(db, match, ideas, lowest, highest, RelevanceWindow, cancellationToken))
                : lowest;
            var hits = from hit in IdeaSearchMatch.For(db, match, rankedFrom, highest)
                       join idea in ideas on hit.IdeaId equals idea.Id
                       // The hit's id, not the idea's: ordering by it lets the index hand matches over newest first.
                       select new { Id = hit.IdeaId, hit.Rank };
            var ordered = query.Sort == CatalogSort.Newest
                ? hits.OrderByDescending(hit => hit.Id)
                : hits.OrderBy(hit => hit.Rank).ThenByDescending(hit => hit.Id);
            ids = await ordered.Skip(page * pageSize).Take(pageSize).Select(hit => hit.Id).ToListAsync(cancellationToken);
            var counted = await (from hit in IdeaSearchMatch.For(db, match, lowest, highest)
                                 join idea in ideas on hit.IdeaId equals idea.Id
                                 select hit.IdeaId).Take(SearchCountCap + 1).CountAsync(cancellationToken);
            var cappedCards = await CardsAsync(db, ids, cancellationToken);
            return new CatalogPage(cappedCards, Math.Min(counted, SearchCountCap), counted > SearchCountCap);
        }
        var cards = await CardsAsync(db, ids, cancellationToken);
        return new CatalogPage(cards, Math.Min(total, CountCap), total > CountCap);
    }

    /// <summary>
    /// The id from which the newest <paramref name="window"/> matches (that pass the filters) start; 0 when there are fewer. The
    /// index walks its matches newest first, so this costs little however common the word.
    /// </summary>
    private static async Task<int> WindowStartAsync(
        AppDbContext db, string match, IQueryable<Idea> ideas, int lowest, int highest, int window, CancellationToken cancellationToken) =>
        await (from hit in IdeaSearchMatch.For(db, match, lowest, highest)
               join idea in ideas on hit.IdeaId equals idea.Id
               orderby hit.IdeaId descending
               select hit.IdeaId).Skip(window - 1).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A project's ideas lie between its first and last id, so a search within it lets the index skip the rest.</summary>
    private static async Task<(int Lowest, int Highest)> IdRangeAsync(AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var ideas = db.Set<Idea>().Where(idea => idea.ProjectId == projectId);
        var lowest = await ideas.MinAsync(idea => (int?)idea.Id, cancellationToken);
        var highest = await ideas.MaxAsync(idea => (int?)idea.Id, cancellationToken);
        return lowest is null ? (1, 0) : (lowest.Value, highest!.Value);
    }

    private static IQueryable<Idea> Filtered(IQueryable<Idea> source, AppDbContext db, CatalogQuery query)
    {
        var ideas = source.AsNoTracking();
        if (query.ProjectId is { } projectId)
        {
            ideas = ideas.Where(idea => idea.ProjectId == projectId);
        }
        if (query.CategoryId is { } categoryId)
        {
            ideas = ideas.Where(idea => idea.CategoryId == categoryId);
        }
        if (query.TagId is { } tagId)
        {
            ideas = ideas.Where(idea => db.Set<IdeaTag>().Any(tagged => tagged.IdeaId == idea.Id && tagged.TagId == tagId));
        }
        if (query.State is { } state)
        {
            ideas = ideas.Where(idea => idea.State == state);
        }
        else
        {
            ideas = ideas.Where(idea => idea.State != IdeaState.Withdrawn && idea.State != IdeaState.Rejected);
        }
        // Hidden ideas and merged duplicates are not listed for anyone; moderators find them in their console.
        return ideas.Where(idea => idea.HiddenAt == null && idea.MergedIntoId == null);
    }

    /// <summary>Fills the cards of one page (at most a hundred ideas) with names and tags in three small reads.</summary>
    private static async Task<List<IdeaCard>> CardsAsync(AppDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await (
                from idea in db.Set<Idea>().AsNoTracking()
                where ids.Contains(idea.Id)
                join project in db.Set<Project>() on idea.ProjectId equals project.Id
                join category in db.Set<ProjectCategory>() on idea.CategoryId equals category.Id
                join author in db.Set<ApplicationUser>() on idea.AuthorId equals author.Id
                select new
                {
                    idea.Id, idea.Title, Excerpt = idea.Description.Substring(0, ExcerptLength + 1), idea.ProjectId, project.Slug,
                    ProjectTitle = project.Title, Category = category.Name, idea.State, idea.SupportCount, idea.CommentCount, idea.SubmittedAt,
                    author.DisplayName,
                })
            .ToListAsync(cancellationToken);
        var tags = await TagsOfAsync(db, ids, cancellationToken);
        var byId = rows.ToDictionary(row => row.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(row => new IdeaCard(
            row.Id, row.Title, Shorten(row.Excerpt), row.ProjectId, row.Slug, row.ProjectTitle, row.Category, row.State, row.SupportCount,
            row.CommentCount, row.SubmittedAt, row.DisplayName, tags.GetValueOrDefault(row.Id) ?? []))];
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return flat[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + "…";
    }

    public static async Task<Dictionary<int, List<TagView>>> TagsOfAsync(AppDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var rows = await (
                from tagged in db.Set<IdeaTag>().AsNoTracking()
                where ids.Contains(tagged.IdeaId)
                join tag in db.Set<Tag>() on tagged.TagId equals tag.Id
                select new { tagged.IdeaId, tag.Id, tag.Slug, tag.Name, tag.Color })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.IdeaId)
            .ToDictionary(group => group.Key, group => group.Select(row => new TagView(row.Id, row.Slug, row.Name, row.Color)).ToList());
    }

    public async Task<IdeaDetails?> DetailsAsync(int ideaId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (
                from idea in db.Set<Idea>().AsNoTracking()
                where idea.Id == ideaId
                join project in db.Set<Project>() on idea.ProjectId equals project.Id
                join category in db.Set<ProjectCategory>() on idea.CategoryId equals category.Id
                join author in db.Set<ApplicationUser>() on idea.AuthorId equals author.Id
                from reason in db.Set<RejectionReason>().Where(reason => reason.Id == idea.RejectionReasonId).DefaultIfEmpty()
                select new IdeaDetails(
                    idea.Id, idea.Title, idea.Description, idea.ProjectId, project.Slug, project.Title, idea.CategoryId, category.Name, idea.District,
                    idea.State, idea.StateReason, idea.SupportCount, idea.SupportChanges, idea.CommentCount, idea.SubmittedAt, idea.EditedAt, idea.AuthorId,
                    author.DisplayName, new List<TagView>(), idea.HiddenAt != null, idea.HiddenBy, idea.HiddenNote, idea.MergedIntoId,
                    reason == null ? null : reason.Name, idea.OpenReports, idea.TriagedAt != null))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var tags = await TagsOfAsync(db, [ideaId], cancellationToken);
        return row with { Tags = tags.GetValueOrDefault(ideaId) ?? [] };
    }

    /// <summary>Whether the resident supports and follows the idea, for its buttons.</summary>
    public async Task<(bool Supports, bool Follows)> ViewerStateAsync(int ideaId, string? userId, CancellationToken cancellationToken = default)
    {
        if (userId is null)
        {
            return (false, false);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supports = await db.Set<IdeaSupport>().AnyAsync(support => support.IdeaId == ideaId && support.UserId == userId, cancellationToken);
        var follows = await db.Set<IdeaFollow>().AnyAsync(follow => follow.IdeaId == ideaId && follow.UserId == userId, cancellationToken);
        return (supports, follows);
    }

    /// <summary>Ideas of the project that share meaningful words with the draft, best match first.</summary>
    public async Task<IReadOnlyList<SimilarIdea>> SimilarAsync(int projectId, string? text, int? excludeIdeaId = null, CancellationToken cancellationToken = default)
    {
        var terms = IdeaSearchText.SignificantTerms(text);
        if (terms.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (chosen, candidates) = await RarestTermsAsync(db, terms, cancellationToken);
        var match = IdeaSearchText.MatchAny(chosen)!;
        var (lowest, highest) = await IdRangeAsync(db, projectId, cancellationToken);
        var visible = db.Set<Idea>().Where(idea =>
            idea.ProjectId == projectId && idea.Id != excludeIdeaId && idea.State != IdeaState.Withdrawn && idea.State != IdeaState.Rejected
            && idea.HiddenAt == null && idea.MergedIntoId == null);
        var rankedFrom = candidates <= SimilarCandidateBudget
            ? lowest
            : Math.Max(lowest, await WindowStartAsync(db, match, visible, lowest, highest, SimilarWindow, cancellationToken));
        return await (
                from hit in IdeaSearchMatch.For(db, match, rankedFrom, highest)
                join idea in visible on hit.IdeaId equals idea.Id
                orderby hit.Rank
                select new SimilarIdea(idea.Id, idea.Title, idea.SupportCount, idea.State))
            .Take(IdeaLimits.SimilarIdeasShown)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The draft's terms from rarest to most common, as many as fit in <see cref="SimilarCandidateBudget"/> ideas (at least one),
    /// and how many ideas they occur in together (an upper bound).
    /// </summary>
    private static async Task<(List<string> Terms, long Candidates)> RarestTermsAsync(AppDbContext db, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var counted = new List<(string Term, long Ideas)>();
        foreach (var term in terms)
        {
            var prefix = IdeaSearchText.VocabularyPrefix(term);
            var next = prefix[..^1] + (char)(prefix[^1] + 1);
            var ideas = await db.Database
                .SqlQuery<long>($"SELECT coalesce(sum(doc), 0) AS Value FROM IdeaSearchTerms WHERE term >= {prefix} AND term < {next}")
                .SingleAsync(cancellationToken);
            if (ideas > 0)
            {
                counted.Add((term, ideas));
            }
        }
        if (counted.Count == 0)
        {
            return ([terms[0]], 0);
        }
        var chosen = new List<string>();
        long total = 0;
        foreach (var (term, ideas) in counted.OrderBy(entry => entry.Ideas))
        {
            if (chosen.Count > 0 && total + ideas > SimilarCandidateBudget)
            {
                break;
            }
            chosen.Add(term);
            total += ideas;
        }
        return (chosen, total);
    }

    /// <summary>Ideas in the catalog, residents who took part (wrote or supported), supports those ideas have.</summary>
    public async Task<ProjectFigures> ProjectFiguresAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ideas = db.Set<Idea>().Where(idea => idea.ProjectId == projectId && idea.State != IdeaState.Withdrawn && idea.State != IdeaState.Rejected
            && idea.HiddenAt == null && idea.MergedIntoId == null);
        var count = await ideas.CountAsync(cancellationToken);
        var supports = await ideas.SumAsync(idea => idea.SupportCount, cancellationToken);
        var participants = await db.Set<ProjectParticipant>().CountAsync(participant => participant.ProjectId == projectId, cancellationToken);
        return new ProjectFigures(count, participants, supports);
    }

    public async Task<IReadOnlyList<TagView>> TagsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Tag>().AsNoTracking().OrderBy(tag => tag.Slug).Select(tag => new { tag.Id, tag.Slug, tag.Name, tag.Color }).ToListAsync(cancellationToken);
        return [.. rows.Select(row => new TagView(row.Id, row.Slug, row.Name, row.Color))];
    }

    public Task<IReadOnlyList<MyIdea>> WrittenByAsync(string userId, CancellationToken cancellationToken = default) =>
        ListForAsync(db => db.Set<Idea>().Where(idea => idea.AuthorId == userId), cancellationToken);

    public Task<IReadOnlyList<MyIdea>> SupportedByAsync(string userId, CancellationToken cancellationToken = default) =>
        ListForAsync(db => db.Set<Idea>().Where(idea => db.Set<IdeaSupport>().Any(support => support.IdeaId == idea.Id && support.UserId == userId)), cancellationToken);

    public Task<IReadOnlyList<MyIdea>> FollowedByAsync(string userId, CancellationToken cancellationToken = default) =>
        ListForAsync(db => db.Set<Idea>().Where(idea => db.Set<IdeaFollow>().Any(follow => follow.IdeaId == idea.Id && follow.UserId == userId)), cancellationToken);

    /// <summary>The newest hundred: a personal list longer than that is for the catalog's filters.</summary>
    private async Task<IReadOnlyList<MyIdea>> ListForAsync(Func<AppDbContext, IQueryable<Idea>> which, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from idea in which(db).AsNoTracking()
                join project in db.Set<Project>() on idea.ProjectId equals project.Id
                orderby idea.Id descending
                select new { idea.Id, idea.Title, idea.State, idea.SupportCount, idea.SubmittedAt, ProjectTitle = project.Title })
            .Take(100)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new MyIdea(row.Id, row.Title, row.State, row.SupportCount, row.SubmittedAt, row.ProjectTitle))];
    }
}
