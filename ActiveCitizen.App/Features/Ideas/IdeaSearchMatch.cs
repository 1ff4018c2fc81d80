using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>
/// One hit of the full-text index (the FTS5 table IdeaSearch, kept in step with Ideas by triggers). Queried with FromSql and then
/// joined and filtered in LINQ like any other set, so search composes with every filter and sort of the catalog.
/// </summary>
public sealed class IdeaSearchMatch
{
    public int IdeaId { get; set; }

    /// <summary>FTS5's bm25 rank, title weighted above description; lower is better.</summary>
    public double Rank { get; set; }

    /// <summary>Hits of <paramref name="match"/> among ideas whose ids lie in the range (the index seeks to it).</summary>
    public static IQueryable<IdeaSearchMatch> For(DbContext db, string match, int lowestId = 0, int highestId = int.MaxValue) =>
        db.Set<IdeaSearchMatch>().FromSql(
            $"SELECT rowid AS IdeaId, rank AS Rank FROM IdeaSearch WHERE IdeaSearch MATCH {match} AND rowid BETWEEN {lowestId} AND {highestId}");

    /// <summary>
    /// The ideas matching <paramref name="match"/>, for sorting by a column of their own (supports, comments). The unary plus keeps
    /// SQLite from looking ideas up hit by hit: it walks the sort's index instead and checks each idea against the set of hits,
    /// which finds the first page of a word in a fifth of all ideas in a few milliseconds instead of sorting them all.
    /// </summary>
    public static IQueryable<Idea> IdeasMatching(DbContext db, string match) =>
        db.Set<Idea>().FromSql($"SELECT * FROM Ideas WHERE +Id IN (SELECT rowid FROM IdeaSearch WHERE IdeaSearch MATCH {match})");
}

public sealed class IdeaSearchMatchConfiguration : IEntityTypeConfiguration<IdeaSearchMatch>
{
    public void Configure(EntityTypeBuilder<IdeaSearchMatch> builder) => builder.HasNoKey().ToView(null);
}
