using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ActiveCitizen.App.Features.Projects;

/// <summary>Projects running now (in one of their phases): a headline figure on the home page.</summary>
public sealed class RunningProjectFigures(TimeProvider time) : ISiteFigureSource
{
    public async Task<IReadOnlyList<SiteFigure>> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var running = await db.Set<Project>().CountAsync(project => project.Phases.Any(phase => phase.StartsAt <= now && now < phase.EndsAt), cancellationToken);
        return [new SiteFigure("Home.Figure.OpenProjects", Icons.Material.Outlined.Campaign, running, 10)];
    }
}
