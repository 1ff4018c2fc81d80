using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Infrastructure.Security;
using MudBlazor;

namespace ActiveCitizen.App.Features.Moderation;

public static class ModerationModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Moderation", "/moderation", Icons.Material.Outlined.Shield, Policies.Moderation, 600),
        new("Nav.Screening", "/screening", Icons.Material.Outlined.FactCheck, Policies.Screening, 650),
    ];

    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdeaActionRunner>();
        builder.Services.AddSingleton<ModerationService>();
        builder.Services.AddSingleton<ScreeningService>();
        builder.Services.AddSingleton<ModerationQueries>();
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }
}
