using System.Collections.Concurrent;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

public sealed record ContentOption(int Id, LocalizedText Text, bool IsCorrect);

public sealed record ContentQuestion(int Id, int Position, QuestionKind Kind, LocalizedText Text, LocalizedText Explanation, string? Image, IReadOnlyList<ContentOption> Options)
{
    public IEnumerable<int> CorrectIds => Options.Where(option => option.IsCorrect).Select(option => option.Id);
}

/// <summary>A stage as play needs it: its rules and its questions in order, with the answers (which never leave the server before use).</summary>
public sealed record StageContent(
    int Id, int CampaignId, string CampaignSlug, LocalizedText CampaignTitle, int Number, LocalizedText Title, DateTime OpensAt, DateTime ClosesAt,
    int SecondsPerQuestion, EntryRule EntryRule, int EntryMinScore, int? PreviousStageId, IReadOnlyList<ContentQuestion> Questions)
{
    public ContentQuestion? Question(int questionId) => Questions.FirstOrDefault(question => question.Id == questionId);
}

/// <summary>
/// Stage content read once and shared by every answer: questions cannot change once a stage has opened (the authoring service
/// refuses it), so under a rush the answer path reads only the attempt's own row. Entries live a few seconds so times an admin
/// moves are seen soon, and authoring on this instance forgets them at once.
/// </summary>
public sealed class QuizContentCache(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, (Task<StageContent?> Content, DateTime LoadedAt)> stages = new();

    public Task<StageContent?> GetAsync(int stageId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var entry = stages.AddOrUpdate(stageId, _ => (LoadAsync(stageId), now),
            (_, existing) => now - existing.LoadedAt < Lifetime && !existing.Content.IsFaulted ? existing : (LoadAsync(stageId), now));
        return entry.Content;
    }

    public void Forget(int stageId) => stages.TryRemove(stageId, out _);

    private async Task<StageContent?> LoadAsync(int stageId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var stage = await db.Set<QuizStage>().AsNoTracking().Include(stage => stage.Questions).ThenInclude(question => question.Options)
            .AsSplitQuery().SingleOrDefaultAsync(stage => stage.Id == stageId);
        if (stage is null)
        {
            return null;
        }
        var campaign = await db.Set<QuizCampaign>().AsNoTracking().Where(campaign => campaign.Id == stage.CampaignId)
            .Select(campaign => new { campaign.Slug, campaign.Title }).SingleAsync();
        var previous = await db.Set<QuizStage>().Where(other => other.CampaignId == stage.CampaignId && other.Number < stage.Number)
            .OrderByDescending(other => other.Number).Select(other => (int?)other.Id).FirstOrDefaultAsync();
        return new StageContent(stage.Id, stage.CampaignId, campaign.Slug, campaign.Title, stage.Number, stage.Title, stage.OpensAt, stage.ClosesAt,
            stage.SecondsPerQuestion, stage.EntryRule, stage.EntryMinScore, previous,
            [.. stage.Questions.OrderBy(question => question.Position).ThenBy(question => question.Id).Select(question => new ContentQuestion(
                question.Id, question.Position, question.Kind, question.Text, question.Explanation, question.Image,
                [.. question.Options.OrderBy(option => option.Position).ThenBy(option => option.Id).Select(option => new ContentOption(option.Id, option.Text, option.IsCorrect))]))]);
    }
}
