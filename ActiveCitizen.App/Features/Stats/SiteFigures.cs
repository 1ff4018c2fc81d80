using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Stats;

/// <summary>One headline number on the home page, e.g. how many residents take part.</summary>
public sealed record SiteFigure(string LabelKey, string Icon, long Value, int Order);

/// <summary>The latest headline figures, carried in the event so that no viewer needs to read the database for them.</summary>
public sealed record SiteFiguresChanged(IReadOnlyList<SiteFigure> Figures) : ILiveEvent;

/// <summary>A feature's contribution to the headline figures, read in one context shared by all sources.</summary>
public interface ISiteFigureSource
{
    Task<IReadOnlyList<SiteFigure>> ReadAsync(AppDbContext db, CancellationToken cancellationToken);
}
