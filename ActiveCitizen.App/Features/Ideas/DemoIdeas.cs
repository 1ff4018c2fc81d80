using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Moderation;
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
        var yards = await ProjectAsync(db, DemoProjects.YardsSlug, cancellationToken);
        if (residents.Count < 10 || culture is null || housing is null || yards is null)
        {
            return;
        }
        var tags = await TagsAsync(db, cancellationToken);
        var random = new Random(2026);

        var cultureIdeas = CultureIdeas(culture, residents, random);
        var yardIdeas = YardIdeas(yards, residents, random);
        var housingIdeas = HousingIdeas(housing, residents, random);
        // In submission order: ids follow submission time across the whole catalog, as they do in production.
        db.AddRange(cultureIdeas);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(yardIdeas);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(housingIdeas);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var idea in cultureIdeas.Concat(yardIdeas).Concat(housingIdeas))
        {
            var supporters = residents.Where(id => id != idea.AuthorId).OrderBy(_ => random.Next()).Take(idea.SupportCount).ToList();
            db.AddRange(supporters.Select(userId => new IdeaSupport { IdeaId = idea.Id, UserId = userId, SupportedAt = idea.SubmittedAt.AddHours(random.Next(1, 40)) }));
            if (random.Next(3) == 0)
            {
                db.Add(new IdeaFollow { IdeaId = idea.Id, UserId = supporters.FirstOrDefault() ?? residents[0], FollowedAt = idea.SubmittedAt.AddHours(2) });
            }
        }
        var allIdeas = cultureIdeas.Concat(yardIdeas).Concat(housingIdeas).ToList();
        var projectOf = allIdeas.ToDictionary(idea => idea.Id, idea => idea.ProjectId);
        // Listed before adding: the tracker must not change while it is being read.
        var participants = allIdeas.Select(idea => (idea.ProjectId, idea.AuthorId))
            .Concat(db.ChangeTracker.Entries<IdeaSupport>().Select(entry => (projectOf[entry.Entity.IdeaId], entry.Entity.UserId)))
            .Distinct()
            .Select(pair => new ProjectParticipant { ProjectId = pair.Item1, UserId = pair.Item2 })
            .ToList();
        db.AddRange(participants);
        for (var index = 0; index < housingIdeas.Count; index += 3)
        {
            db.Add(new IdeaTag { IdeaId = housingIdeas[index].Id, TagId = tags[index % tags.Count].Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        await ReportAsync(db, housingIdeas[^3], residents, IdeaReportReason.Duplicate, 1, cancellationToken);
        await ReportAsync(db, housingIdeas[^5], residents, IdeaReportReason.OffTopic, ModerationLimits.ReportsToHide, cancellationToken);
        logger.LogInformation("Created {Count} demo ideas.", allIdeas.Count);
    }

    /// <summary>Reports from residents other than the author, hiding the idea pending review when there are enough of them.</summary>
    private static async Task ReportAsync(AppDbContext db, Idea idea, List<string> residents, IdeaReportReason reason, int reports, CancellationToken cancellationToken)
    {
        var reporters = residents.Where(id => id != idea.AuthorId).Take(reports).ToList();
        db.AddRange(reporters.Select((userId, index) => new IdeaReport
        {
            IdeaId = idea.Id, UserId = userId, Reason = reason, ReportedAt = idea.SubmittedAt.AddMinutes(30 + index * 10),
            Text = reason == IdeaReportReason.Duplicate ? "Same as the idea about paper bills." : null,
        }));
        var tracked = await db.Set<Idea>().SingleAsync(candidate => candidate.Id == idea.Id, cancellationToken);
        tracked.OpenReports = reports;
        if (reports >= ModerationLimits.ReportsToHide)
        {
            tracked.HiddenAt = idea.SubmittedAt.AddMinutes(30 + reports * 10);
            tracked.HiddenBy = IdeaHiddenBy.Reports;
        }
        await db.SaveChangesAsync(cancellationToken);
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
            // Moderators have looked at the earlier ones; the newest wait in their queue.
            TriagedAt = index < DemoIdeaTexts.Housing.Length - 12 ? window.StartsAt.AddMinutes(span * (index + 1) / (DemoIdeaTexts.Housing.Length + 1)).AddHours(1) : null,
        })];
    }

    /// <summary>Ideas of the project being screened: all triaged by moderators, some with an expert's verdict already.</summary>
    private static List<Idea> YardIdeas(Project project, List<string> residents, Random random)
    {
        var window = project.Phases.Single(phase => phase.Kind == PhaseKind.Submission);
        var screeningStarted = project.Phases.Single(phase => phase.Kind == PhaseKind.Screening).StartsAt;
        var categories = project.Categories.OrderBy(category => category.Id).ToList();
        var span = (window.EndsAt - window.StartsAt).TotalMinutes;
        return [.. DemoIdeaTexts.Yards.Select((text, index) => new Idea
        {
            ProjectId = project.Id,
            CategoryId = categories[text.Category].Id,
            AuthorId = residents[(index + 3) % residents.Count],
            Title = text.Title,
            Description = text.Description,
            District = DistrictNames[(index + 5) % DistrictNames.Length].Code,
            State = text.Feasible switch { true => IdeaState.Feasible, false => IdeaState.NotFeasible, null => IdeaState.Submitted },
            StateReason = text.Explanation,
            StateChangedAt = text.Feasible is null ? null : screeningStarted.AddDays(1 + index % 3),
            SubmittedAt = window.StartsAt.AddMinutes(span * (index + 1) / (DemoIdeaTexts.Yards.Length + 1)),
            TriagedAt = window.StartsAt.AddMinutes(span * (index + 1) / (DemoIdeaTexts.Yards.Length + 1)).AddHours(3),
            SupportCount = random.Next(2, 20),
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
