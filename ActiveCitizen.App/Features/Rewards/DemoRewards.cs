using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Rewards;

/// <summary>
/// The demo's rewards: museum tickets in the shop (one nearly sold out), tickets as prizes for the quiz month's first stage and for
/// the whole campaign, each with codes generated as the admin page would. Points are not seeded: the accrual pays demo residents
/// for their ideas and quiz attempts like anyone else. Seeded once, into a database without reward types.
/// </summary>
public sealed class DemoRewards(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<DemoRewards> logger) : IDemoDataSeeder
{
    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<RewardType>().AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var validUntil = now.Date.AddMonths(6);
        RewardType Type(string nameEn, string nameRu, string providerEn, string providerRu, string descriptionEn, string descriptionRu, int? price) => new()
        {
            Name = LocalizedText.Of(nameEn, nameRu), Provider = LocalizedText.Of(providerEn, providerRu), Description = LocalizedText.Of(descriptionEn, descriptionRu),
            ValidUntil = validUntil, PointPrice = price, CreatedAt = now,
        };
        var tretyakov = Type("Tretyakov Gallery ticket", "Билет в Третьяковскую галерею", "State Tretyakov Gallery", "Государственная Третьяковская галерея",
            "One entry to the permanent collection in Lavrushinsky Lane.", "Один вход в постоянную экспозицию в Лаврушинском переулке.", 300);
        var museumOfMoscow = Type("Museum of Moscow ticket", "Билет в Музей Москвы", "Museum of Moscow", "Музей Москвы",
            "One entry to the Museum of Moscow's exhibitions on Zubovsky Boulevard.", "Один вход на выставки Музея Москвы на Зубовском бульваре.", 150);
        var cosmonautics = Type("Museum of Cosmonautics ticket", "Билет в Музей космонавтики", "Museum of Cosmonautics", "Музей космонавтики",
            "One entry to the museum under the Monument to the Conquerors of Space. A prize for quiz winners.",
            "Один вход в музей под монументом «Покорителям космоса». Приз для победителей викторины.", null);
        db.AddRange(tretyakov, museumOfMoscow, cosmonautics);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (type, count) in new[] { (tretyakov, 20), (museumOfMoscow, 2), (cosmonautics, 15) })
        {
            db.AddRange(Enumerable.Range(0, count).Select(_ => new RewardCode { RewardTypeId = type.Id, Code = RewardsInventoryService.NewCode(), AddedAt = now }));
        }
        var campaign = await db.Set<QuizCampaign>().Include(candidate => candidate.Stages).SingleOrDefaultAsync(candidate => candidate.Slug == DemoQuizzes.CampaignSlug, cancellationToken);
        if (campaign is not null)
        {
            db.Add(new PrizePlan { Scope = PrizeScopes.Stage(campaign.Stages.Single(stage => stage.Number == 1).Id), Places = 10, RewardTypeId = cosmonautics.Id });
            db.Add(new PrizePlan { Scope = PrizeScopes.Campaign(campaign.Id), Places = 3, RewardTypeId = tretyakov.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo rewards seeded: three museum tickets, prizes for the quiz month");
    }
}
