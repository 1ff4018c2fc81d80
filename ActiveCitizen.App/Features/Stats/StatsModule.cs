namespace ActiveCitizen.App.Features.Stats;

public static class StatsModule
{
    public static IHostApplicationBuilder AddStats(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteFiguresService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SiteFiguresService>());
        return builder;
    }
}
