namespace ActiveCitizen.App.Features.Discussions;

public static class DiscussionsModule
{
    public static IHostApplicationBuilder AddDiscussions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CommentMarkup>();
        builder.Services.AddSingleton<DiscussionQueries>();
        builder.Services.AddSingleton<DiscussionService>();
        builder.Services.AddSingleton<DiscussionPresence>();
        return builder;
    }
}
