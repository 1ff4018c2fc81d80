using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Quizzes;

/// <summary>The server goes down mid-attempt and a new one starts on the same database: the resident carries on where they were.</summary>
public sealed class QuizRestartTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("activecitizen-restart-").FullName;
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    private AppFactory Host() => new(dataDirectory: directory, configureServices: services => services.AddSingleton<TimeProvider>(time));

    [Fact]
    public async Task A_restart_mid_attempt_keeps_the_answers_and_resumes_the_same_question_without_resetting_its_time()
    {
        System.Security.Claims.ClaimsPrincipal resident;
        int stageId;
        PlayState beforeRestart;
        using (var first = Host())
        {
            using var scope = first.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var residentId = await db.Users.Where(user => user.Email == "resident@activecitizen.example").Select(user => user.Id).SingleAsync();
            resident = TestUsers.Principal(residentId);
            stageId = await db.Set<QuizStage>().Where(stage => stage.Number == 1).Select(stage => stage.Id).SingleAsync();
            var play = first.Services.GetRequiredService<QuizPlayService>();

            var served = await play.NextAsync(resident, stageId);
            var right = await db.Set<QuizOption>().Where(option => option.QuestionId == served.Question!.QuestionId && option.IsCorrect).Select(option => option.Id).ToListAsync();
            time.Advance(TimeSpan.FromSeconds(4));
            Assert.Equal(PlayStatus.Done, (await play.AnswerAsync(resident, served.AttemptId, served.Question!.QuestionId, right)).Status);
            beforeRestart = await play.NextAsync(resident, stageId);
            time.Advance(TimeSpan.FromSeconds(6));
        }
        // The restart itself takes a while: the question's clock keeps running through it.
        time.Advance(TimeSpan.FromSeconds(3));

        using var second = Host();
        var resumed = await second.Services.GetRequiredService<QuizPlayService>().StateAsync(resident, stageId);

        Assert.Equal(beforeRestart.AttemptId, resumed.AttemptId);
        Assert.Equal((1, 900), (resumed.Completed, resumed.Score));
        Assert.Equal((beforeRestart.Question!.QuestionId, beforeRestart.Question.ServedAt), (resumed.Question!.QuestionId, resumed.Question.ServedAt));
        Assert.Equal(TimeSpan.FromSeconds(DemoQuizzes.SecondsPerQuestion - 9), resumed.Question.EndsAt - time.GetUtcNow().UtcDateTime);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the OS temp cleaner takes it later.
        }
    }
}
