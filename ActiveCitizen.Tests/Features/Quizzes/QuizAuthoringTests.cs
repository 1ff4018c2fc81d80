using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Audit;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Quizzes;

public sealed class QuizAuthoringTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(QuizHarness.StageOpens.AddDays(-2)));
    private readonly QuizHarness harness;
    private readonly string contentRoot = Directory.CreateTempSubdirectory("activecitizen-quiz-").FullName;

    public QuizAuthoringTests() => harness = new QuizHarness(database, time);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        database.Dispose();
        Directory.Delete(contentRoot, recursive: true);
    }

    private QuizAuthoringService Authoring() => new(database.Factory, new UserAccess(database.Factory), harness.Content, harness.Ticker,
        new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance), time, new TestWebHostEnvironment(contentRoot));

    private async Task<System.Security.Claims.ClaimsPrincipal> AdminAsync()
    {
        var id = await TestUsers.CreateAsync(database, "Admin", Roles.Admin);
        return TestUsers.Principal(id, Roles.Admin);
    }

    private const string Header = "kind,question_en,question_ru,explanation_en,explanation_ru,image,correct,option1_en,option1_ru,option2_en,option2_ru,option3_en,option3_ru";

    [Fact]
    public async Task A_csv_import_adds_the_good_rows_and_reports_every_refused_row_with_its_line_and_reasons()
    {
        var admin = await AdminAsync();
        var campaign = await harness.CampaignAsync(questions: 2);
        var stage = campaign.Stages[0];
        var csv = string.Join("\r\n",
            Header,
            "single,Which river flows through Moscow?,Какая река течёт через Москву?,The Moskva.,Москва-река.,,2,Neva,Нева,Moskva,Москва,Volga,Волга",
            "\"multiple\",\"Which of these are, in fact, parks?\",\"Что из этого — парки?\",\"Gorky Park and Zaryadye.\",\"Парк Горького и Зарядье.\",,1;3,Gorky Park,Парк Горького,GUM,ГУМ,Zaryadye,Зарядье",
            "quiz,No kind,Без типа,x,x,,1,A,А,B,Б,,",
            "single,Two right on single,Два верных,x,x,,1;2,A,А,B,Б,,",
            "single,Only English,,x,x,,1,A,А,B,Б,,",
            "single,Points to a missing option,Нет варианта,x,x,,5,A,А,B,Б,,",
            "single,\"A question written",
            "over two lines\",Вопрос,x,x,/etc/passwd,1,A,А,B,Б,,",
            "");

        var report = await Authoring().ImportQuestionsAsync(admin, stage.Id, csv);

        Assert.Equal((AuthoringStatus.Done, 2), (report.Status, report.Imported));
        Assert.Equal(
            [(4, "Validation.QuizCsvKind"), (5, "Validation.QuizSingleCorrect"), (6, "Validation.BothLanguagesRequired"), (7, "Validation.QuizCsvCorrect"), (8, "Validation.QuizImagePath")],
            report.Rejected.Select(row => (row.Line, row.Reasons[0].MessageKey)));
        await using var db = database.CreateContext();
        var questions = await db.Set<QuizQuestion>().Include(question => question.Options).Where(question => question.StageId == stage.Id)
            .OrderBy(question => question.Position).ToListAsync();
        Assert.Equal(4, questions.Count);
        Assert.Equal(("Which of these are, in fact, parks?", QuestionKind.MultipleChoice), (questions[3].Text.En, questions[3].Kind));
        Assert.Equal(["Gorky Park", "Zaryadye"], questions[3].Options.Where(option => option.IsCorrect).OrderBy(option => option.Position).Select(option => option.Text.En));
        Assert.Equal("Moskva", questions[2].Options.Single(option => option.IsCorrect).Text.En);
    }

    [Theory]
    [InlineData("", "Validation.QuizCsvEmpty")]
    [InlineData("question,answer\r\nWhat?,This", "Validation.QuizCsvHeader")]
    public async Task A_file_that_is_not_a_question_list_is_refused_whole(string csv, string expected)
    {
        var admin = await AdminAsync();
        var campaign = await harness.CampaignAsync(questions: 1);

        var report = await Authoring().ImportQuestionsAsync(admin, campaign.Stages[0].Id, csv);

        Assert.Equal((AuthoringStatus.Invalid, expected, 0), (report.Status, report.Problem!.MessageKey, report.Imported));
    }

    [Fact]
    public async Task A_quote_left_open_or_a_file_not_in_utf8_is_refused_whole_saying_why()
    {
        var admin = await AdminAsync();
        var campaign = await harness.CampaignAsync(questions: 0);
        var unclosed = Header + "\nsingle,Fine,Хорошо,x,x,,1,A,А,B,Б,,\nsingle,\"Never closed,Б,x,x,,1,A,А,B,Б,,\nsingle,Lost,Потеряно,x,x,,1,A,А,B,Б,,";
        var windows1251 = Header + "\nsingle,Moscow?,\uFFFD\uFFFD\uFFFD,x,x,,1,A,А,B,Б,,";

        var open = await Authoring().ImportQuestionsAsync(admin, campaign.Stages[0].Id, unclosed);
        var encoding = await Authoring().ImportQuestionsAsync(admin, campaign.Stages[0].Id, windows1251);

        Assert.Equal((AuthoringStatus.Invalid, "Validation.CsvUnclosedQuote", 3), (open.Status, open.Problem!.MessageKey, (int)open.Problem.Arguments[0]));
        Assert.Equal((AuthoringStatus.Invalid, "Validation.CsvEncoding"), (encoding.Status, encoding.Problem!.MessageKey));
        await using var db = database.CreateContext();
        Assert.False(await db.Set<QuizQuestion>().AnyAsync());
    }

    [Fact]
    public async Task A_semicolon_file_with_a_byte_order_mark_reads_like_any_other()
    {
        var admin = await AdminAsync();
        var campaign = await harness.CampaignAsync(questions: 0);
        var csv = "\uFEFF" + Header.Replace(',', ';') + "\nsingle;Right?;Верно?;Yes.;Да.;;1;Yes;Да;No;Нет;;\n";

        var report = await Authoring().ImportQuestionsAsync(admin, campaign.Stages[0].Id, csv);

        Assert.Equal((1, 0), (report.Imported, report.Rejected.Count));
    }

    [Fact]
    public async Task Once_a_stage_opens_its_questions_are_frozen_and_only_its_title_and_closing_time_change()
    {
        var admin = await AdminAsync();
        var campaign = await harness.CampaignAsync(questions: 2);
        var stage = campaign.Stages[0];
        var question = stage.Questions[0];
        harness.At(QuizHarness.StageOpens);
        var authoring = Authoring();
        var draft = new QuestionDraft(QuestionKind.SingleChoice, LocalizedText.Of("Changed", "Изменён"), LocalizedText.Of("x", "x"), null,
            [new(LocalizedText.Of("A", "А"), true), new(LocalizedText.Of("B", "Б"), false)]);

        var edit = await authoring.SaveQuestionAsync(admin, stage.Id, question.Id, draft);
        var add = await authoring.SaveQuestionAsync(admin, stage.Id, null, draft);
        var delete = await authoring.DeleteQuestionAsync(admin, question.Id);
        var import = await authoring.ImportQuestionsAsync(admin, stage.Id, Header + "\nsingle,Q,В,x,x,,1,A,А,B,Б,,");
        var moveOpening = await authoring.SaveStageAsync(admin, campaign.Id, stage.Id,
            new StageDraft(LocalizedText.Of("Renamed", "Переименован"), stage.OpensAt.AddHours(1), stage.ClosesAt, QuizHarness.Seconds, EntryRule.Open, 0));
        var extend = await authoring.SaveStageAsync(admin, campaign.Id, stage.Id,
            new StageDraft(LocalizedText.Of("Renamed", "Переименован"), stage.OpensAt, stage.ClosesAt.AddDays(1), QuizHarness.Seconds, EntryRule.Open, 0));

        Assert.Equal([AuthoringStatus.StageStarted, AuthoringStatus.StageStarted, AuthoringStatus.StageStarted], new[] { edit.Status, add.Status, delete.Status });
        Assert.Equal(AuthoringStatus.StageStarted, import.Status);
        Assert.Equal(["Validation.QuizStageStartedTimes"], moveOpening.Errors!.Select(error => error.MessageKey));
        Assert.Equal(AuthoringStatus.Done, extend.Status);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Set<QuizQuestion>().CountAsync(candidate => candidate.StageId == stage.Id));
        Assert.Equal("Question 1", (await db.Set<QuizQuestion>().SingleAsync(candidate => candidate.Id == question.Id)).Text.En);
        Assert.Equal(("Renamed", QuizHarness.StageCloses.AddDays(1)), ((await db.Set<QuizStage>().SingleAsync()).Title.En, (await db.Set<QuizStage>().SingleAsync()).ClosesAt));
    }

    [Fact]
    public async Task Questions_need_both_languages_the_right_number_of_right_options_and_distinct_options()
    {
        LocalizedText Text(string en, string ru) => LocalizedText.Of(en, ru);
        var noRight = new QuestionDraft(QuestionKind.SingleChoice, Text("Q", "В"), Text("E", "П"), null, [new(Text("A", "А"), false), new(Text("B", "Б"), false)]);
        var allRight = new QuestionDraft(QuestionKind.MultipleChoice, Text("Q", "В"), Text("E", "П"), null, [new(Text("A", "А"), true), new(Text("B", "Б"), true)]);
        var oneOption = new QuestionDraft(QuestionKind.SingleChoice, Text("Q", ""), Text("E", "П"), "/quiz/../secret.png", [new(Text("A", "А"), true)]);
        var twins = new QuestionDraft(QuestionKind.SingleChoice, Text("Q", "В"), Text("E", "П"), null, [new(Text("A", "А"), true), new(Text("a ", "а"), false)]);

        Assert.Equal(["Validation.QuizSingleCorrect"], QuizAuthoringService.ValidateQuestion(noRight).Select(error => error.MessageKey));
        Assert.Equal(["Validation.QuizMultipleCorrect"], QuizAuthoringService.ValidateQuestion(allRight).Select(error => error.MessageKey));
        Assert.Equal(["Validation.BothLanguagesRequired", "Validation.QuizOptionCount", "Validation.QuizImagePath"],
            QuizAuthoringService.ValidateQuestion(oneOption).Select(error => error.MessageKey));
        Assert.Equal(["Validation.QuizOptionsDistinct"], QuizAuthoringService.ValidateQuestion(twins).Select(error => error.MessageKey));
    }

    [Fact]
    public async Task Only_admins_author_and_review()
    {
        var campaign = await harness.CampaignAsync(questions: 1);
        var (_, resident) = await harness.ResidentAsync();
        var authoring = Authoring();

        Assert.Equal(AuthoringStatus.Forbidden, (await authoring.SaveCampaignAsync(resident, null, new CampaignDraft("x-quiz", LocalizedText.Of("X", "Х"), LocalizedText.Of("X", "Х")))).Status);
        Assert.Equal(AuthoringStatus.Forbidden, (await authoring.ImportQuestionsAsync(resident, campaign.Stages[0].Id, Header)).Status);
        Assert.Equal(AuthoringStatus.Forbidden, (await authoring.ReviewAsync(resident, 1, true, null)).Status);
        Assert.Equal(AuthoringStatus.SignInRequired, (await authoring.GrantExtraTimeAsync(TestUsers.Anonymous, "a@b.c", 1.5)).Status);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Set<QuizCampaign>().CountAsync());
    }

    [Fact]
    public async Task Disqualifying_a_flagged_attempt_takes_it_off_the_boards_and_out_of_the_campaign_total_once_and_audited()
    {
        var admin = await AdminAsync();
        harness.At(QuizHarness.StageOpens.AddHours(1));
        var campaign = await harness.CampaignAsync(questions: 4);
        var (botId, bot) = await harness.ResidentAsync("Bot");
        var (_, human) = await harness.ResidentAsync("Human");
        await harness.PlayStageAsync(campaign, 1, bot, TimeSpan.FromMilliseconds(200));
        await harness.PlayStageAsync(campaign, 1, human, TimeSpan.FromSeconds(5));
        await using var db = database.CreateContext();
        var flagged = await db.Set<QuizAttempt>().SingleAsync(attempt => attempt.UserId == botId);
        Assert.Equal(FairPlay.Flagged, flagged.FairPlay);

        var (_, stillPlaying) = await harness.ResidentAsync("Still playing");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var served = await harness.Play.NextAsync(stillPlaying, campaign.Stages[0].Id);
            time.Advance(TimeSpan.FromMilliseconds(200));
            await harness.Play.AnswerAsync(stillPlaying, served.AttemptId, served.Question!.QuestionId, QuizHarness.Right(campaign, served.Question.QuestionId));
        }
        var unfinished = await db.Set<QuizAttempt>().AsNoTracking().SingleAsync(attempt => attempt.FinishedAt == null);
        var tooEarly = await Authoring().ReviewAsync(admin, unfinished.Id, fair: true, null);
        Assert.Equal((FairPlay.Flagged, "Validation.QuizStillPlaying"), (unfinished.FairPlay, tooEarly.Errors![0].MessageKey));

        var unexplained = await Authoring().ReviewAsync(admin, flagged.Id, fair: false, " ");
        Assert.Equal("Validation.QuizReviewReason", unexplained.Errors![0].MessageKey);
        var first = await Authoring().ReviewAsync(admin, flagged.Id, fair: false, "Every answer in 200 ms");
        var again = await Authoring().ReviewAsync(admin, flagged.Id, fair: true, null);

        Assert.Equal((AuthoringStatus.Done, AuthoringStatus.Invalid), (first.Status, again.Status));
        var stageBoard = await harness.Queries.LeaderboardAsync(campaign.Id, campaign.Stages[0].Id, 1, botId);
        var overall = await harness.Queries.LeaderboardAsync(campaign.Id, null, 1, null);
        Assert.Equal(["Human", "Still playing"], stageBoard.Rows.Select(row => row.Name));
        Assert.Null(stageBoard.Mine);
        Assert.Equal(["Human", "Still playing"], overall.Rows.Select(row => row.Name));
        // Still flagged, on both boards, until the attempt ends and an admin decides.
        Assert.Equal([false, true], overall.Rows.Select(row => row.Flagged));
        Assert.True((await db.Set<QuizCampaignScore>().AsNoTracking().SingleAsync(score => score.UserId == botId)).Excluded);
        var audit = await db.Set<AuditEntry>().SingleAsync();
        Assert.Equal((AuditActions.QuizAttemptDisqualified, "Every answer in 200 ms"), (audit.Action, audit.Reason));
    }

    [Fact]
    public async Task Extra_time_goes_to_a_known_resident_within_limits()
    {
        var admin = await AdminAsync();
        var (residentId, _) = await harness.ResidentAsync("Needs time");
        await using var db = database.CreateContext();
        var email = await db.Users.Where(user => user.Id == residentId).Select(user => user.Email).SingleAsync();

        var tooMuch = await Authoring().GrantExtraTimeAsync(admin, email!, 5);
        var nobody = await Authoring().GrantExtraTimeAsync(admin, "nobody@example.org", 1.5);
        var granted = await Authoring().GrantExtraTimeAsync(admin, email!.ToUpperInvariant(), 1.5);

        Assert.Equal(["Validation.QuizMultiplier"], tooMuch.Errors!.Select(error => error.MessageKey));
        Assert.Equal(["Validation.QuizNoSuchResident"], nobody.Errors!.Select(error => error.MessageKey));
        Assert.Equal(AuthoringStatus.Done, granted.Status);
        Assert.Equal(1.5, (await db.Set<QuizAccommodation>().SingleAsync()).TimeMultiplier);
    }

    [Fact]
    public async Task An_uploaded_picture_is_kept_only_if_its_bytes_are_an_image()
    {
        var admin = await AdminAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var image = await Authoring().UploadImageAsync(admin, new MemoryStream(png));
        var script = await Authoring().UploadImageAsync(admin, new MemoryStream("<svg onload=alert(1)>"u8.ToArray()));
        var huge = await Authoring().UploadImageAsync(admin, new MemoryStream(new byte[QuizLimits.ImageMaxBytes + 1]));

        Assert.Equal(AuthoringStatus.Done, image.Status);
        Assert.Matches("^/quiz-images/[0-9a-f]{32}\\.png$", image.Path);
        Assert.True(QuizImages.IsKnownPath(image.Path!));
        Assert.Equal(("Validation.QuizImageType", "Validation.QuizImageTooLarge"), (script.Error!.MessageKey, huge.Error!.MessageKey));
        Assert.Single(Directory.GetFiles(Path.Combine(contentRoot, "App_Data", "quiz-images")));
    }
}
