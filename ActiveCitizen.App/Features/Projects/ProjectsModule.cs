using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using MudBlazor;

namespace ActiveCitizen.App.Features.Projects;

public static class ProjectsModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Projects", "/projects", Icons.Material.Outlined.Campaign, null, 100),
        new("Nav.AdminProjects", "/admin/projects", Icons.Material.Outlined.EditCalendar, Policies.Administration, 910),
    ];

    public static IHostApplicationBuilder AddProjects(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProjectQueries>();
        builder.Services.AddSingleton<ProjectsService>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoProjects>();
        builder.Services.AddSingleton<ISiteFigureSource, RunningProjectFigures>();
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }
}
