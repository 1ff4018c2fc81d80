using System.Collections.Concurrent;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>A stage as a resident sees it in lists: its window and where they stand in it.</summary>
public enum StageStanding
{
    Upcoming,
    Open,
    Locked,
    InProgress,
    Done,
    Missed,
}

public sealed record StageCard(
    int Id, int Number, LocalizedText Title, DateTime OpensAt, DateTime ClosesAt, int Questions, int SecondsPerQuestion, EntryRule EntryRule, int EntryMinScore,
    StageStanding Standing, int? Score, int? Completed, bool ResultsPublished);

public sealed record CampaignCard(int Id, string Slug, LocalizedText Title, LocalizedText Summary, IReadOnlyList<StageCard> Stages, bool ResultsPublished);

/// <summary>A line of a leaderboard. The user id stays on the server (it marks the reader's own line); pages show the name.</summary>
public sealed record LeaderboardRow(long Rank, string UserId, string Name, int Score, long AnswerMs, DateTime? FinishedAt, bool Flagged, bool IsMe);

public sealed record LeaderboardView(IReadOnlyList<LeaderboardRow> Rows, int Total, int Page, int Pages, LeaderboardRow? Mine);

public sealed record ReviewedAnswer(
    int Index, LocalizedText Question, string? Image, AnswerOutcome Outcome, int Points, int ElapsedMs, IReadOnlyList<(LocalizedText Text, bool Chosen, bool Correct)> Options,
    LocalizedText Explanation);

public sealed record MyAttempt(
    long Id, string CampaignSlug, LocalizedText CampaignTitle, int StageNumber, LocalizedText StageTitle, DateTime StartedAt, DateTime? FinishedAt,
    int Score, int Correct, int Completed, int QuestionCount, long? Rank, FairPlay FairPlay, IReadOnlyList<ReviewedAnswer> Answers);

/// <summary>
/// The reads of quizzes. Leaderboards are served from the covering rank indexes; a page and the board's score histogram (its total,
/// and everyone's "how many scored more") are read once per leaderboard revision and shared by every viewer, so a live signal costs
/// one read per page shown, not per viewer. Deep pages walk the index to their offset.
/// </summary>
public sealed class QuizQueries(IDbContextFactory<AppDbContext> dbFactory, LeaderboardTicker ticker, TimeProvider time)
{
    private readonly ConcurrentDictionary<(int CampaignId, int? StageId, int Page), (long Revision, Task<List<LeaderboardRow>> Read)> pages = new();
    private readonly ConcurrentDictionary<(int CampaignId, int? StageId), (long Revision, Task<ScoreHistogram> Read)> histograms = new();

    public async Task<IReadOnlyList<CampaignCard>> CampaignsAsync(string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Set<QuizCampaign>().AsNoTracking().OrderByDescending(campaign => campaign.CreatedAt)
            .Select(campaign => new { campaign.Id, campaign.Slug, campaign.Title, campaign.Summary, campaign.ResultsPublishedAt }).ToListAsync(cancellationToken);
        var cards = new List<CampaignCard>();
        foreach (var campaign in campaigns)
        {
            cards.Add(new CampaignCard(campaign.Id, campaign.Slug, campaign.Title, campaign.Summary, await StagesAsync(db, campaign.Id, userId, cancellationToken),
                campaign.ResultsPublishedAt is not null));
        }
        return cards;
    }

    public async Task<CampaignCard?> CampaignAsync(string slug, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Set<QuizCampaign>().AsNoTracking().Where(campaign => campaign.Slug == slug)
            .Select(campaign => new { campaign.Id, campaign.Slug, campaign.Title, campaign.Summary, campaign.ResultsPublishedAt }).SingleOrDefaultAsync(cancellationToken);
        return campaign is null ? null
            : new CampaignCard(campaign.Id, campaign.Slug, campaign.Title, campaign.Summary, await StagesAsync(db, campaign.Id, userId, cancellationToken),
                campaign.ResultsPublishedAt is not null);
    }

