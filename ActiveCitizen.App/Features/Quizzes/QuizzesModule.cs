using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Quizzes.Components;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using MudBlazor;

namespace ActiveCitizen.App.Features.Quizzes;

public static class QuizzesModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Quizzes", "/quizzes", Icons.Material.Outlined.Quiz, null, 300),
        new("Nav.AdminQuizzes", "/admin/quizzes", Icons.Material.Outlined.EditNote, Policies.Administration, 930),
    ];

    public static IHostApplicationBuilder AddQuizzes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LeaderboardTicker>();
        builder.Services.AddSingleton<QuizContentCache>();
        builder.Services.AddSingleton<QuizAnswerWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<QuizAnswerWriter>());
        builder.Services.AddSingleton<QuizPlayService>();
        builder.Services.AddSingleton<QuizClockSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<QuizClockSweeper>());
        builder.Services.AddSingleton<QuizQueries>();
        builder.Services.AddSingleton<QuizAuthoringService>();
        builder.Services.AddSingleton<QuizAdminQueries>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoQuizzes>();
        builder.Services.AddAccountSection(new AccountSection("quizzes", "Account.Section.Quizzes", Icons.Material.Outlined.Quiz, typeof(MyQuizzesSection), 150));
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }

    /// <summary>Pictures admins uploaded for questions: only names the upload gave, only the types it accepted.</summary>
    public static IEndpointRouteBuilder MapQuizEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(QuizAuthoringService.UploadedImagePrefix + "{name}", (string name, QuizAuthoringService authoring) =>
        {
            var path = Path.Combine(authoring.ImageDirectory, name);
            return !QuizImages.IsKnownPath(QuizAuthoringService.UploadedImagePrefix + name) || !File.Exists(path)
                ? Results.NotFound()
                : Results.File(path, QuizImages.ContentType(Path.GetExtension(name)));
        });
        return endpoints;
    }
}
