using System.Security.Claims;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Quizzes;

/// <summary>The quiz services wired as the app wires them (the answer writer running), on a real database and a fake clock.</summary>
public sealed class QuizHarness : IAsyncDisposable
{
    public static readonly DateTime StageOpens = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime StageCloses = StageOpens.AddDays(7);
    public const int Seconds = 20;
    public const int AllowedMs = Seconds * 1000;

    private readonly TestDatabase database;

    public QuizHarness(TestDatabase database, FakeTimeProvider time)
    {
        this.database = database;
        Time = time;
        Ticker = new LeaderboardTicker(LiveEvents, time);
        Content = new QuizContentCache(database.Factory, time);
        Writer = new QuizAnswerWriter(database.Factory, LiveEvents, Ticker, time, NullLogger<QuizAnswerWriter>.Instance);
        Sweeper = new QuizClockSweeper(database.Factory, Writer, time, NullLogger<QuizClockSweeper>.Instance);
        Writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Play = new QuizPlayService(database.Factory, Content, Writer, new UserAccess(database.Factory), time);
        Queries = new QuizQueries(database.Factory, Ticker, time);
    }

    public FakeTimeProvider Time { get; }
    public InProcessLiveEvents LiveEvents { get; } = new(NullLogger<InProcessLiveEvents>.Instance);
    public LeaderboardTicker Ticker { get; }
    public QuizContentCache Content { get; }
    public QuizAnswerWriter Writer { get; }

    /// <summary>Not started: tests sweep when they mean to, by calling <see cref="QuizClockSweeper.SweepAsync"/>.</summary>
    public QuizClockSweeper Sweeper { get; }
    public QuizPlayService Play { get; }
    public QuizQueries Queries { get; }

    public void At(DateTime instant) => Time.SetUtcNow(new DateTimeOffset(instant));

    public async Task<(string Id, ClaimsPrincipal Principal)> ResidentAsync(string name = "Resident")
    {
        var id = await TestUsers.CreateAsync(database, name);
        return (id, TestUsers.Principal(id));
    }

    /// <summary>
    /// A campaign whose stages have <paramref name="questions"/> questions each: every question has options "A" (right), "B", "C", and
    /// every second one is multiple choice with "A" and "C" right.
    /// </summary>
    public async Task<QuizCampaign> CampaignAsync(int stages = 1, int questions = 3, EntryRule secondStageRule = EntryRule.PreviousCompleted, int minScore = 0)
    {
        var campaign = new QuizCampaign
        {
            Slug = $"quiz-{Guid.NewGuid():N}", CreatedAt = StageOpens.AddDays(-3), Title = LocalizedText.Of("Test quiz", "Тестовая викторина"),
            Summary = LocalizedText.Of("Summary", "Кратко"),
        };
        for (var number = 1; number <= stages; number++)
        {
            campaign.Stages.Add(new QuizStage
            {
                Number = number, Title = LocalizedText.Of($"Stage {number}", $"Этап {number}"), OpensAt = StageOpens.AddDays(number - 1),
                ClosesAt = StageCloses, SecondsPerQuestion = Seconds, EntryRule = number == 1 ? EntryRule.Open : secondStageRule, EntryMinScore = minScore,
                Questions = [.. Enumerable.Range(1, questions).Select(position => new QuizQuestion
                {
                    Position = position, Kind = position % 2 == 0 ? QuestionKind.MultipleChoice : QuestionKind.SingleChoice,
                    Text = LocalizedText.Of($"Question {position}", $"Вопрос {position}"), Explanation = LocalizedText.Of($"Because {position}", $"Потому что {position}"),
                    Options =
                    [
                        new() { Position = 1, Text = LocalizedText.Of("A", "А"), IsCorrect = true },
                        new() { Position = 2, Text = LocalizedText.Of("B", "Б") },
                        new() { Position = 3, Text = LocalizedText.Of("C", "В"), IsCorrect = position % 2 == 0 },
                    ],
                })],
            });
        }
        await using var db = database.CreateContext();
        db.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }

    /// <summary>The right option ids of a question ("A", and "C" on multiple-choice ones).</summary>
    public static IReadOnlyCollection<int> Right(QuizCampaign campaign, int questionId) =>
        [.. campaign.Stages.SelectMany(stage => stage.Questions).Single(question => question.Id == questionId).Options.Where(option => option.IsCorrect).Select(option => option.Id)];

    public static IReadOnlyCollection<int> Wrong(QuizCampaign campaign, int questionId) =>
        [campaign.Stages.SelectMany(stage => stage.Questions).Single(question => question.Id == questionId).Options.Single(option => option.Position == 2).Id];

    /// <summary>Plays a whole stage: each question answered right after <paramref name="thinking"/>.</summary>
    public async Task<PlayState> PlayStageAsync(QuizCampaign campaign, int stageNumber, ClaimsPrincipal resident, TimeSpan thinking, bool right = true)
    {
        var stage = campaign.Stages.Single(candidate => candidate.Number == stageNumber);
        PlayState state;
        while ((state = await Play.NextAsync(resident, stage.Id)).Question is { } question)
        {
            Time.Advance(thinking);
            var answer = await Play.AnswerAsync(resident, state.AttemptId, question.QuestionId,
                right ? Right(campaign, question.QuestionId) : Wrong(campaign, question.QuestionId));
            if (answer.Status != PlayStatus.Done)
            {
                throw new InvalidOperationException($"Answer refused: {answer.Status}");
            }
        }
        return state;
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Ticker.Dispose();
    }
}
