using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>
/// The demo's quiz month: three stages, "Recognize Moscow" open now, "Museum Moscow online" opening after it for those who finished
/// it, and "Moscow E-School" last for those who scored well. Seeded once, into a database without quizzes.
/// </summary>
public sealed class DemoQuizzes(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<DemoQuizzes> logger) : IDemoDataSeeder
{
    public const string CampaignSlug = "moscow-quiz-month";
    public const int SecondsPerQuestion = 20;

    /// <summary>The last stage asks for at least this score in the second: about six quick right answers of ten.</summary>
    public const int ThirdStageMinScore = 4000;

    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<QuizCampaign>().AnyAsync(cancellationToken))
        {
            return;
        }
        var today = time.GetUtcNow().UtcDateTime.Date.AddHours(7);
        db.Add(new QuizCampaign
        {
            Slug = CampaignSlug,
            CreatedAt = today.AddDays(-10),
            Title = LocalizedText.Of("Moscow quiz month", "Месяц московских викторин"),
            Summary = LocalizedText.Of(
                "Three stages over a month: recognise the city, walk its museums online, and show what you know about its e-school and online services. " +
                "Answer fast: a right answer is worth up to 1,000 points. The best players win museum tickets.",
                "Три этапа за месяц: узнайте город, пройдитесь онлайн по его музеям и покажите, что знаете о московской электронной школе и городских " +
                "онлайн-сервисах. Отвечайте быстро: верный ответ приносит до 1000 очков. Лучшие получат билеты в музеи."),
            Stages =
            [
                Stage(1, "Recognize Moscow", "Узнай Москву", today.AddDays(-3), today.AddDays(7), EntryRule.Open, 0, DemoQuizContent.RecognizeMoscow),
                Stage(2, "Museum Moscow online", "Музейная Москва онлайн", today.AddDays(8), today.AddDays(18), EntryRule.PreviousCompleted, 0,
                    DemoQuizContent.MuseumMoscowOnline),
                Stage(3, "Moscow E-School", "Московская электронная школа", today.AddDays(19), today.AddDays(29), EntryRule.PreviousMinScore, ThirdStageMinScore,
                    DemoQuizContent.MoscowESchool),
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo quiz campaign {Slug} seeded with stage 1 open", CampaignSlug);
    }

    private static QuizStage Stage(
        int number, string titleEn, string titleRu, DateTime opensAt, DateTime closesAt, EntryRule rule, int minScore, IReadOnlyList<DemoQuizContent.DemoQuestion> questions) => new()
    {
        Number = number, Title = LocalizedText.Of(titleEn, titleRu), OpensAt = opensAt, ClosesAt = closesAt, SecondsPerQuestion = SecondsPerQuestion,
        EntryRule = rule, EntryMinScore = minScore,
        Questions = [.. questions.Select((question, index) => new QuizQuestion
        {
            Position = index + 1, Kind = question.Kind, Text = question.Text, Explanation = question.Explanation, Image = question.Image,
            Options = [.. question.Options.Select((option, optionIndex) => new QuizOption { Position = optionIndex + 1, Text = option.Text, IsCorrect = option.Correct })],
        })],
    };
}