    private async Task<IReadOnlyList<StageCard>> StagesAsync(AppDbContext db, int campaignId, string? userId, CancellationToken cancellationToken)
    {
        var stages = await db.Set<QuizStage>().AsNoTracking().Where(stage => stage.CampaignId == campaignId).OrderBy(stage => stage.Number)
            .Select(stage => new
            {
                stage.Id, stage.Number, stage.Title, stage.OpensAt, stage.ClosesAt, Questions = stage.Questions.Count, stage.SecondsPerQuestion, stage.EntryRule,
                stage.EntryMinScore, stage.ResultsPublishedAt,
            })
            .ToListAsync(cancellationToken);
        var attempts = userId is null ? [] : await db.Set<QuizAttempt>().AsNoTracking().Where(attempt => attempt.CampaignId == campaignId && attempt.UserId == userId)
            .Select(attempt => new { attempt.StageId, attempt.Score, attempt.Completed, attempt.QuestionCount, attempt.FinishedAt, attempt.FairPlay })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var cards = new List<StageCard>();
        foreach (var stage in stages)
        {
            var attempt = attempts.SingleOrDefault(candidate => candidate.StageId == stage.Id);
            var finished = attempt is not null && (attempt.FinishedAt is not null || attempt.Completed >= attempt.QuestionCount);
            var previous = cards.LastOrDefault();
            var previousAttempt = previous is null ? null : attempts.SingleOrDefault(candidate => candidate.StageId == previous.Id);
            // The same rule the play service applies: the previous attempt finished (not merely cut off by the close) and not disqualified.
            var previousDone = previousAttempt is not null && previousAttempt.FairPlay != FairPlay.Disqualified
                && (previousAttempt.FinishedAt is not null || previousAttempt.Completed >= previousAttempt.QuestionCount);
            var entered = stage.EntryRule switch
            {
                EntryRule.PreviousCompleted => previous is null || previousDone,
                EntryRule.PreviousMinScore => previous is null || (previousDone && previousAttempt!.Score >= stage.EntryMinScore),
                _ => true,
            };
            var state = QuizRules.StateAt(stage.OpensAt, stage.ClosesAt, now);
            var standing = finished ? StageStanding.Done
                : state == StageState.Upcoming ? StageStanding.Upcoming
                : state == StageState.Closed ? (attempt is null ? StageStanding.Missed : StageStanding.Done)
                : attempt is not null ? StageStanding.InProgress
                : userId is not null && !entered ? StageStanding.Locked
                : StageStanding.Open;
            cards.Add(new StageCard(stage.Id, stage.Number, stage.Title, stage.OpensAt, stage.ClosesAt, stage.Questions, stage.SecondsPerQuestion, stage.EntryRule,
                stage.EntryMinScore, standing, attempt?.Score, attempt?.Completed, stage.ResultsPublishedAt is not null));
        }
        return cards;
    }

    /// <summary>One page of a stage's leaderboard (or the campaign's, when <paramref name="stageId"/> is null), and the reader's own row wherever it is.</summary>
    public async Task<LeaderboardView> LeaderboardAsync(int campaignId, int? stageId, int page, string? userId, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var key = (campaignId, stageId, page);
        var revision = ticker.Revision;
        var entry = pages.AddOrUpdate(key, _ => (revision, ReadPageAsync(campaignId, stageId, page)),
            (_, existing) => existing.Revision == revision && !existing.Read.IsFaulted ? existing : (revision, ReadPageAsync(campaignId, stageId, page)));
        var rows = await entry.Read.WaitAsync(cancellationToken);
        // The total is the histogram's, read once per revision and shared with every reader's own place.
        var total = (int)(await HistogramAsync(campaignId, stageId, revision)).Total;
        var mine = userId is null ? null : await MyRowAsync(campaignId, stageId, userId, revision, cancellationToken);
        var shown = rows.Select(row => row.UserId == userId ? row with { IsMe = true } : row).ToList();
        var pageCount = Math.Max(1, (total + QuizLimits.LeaderboardPageSize - 1) / QuizLimits.LeaderboardPageSize);
        return new LeaderboardView(shown, total, page, pageCount, mine);
    }

