using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>
/// The demo's ideas: 32 housing ideas in the open project, with supports, follows and tags, and 66 culture ideas of which the
/// commission selected 46. Seeded once, as a whole, into a database without ideas.
/// </summary>
public sealed class DemoIdeas(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<DemoIdeas> logger) : IDemoDataSeeder
{
    public const int SelectedCultureIdeas = 46;
    private const int OtherCultureIdeas = 20;

    private static readonly (string Code, string En, string Ru)[] DistrictNames =
    [
        ("central", "Central", "Центральный"), ("northern", "Northern", "Северный"), ("north-eastern", "North-Eastern", "Северо-Восточный"),
        ("eastern", "Eastern", "Восточный"), ("south-eastern", "South-Eastern", "Юго-Восточный"), ("southern", "Southern", "Южный"),
        ("south-western", "South-Western", "Юго-Западный"), ("western", "Western", "Западный"), ("north-western", "North-Western", "Северо-Западный"),
        ("zelenograd", "Zelenograd", "Зеленоградский"), ("novomoskovsky", "Novomoskovsky", "Новомосковский"), ("troitsky", "Troitsky", "Троицкий"),
    ];

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Idea>().AnyAsync(cancellationToken))
        {
            return;
        }
        var emails = DemoAccounts.Residents.Append(DemoAccounts.All[0]).Select(account => account.Email.ToUpperInvariant()).ToList();
        var residents = await db.Users.Where(user => emails.Contains(user.NormalizedEmail!)).OrderBy(user => user.Email).Select(user => user.Id).ToListAsync(cancellationToken);
        var culture = await ProjectAsync(db, DemoProjects.CultureSlug, cancellationToken);
        var housing = await ProjectAsync(db, DemoProjects.HousingSlug, cancellationToken);
        if (residents.Count < 10 || culture is null || housing is null)
        {
            return;
        }
        var tags = await TagsAsync(db, cancellationToken);
        var random = new Random(2026);

        var cultureIdeas = CultureIdeas(culture, residents, random);
        var housingIdeas = HousingIdeas(housing, residents, random);
        // Culture first: ids follow submission time across the whole catalog, as they do in production.
        db.AddRange(cultureIdeas);
        db.AddRange(housingIdeas);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var idea in cultureIdeas.Concat(housingIdeas))
        {
            var supporters = residents.Where(id => id != idea.AuthorId).OrderBy(_ => random.Next()).Take(idea.SupportCount).ToList();
            db.AddRange(supporters.Select(userId => new IdeaSupport { IdeaId = idea.Id, UserId = userId, SupportedAt = idea.SubmittedAt.AddHours(random.Next(1, 40)) }));
            if (random.Next(3) == 0)
            {
                db.Add(new IdeaFollow { IdeaId = idea.Id, UserId = supporters.FirstOrDefault() ?? residents[0], FollowedAt = idea.SubmittedAt.AddHours(2) });
            }
        }
        var allIdeas = cultureIdeas.Concat(housingIdeas).ToList();
        db.AddRange(allIdeas.Select(idea => (idea.ProjectId, idea.AuthorId))
            .Concat(db.ChangeTracker.Entries<IdeaSupport>().Select(entry => (allIdeas.Single(idea => idea.Id == entry.Entity.IdeaId).ProjectId, entry.Entity.UserId)))
            .Distinct()
            .Select(pair => new ProjectParticipant { ProjectId = pair.Item1, UserId = pair.Item2 }));
        for (var index = 0; index < housingIdeas.Count; index += 3)
        {
            db.Add(new IdeaTag { IdeaId = housingIdeas[index].Id, TagId = tags[index % tags.Count].Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created {Count} demo ideas.", cultureIdeas.Count + housingIdeas.Count);
    }

    private static Task<Project?> ProjectAsync(AppDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Set<Project>().Include(project => project.Phases).Include(project => project.Categories)
            .SingleOrDefaultAsync(project => project.Slug == slug, cancellationToken);

    private static async Task<List<Tag>> TagsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        (string Slug, string En, string Ru, string Color)[] vocabulary =
        [
            ("mobile-app", "Mobile app", "Мобильное приложение", "#1b5fa8"),
            ("accessibility", "Accessibility", "Доступность", "#0f766e"),
            ("quick-win", "Quick win", "Быстрое решение", "#15803d"),
            ("needs-budget", "Needs budget", "Нужен бюджет", "#b45309"),
        ];
        var tags = vocabulary.Select(tag => new Tag { Slug = tag.Slug, Name = LocalizedText.Of(tag.En, tag.Ru), Color = tag.Color }).ToList();
        db.AddRange(tags);
        await db.SaveChangesAsync(cancellationToken);
        return tags;
    }

    private List<Idea> HousingIdeas(Project project, List<string> residents, Random random)
    {
        var window = project.Phases.Single(phase => phase.Kind == PhaseKind.Submission);
        var now = time.GetUtcNow().UtcDateTime;
        var span = (now.AddHours(-1) - window.StartsAt).TotalMinutes;
        var categories = project.Categories.OrderBy(category => category.Id).ToList();
        return [.. DemoIdeaTexts.Housing.Select((text, index) => new Idea
        {
            ProjectId = project.Id,
            CategoryId = categories[text.Category].Id,
            AuthorId = residents[index % residents.Count],
            Title = text.Title,
            Description = text.Description,
            District = DistrictNames[index % DistrictNames.Length].Code,
            State = IdeaState.Submitted,
            SubmittedAt = window.StartsAt.AddMinutes(span * (index + 1) / (DemoIdeaTexts.Housing.Length + 1)),
            SupportCount = random.Next(0, 14),
            SubmissionKey = Guid.NewGuid(),
        })];
    }

    private static List<Idea> CultureIdeas(Project project, List<string> residents, Random random)
    {
        var window = project.Phases.Single(phase => phase.Kind == PhaseKind.Submission);
        var decided = project.Phases.Single(phase => phase.Kind == PhaseKind.Commission).EndsAt;
        var categories = project.Categories.OrderBy(category => category.Id).ToList();
        var total = SelectedCultureIdeas + OtherCultureIdeas;
        var ideas = new List<Idea>();
        for (var index = 0; index < total; index++)
        {
            var district = DistrictNames[index % DistrictNames.Length];
            var venue = DemoIdeaTexts.CultureVenues[index / DistrictNames.Length % DemoIdeaTexts.CultureVenues.Length];
            var improvement = DemoIdeaTexts.CultureImprovements[(index + index / DistrictNames.Length) % DemoIdeaTexts.CultureImprovements.Length];
            var russian = index % 2 == 1;
            var (state, reason) = index switch
            {
                < SelectedCultureIdeas => (IdeaState.Selected, russian
                    ? "Одобрено комиссией: войдёт в программу развития культуры округа на следующий год."
                    : "Approved by the commission: included in the district's culture programme for next year."),
                < SelectedCultureIdeas + 12 => (IdeaState.NotSelected, russian
                    ? "Комиссия отдала предпочтение похожей идее для этого округа."
                    : "The commission preferred a similar idea for this district."),
                _ => (IdeaState.NotFeasible, russian
                    ? "Помещение не позволяет: нужна реконструкция, которая не запланирована."
                    : "The building does not allow it without a reconstruction that is not planned."),
            };
            ideas.Add(new Idea
            {
                ProjectId = project.Id,
                CategoryId = categories[venue.Category].Id,
                AuthorId = residents[(index * 7) % residents.Count],
                Title = russian
                    ? $"{improvement.Ru} в {venue.Ru} ({district.Ru} округ)"
                    : $"{improvement.En} at {venue.En} in the {district.En} district",
                Description = russian
                    ? $"{improvement.Ru} в {venue.Ru}: сейчас жителям {district.Ru.ToLowerInvariant()} округа приходится ездить в центр. Это сделало бы культуру ближе к дому и для детей, и для старшего поколения."
                    : $"{improvement.En} at {venue.En}: residents of the {district.En} district now have to travel to the city centre for this. It would bring culture closer to home for children and older people alike.",
                District = district.Code,
                State = state,
                StateReason = reason,
                StateChangedAt = decided,
                SubmittedAt = window.StartsAt.AddMinutes((window.EndsAt - window.StartsAt).TotalMinutes * (index + 1) / (total + 1)),
                SupportCount = random.Next(3, 16),
                SubmissionKey = Guid.NewGuid(),
            });
        }
        return ideas;
    }
}
