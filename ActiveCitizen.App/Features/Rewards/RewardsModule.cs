using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Rewards.Components;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using MudBlazor;

namespace ActiveCitizen.App.Features.Rewards;

public static class RewardsModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Rewards", "/rewards", Icons.Material.Outlined.Redeem, null, 400),
        new("Nav.AdminRewards", "/admin/rewards", Icons.Material.Outlined.CardGiftcard, Policies.Administration, 940),
    ];

    public static IHostApplicationBuilder AddRewards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RewardsOptions>().Bind(builder.Configuration.GetSection(RewardsOptions.Section));
        builder.Services.AddSingleton<PointsAccrual>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PointsAccrual>());
        builder.Services.AddSingleton<PrizeService>();
        builder.Services.AddHostedService<PrizeWorker>();
        builder.Services.AddSingleton<RewardsInventoryService>();
        builder.Services.AddSingleton<RewardShopService>();
        builder.Services.AddSingleton<RewardsQueries>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoRewards>();
        builder.Services.AddAccountSection(new AccountSection("points", "Account.Section.Points", Icons.Material.Outlined.Redeem, typeof(PointsSection), 160));
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }
}
