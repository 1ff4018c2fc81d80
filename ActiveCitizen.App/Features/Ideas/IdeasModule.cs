using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas.Components;
using MudBlazor;

namespace ActiveCitizen.App.Features.Ideas;

public static class IdeasModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Ideas", "/ideas", Icons.Material.Outlined.Lightbulb, null, 200),
    ];

    public static IHostApplicationBuilder AddIdeas(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdeaQueries>();
        builder.Services.AddSingleton<IdeasService>();
        builder.Services.AddSingleton<IdeaAttentionQueries>();
        builder.Services.AddSingleton<IDiscussionTarget, IdeaDiscussionTarget>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoIdeas>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoIdeaDiscussions>();
        builder.Services.AddSingleton<ISiteFigureSource, IdeaFigures>();
        builder.Services.AddAccountSection(new AccountSection("ideas", "Account.Section.Ideas", Icons.Material.Outlined.Lightbulb, typeof(MyIdeasSection), 100));
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }
}
