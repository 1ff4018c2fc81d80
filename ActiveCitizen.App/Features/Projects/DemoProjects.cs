using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Projects;

/// <summary>
/// The demo's three projects: the housing-services project taking ideas now, a yards project whose ideas experts are screening, and
/// a culture project whose commission has decided.
/// Dates are set around the moment of seeding, so a fresh demo is always in the middle of the story.
/// </summary>
public sealed class DemoProjects(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<DemoProjects> logger) : IDemoDataSeeder
{
    public const string HousingSlug = "online-housing-services";
    public const string CultureSlug = "culture-in-your-district";
    public const string YardsSlug = "cosy-yards";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<Project>().Select(project => project.Slug).ToListAsync(cancellationToken);
        // Whole days before "now", so the seeded times look like an admin's (10:00, not 10:17:43).
        var today = time.GetUtcNow().UtcDateTime.Date.AddHours(7);
        if (!existing.Contains(CultureSlug))
        {
            db.Add(Culture(today));
        }
        if (!existing.Contains(YardsSlug))
        {
            db.Add(Yards(today));
        }
        if (!existing.Contains(HousingSlug))
        {
            db.Add(Housing(today));
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the demo projects.");
        }
    }

    private static Project Housing(DateTime today) => new()
    {
        Slug = HousingSlug,
        CreatedAt = today.AddDays(-5),
        Title = LocalizedText.Of(
            "Online housing and communal services: how to improve the single personal account",
            "Онлайн-услуги ЖКХ: как улучшить единый личный кабинет"),
        Summary = LocalizedText.Of(
            "Paying bills, sending meter readings and calling a plumber should take a minute. Tell the city what gets in your way.",
            "Оплатить счёт, передать показания и вызвать сантехника должно быть делом одной минуты. Расскажите городу, что вам мешает."),
        Description = LocalizedText.Of(
            "Millions of residents use the single personal account for housing and communal services every month. The city's housing department " +
            "will redesign it next year and wants to start from what residents actually need.\n\nPropose one concrete improvement per idea: " +
            "what is hard today, what you would change and why it helps. Experts will check every idea for feasibility, residents discuss and " +
            "support the best ones, and the commission decides which go into the redesign.",
            "Единым личным кабинетом ЖКХ каждый месяц пользуются миллионы жителей. В следующем году департамент ЖКХ обновит его и хочет " +
            "начать с того, что действительно нужно жителям.\n\nПредлагайте одно конкретное улучшение в каждой идее: что неудобно сейчас, " +
            "что вы бы изменили и чем это поможет. Эксперты проверят каждую идею на реализуемость, жители обсудят и поддержат лучшие, " +
            "а комиссия решит, какие войдут в обновление."),
        Phases = Schedule(today,
        [
            (PhaseKind.Announcement, -4, -2, PhaseActions.None),
            (PhaseKind.Submission, -2, 12, PhaseActions.Submit | PhaseActions.Support | PhaseActions.Comment),
            (PhaseKind.Screening, 12, 16, PhaseActions.Comment),
            (PhaseKind.Discussion, 16, 26, PhaseActions.Support | PhaseActions.Comment),
            (PhaseKind.Commission, 26, 33, PhaseActions.None),
            (PhaseKind.Results, 33, 40, PhaseActions.Comment),
            (PhaseKind.Implementation, 40, 220, PhaseActions.Comment),
        ]),
        Categories =
        [
            Category("Payments", "Оплата"),
            Category("Meter readings", "Показания счётчиков"),
            Category("Repairs and maintenance", "Ремонт и обслуживание"),
            Category("Notifications", "Уведомления"),
            Category("Sign-in and access", "Вход и доступ"),
        ],
    };

    private static Project Yards(DateTime today) => new()
    {
        Slug = YardsSlug,
        CreatedAt = today.AddDays(-20),
        Title = LocalizedText.Of("Cosy yards: what your courtyard needs", "Уютный двор: что нужно вашему двору"),
        Summary = LocalizedText.Of(
            "Residents proposed how to improve their courtyards. Experts are now checking which ideas the city can carry out.",
            "Жители предложили, как улучшить свои дворы. Сейчас эксперты проверяют, какие идеи город может воплотить."),
        Description = LocalizedText.Of(
            "Playgrounds, benches, lighting, parking and greenery: the district councils will renew hundreds of courtyards next summer. " +
            "The submission phase is over; experts give every idea a verdict and shortlist the feasible ones, residents discuss and support " +
            "them, and the commission chooses.",
            "Детские площадки, скамейки, освещение, парковка и озеленение: следующим летом управы обновят сотни дворов. Приём идей " +
            "завершён; эксперты оценивают каждую идею и включают реализуемые в короткий список, жители обсуждают и поддерживают их, " +
            "а комиссия делает выбор."),
        Phases = Schedule(today,
        [
            (PhaseKind.Announcement, -20, -18, PhaseActions.None),
            (PhaseKind.Submission, -18, -8, PhaseActions.Submit | PhaseActions.Support | PhaseActions.Comment),
            (PhaseKind.Screening, -8, 6, PhaseActions.Comment),
            (PhaseKind.Discussion, 6, 20, PhaseActions.Support | PhaseActions.Comment),
            (PhaseKind.Commission, 20, 27, PhaseActions.None),
            (PhaseKind.Results, 27, 34, PhaseActions.Comment),
            (PhaseKind.Implementation, 34, 300, PhaseActions.Comment),
        ]),
        Categories =
        [
            Category("Playgrounds", "Детские площадки"),
            Category("Lighting and safety", "Освещение и безопасность"),
            Category("Greenery", "Озеленение"),
        ],
    };

    private static Project Culture(DateTime today) => new()
    {
        Slug = CultureSlug,
        CreatedAt = today.AddDays(-130),
        Title = LocalizedText.Of("Culture in your district: museums, libraries and parks", "Культура рядом: музеи, библиотеки и парки"),
        Summary = LocalizedText.Of(
            "Residents proposed how to bring museums, libraries and parks closer to home. The commission has chosen what the city will do.",
            "Жители предложили, как сделать музеи, библиотеки и парки ближе к дому. Комиссия выбрала, что город воплотит."),
        Description = LocalizedText.Of(
            "In this project residents of every district suggested improvements to the cultural places near them. Experts screened the ideas, " +
            "residents discussed them, and the city commission approved 46 of them for implementation over the coming year.",
            "В этом проекте жители всех округов предлагали, как улучшить культурные места рядом с домом. Эксперты оценили идеи, жители их " +
            "обсудили, а городская комиссия одобрила 46 из них для воплощения в течение года."),
        Phases = Schedule(today,
        [
            (PhaseKind.Announcement, -125, -120, PhaseActions.None),
            (PhaseKind.Submission, -120, -110, PhaseActions.Submit | PhaseActions.Support | PhaseActions.Comment),
            (PhaseKind.Screening, -110, -100, PhaseActions.Comment),
            (PhaseKind.Discussion, -100, -80, PhaseActions.Support | PhaseActions.Comment),
            (PhaseKind.Commission, -80, -70, PhaseActions.None),
            (PhaseKind.Results, -70, -60, PhaseActions.Comment),
            (PhaseKind.Implementation, -60, 300, PhaseActions.Comment),
        ]),
        Categories =
        [
            Category("Museums", "Музеи"),
            Category("Libraries", "Библиотеки"),
            Category("Parks", "Парки"),
        ],
    };

    private static List<ProjectPhase> Schedule(DateTime today, (PhaseKind Kind, int FromDay, int ToDay, PhaseActions Opens)[] phases) =>
        [.. phases.Select(phase => new ProjectPhase
        {
            Kind = phase.Kind,
            StartsAt = today.AddDays(phase.FromDay),
            EndsAt = today.AddDays(phase.ToDay),
            Opens = phase.Opens,
        })];

    private static ProjectCategory Category(string en, string ru) => new() { Name = LocalizedText.Of(en, ru) };
}