    private async Task<List<LeaderboardRow>> ReadPageAsync(int campaignId, int? stageId, int page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var skip = (page - 1) * QuizLimits.LeaderboardPageSize;
        if (stageId is { } stage)
        {
            var ranked = StageBoard(db, stage);
            var rows = await ranked.OrderByDescending(attempt => attempt.Score).ThenBy(attempt => attempt.AnswerMs).ThenBy(attempt => attempt.FinishedAt == null)
                .ThenBy(attempt => attempt.FinishedAt).ThenBy(attempt => attempt.Id)
                .Skip(skip).Take(QuizLimits.LeaderboardPageSize)
                .Join(db.Users, attempt => attempt.UserId, user => user.Id, (attempt, user) => new { user.Id, user.DisplayName, attempt.Score, attempt.AnswerMs, attempt.FinishedAt, attempt.FairPlay })
                .ToListAsync();
            return [.. rows.Select((row, index) => new LeaderboardRow(skip + index + 1, row.Id, row.DisplayName, row.Score, row.AnswerMs, row.FinishedAt,
                row.FairPlay == FairPlay.Flagged, false))];
        }
        var board = CampaignBoard(db, campaignId);
        var campaignRows = await board.OrderByDescending(score => score.Score).ThenBy(score => score.AnswerMs).ThenBy(score => score.LastFinishedAt == null)
            .ThenBy(score => score.LastFinishedAt).ThenBy(score => score.UserId)
            .Skip(skip).Take(QuizLimits.LeaderboardPageSize)
            .Join(db.Users, score => score.UserId, user => user.Id, (score, user) => new
            {
                user.Id, user.DisplayName, score.Score, score.AnswerMs, score.LastFinishedAt,
                // A flag on any of the resident's attempts in the campaign marks their overall line too (25 lookups a page, on the key).
                Flagged = db.Set<QuizAttempt>().Any(attempt => attempt.CampaignId == campaignId && attempt.UserId == score.UserId && attempt.FairPlay == FairPlay.Flagged),
            })
            .ToListAsync();
        return [.. campaignRows.Select((row, index) => new LeaderboardRow(skip + index + 1, row.Id, row.DisplayName, row.Score, row.AnswerMs, row.LastFinishedAt, row.Flagged, false))];
    }

    private static IQueryable<QuizAttempt> StageBoard(AppDbContext db, int stageId) =>
        db.Set<QuizAttempt>().AsNoTracking().Where(attempt => attempt.StageId == stageId && attempt.Completed > 0 && attempt.FairPlay != FairPlay.Disqualified);

    private static IQueryable<QuizCampaignScore> CampaignBoard(AppDbContext db, int campaignId) =>
        db.Set<QuizCampaignScore>().AsNoTracking().Where(score => score.CampaignId == campaignId && !score.Excluded);

