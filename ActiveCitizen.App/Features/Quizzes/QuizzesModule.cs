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
        builder.Services.AddSingleton<QuizQueries>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoQuizzes>();
        builder.Services.AddAccountSection(new AccountSection("quizzes", "Account.Section.Quizzes", Icons.Material.Outlined.Quiz, typeof(MyQuizzesSection), 150));
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }
}
