using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>Residents who confirmed their address: the home page's first headline figure.</summary>
public sealed class ResidentFigures : ISiteFigureSource
{
    public async Task<IReadOnlyList<SiteFigure>> ReadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        [new SiteFigure("Home.Figure.Residents", Icons.Material.Outlined.People, await db.Users.LongCountAsync(user => user.EmailConfirmed, cancellationToken), 0)];
}
