using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>Ideas residents have submitted, all projects together: a headline figure on the home page.</summary>
public sealed class IdeaFigures : ISiteFigureSource
{
    public async Task<IReadOnlyList<SiteFigure>> ReadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        [new SiteFigure("Home.Figure.Ideas", Icons.Material.Outlined.Lightbulb, await db.Set<Idea>().LongCountAsync(cancellationToken), 20)];
}