    /// <summary>
    /// The reader's rank: one plus how many rank above them by score, then answer time, then earlier finish. "How many scored more" comes
    /// from a score histogram read once per board and revision and shared by every reader; only the few who share the reader's score are
    /// counted for them, on the rank index. So a resident far down a board of 100,000 costs two small reads, not a count of everyone above.
    /// </summary>
    private async Task<LeaderboardRow?> MyRowAsync(int campaignId, int? stageId, string userId, long revision, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var histogram = await HistogramAsync(campaignId, stageId, revision);
        if (stageId is { } stage)
        {
            var row = await StageBoard(db, stage).Where(attempt => attempt.UserId == userId)
                .Join(db.Users, attempt => attempt.UserId, user => user.Id, (attempt, user) => new { attempt, user.DisplayName }).SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }
            var (mine, name) = (row.attempt, row.DisplayName);
            var tied = await StageBoard(db, stage).CountAsync(attempt => attempt.Score == mine.Score && (attempt.AnswerMs < mine.AnswerMs
                || (attempt.AnswerMs == mine.AnswerMs && mine.FinishedAt != null && attempt.FinishedAt != null && attempt.FinishedAt < mine.FinishedAt)
                || (attempt.AnswerMs == mine.AnswerMs && mine.FinishedAt == null && attempt.FinishedAt != null)
                || (attempt.AnswerMs == mine.AnswerMs && attempt.FinishedAt == mine.FinishedAt && attempt.Id < mine.Id)), cancellationToken);
            return new LeaderboardRow(histogram.Above(mine.Score) + tied + 1, userId, name, mine.Score, mine.AnswerMs, mine.FinishedAt, mine.FairPlay == FairPlay.Flagged, true);
        }
        var ownRow = await CampaignBoard(db, campaignId).Where(score => score.UserId == userId)
            .Join(db.Users, score => score.UserId, user => user.Id, (score, user) => new { score, user.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (ownRow is null)
        {
            return null;
        }
        var (own, ownName) = (ownRow.score, ownRow.DisplayName);
        var ahead = await CampaignBoard(db, campaignId).CountAsync(score => score.Score == own.Score && (score.AnswerMs < own.AnswerMs
            || (score.AnswerMs == own.AnswerMs && own.LastFinishedAt != null && score.LastFinishedAt != null && score.LastFinishedAt < own.LastFinishedAt)
            || (score.AnswerMs == own.AnswerMs && own.LastFinishedAt == null && score.LastFinishedAt != null)
            || (score.AnswerMs == own.AnswerMs && score.LastFinishedAt == own.LastFinishedAt && string.Compare(score.UserId, own.UserId) < 0)),
            cancellationToken);
        return new LeaderboardRow(histogram.Above(own.Score) + ahead + 1, userId, ownName, own.Score, own.AnswerMs, own.LastFinishedAt, false, true);
    }

    /// <summary>How many on a board scored each score, highest first: one index-only read per board and revision.</summary>
    private Task<ScoreHistogram> HistogramAsync(int campaignId, int? stageId, long revision)
    {
        var entry = histograms.AddOrUpdate((campaignId, stageId), _ => (revision, ReadHistogramAsync(campaignId, stageId)),
            (_, existing) => existing.Revision == revision && !existing.Read.IsFaulted ? existing : (revision, ReadHistogramAsync(campaignId, stageId)));
        return entry.Read;
    }

    private async Task<ScoreHistogram> ReadHistogramAsync(int campaignId, int? stageId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var counts = stageId is { } stage
            ? await StageBoard(db, stage).GroupBy(attempt => attempt.Score).Select(group => new { Score = group.Key, Count = group.Count() }).ToListAsync()
            : await CampaignBoard(db, campaignId).GroupBy(score => score.Score).Select(group => new { Score = group.Key, Count = group.Count() }).ToListAsync();
        return new ScoreHistogram([.. counts.Select(count => (count.Score, count.Count))]);
    }

    /// <summary>Scores with how many hold each; <see cref="Above"/> answers "how many scored more than this" by binary search over running totals.</summary>
    private sealed class ScoreHistogram
    {
        private readonly int[] scores;
        private readonly long[] atLeast;

        public ScoreHistogram(IEnumerable<(int Score, int Count)> counts)
        {
            var ordered = counts.OrderByDescending(count => count.Score).ToArray();
            scores = [.. ordered.Select(count => count.Score)];
            atLeast = new long[ordered.Length];
            long running = 0;
            for (var index = 0; index < ordered.Length; index++)
            {
                running += ordered[index].Count;
                atLeast[index] = running;
            }
        }

        public long Total => atLeast.Length == 0 ? 0 : atLeast[^1];

        public long Above(int score)
        {
            // The last position holding a score strictly greater than this one (scores run from high to low).
            int low = 0, high = scores.Length - 1, found = -1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (scores[middle] > score)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return found < 0 ? 0 : atLeast[found];
        }
    }

    /// <summary>The resident's attempts, newest first, each with its rank and every answer reviewed (what they chose, what was right).</summary>
    public async Task<IReadOnlyList<MyAttempt>> MyAttemptsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempts = await (
                from attempt in db.Set<QuizAttempt>().AsNoTracking()
                where attempt.UserId == userId
                join stage in db.Set<QuizStage>() on attempt.StageId equals stage.Id
                join campaign in db.Set<QuizCampaign>() on stage.CampaignId equals campaign.Id
                orderby attempt.StartedAt descending
                select new { attempt, campaign.Slug, CampaignTitle = campaign.Title, stage.Number, StageTitle = stage.Title })
            .ToListAsync(cancellationToken);
        var result = new List<MyAttempt>();
        foreach (var row in attempts)
        {
            var attempt = row.attempt;
            var answers = await db.Set<QuizAnswer>().AsNoTracking().Where(answer => answer.AttemptId == attempt.Id && answer.Outcome != AnswerOutcome.Pending)
                .OrderBy(answer => answer.Position).ToListAsync(cancellationToken);
            var questionIds = answers.Select(answer => answer.QuestionId).ToList();
            var questions = await db.Set<QuizQuestion>().AsNoTracking().Include(question => question.Options).Where(question => questionIds.Contains(question.Id))
                .ToDictionaryAsync(question => question.Id, cancellationToken);
            var reviewed = answers.Select(answer =>
            {
                var question = questions[answer.QuestionId];
                var chosen = QuizPlayService.ParseSelected(answer.Selected);
                return new ReviewedAnswer(answer.Position, question.Text, question.Image, answer.Outcome, answer.Points, answer.ElapsedMs,
                    [.. QuizRules.Shuffle(question.Options, attempt.Id, option => option.Id).Select(option => (option.Text, chosen.Contains(option.Id), option.IsCorrect))],
                    question.Explanation);
            }).ToList();
            var rank = attempt.Completed > 0 && attempt.FairPlay != FairPlay.Disqualified
                ? (await MyRowAsync(attempt.CampaignId, attempt.StageId, userId, ticker.Revision, cancellationToken))?.Rank : null;
            result.Add(new MyAttempt(attempt.Id, row.Slug, row.CampaignTitle, row.Number, row.StageTitle, attempt.StartedAt, attempt.FinishedAt, attempt.Score,
                attempt.Correct, attempt.Completed, attempt.QuestionCount, rank, attempt.FairPlay, reviewed));
        }
        return result;
    }

    public async Task<int?> StageIdAsync(string slug, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from stage in db.Set<QuizStage>()
                      join campaign in db.Set<QuizCampaign>() on stage.CampaignId equals campaign.Id
                      where campaign.Slug == slug && stage.Number == number
                      select (int?)stage.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Stages open right now, soonest to close first: what the home page invites residents to play.</summary>
    public async Task<IReadOnlyList<OpenStage>> OpenStagesAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from stage in db.Set<QuizStage>().AsNoTracking()
                      where stage.OpensAt <= now && now < stage.ClosesAt
                      join campaign in db.Set<QuizCampaign>() on stage.CampaignId equals campaign.Id
                      orderby stage.ClosesAt
                      select new OpenStage(campaign.Slug, campaign.Title, stage.Number, stage.Title, stage.ClosesAt, stage.Questions.Count, stage.SecondsPerQuestion))
            .Take(4).ToListAsync(cancellationToken);
    }
}

public sealed record OpenStage(string CampaignSlug, LocalizedText CampaignTitle, int Number, LocalizedText Title, DateTime ClosesAt, int Questions, int SecondsPerQuestion);
