using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>A quiz such as "Recognize Moscow": ordered stages over some weeks, one leaderboard across them.</summary>
public sealed class QuizCampaign
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public DateTime CreatedAt { get; set; }

    /// <summary>When an admin published the whole campaign's results (all stages closed): its prizes may then be issued.</summary>
    public DateTime? ResultsPublishedAt { get; set; }

    public List<QuizStage> Stages { get; set; } = [];
}

public enum EntryRule
{
    /// <summary>Anyone signed in may play.</summary>
    Open,

    /// <summary>Only residents who finished the previous stage.</summary>
    PreviousCompleted,

    /// <summary>Only residents who scored at least <see cref="QuizStage.EntryMinScore"/> in the previous stage.</summary>
    PreviousMinScore,
}

public sealed class QuizStage
{
    public int Id { get; set; }
    public int CampaignId { get; set; }

    /// <summary>1, 2, 3… within the campaign: the stage's address (<c>/quizzes/{slug}/stages/{n}/play</c>).</summary>
    public int Number { get; set; }

    public LocalizedText Title { get; set; } = new();
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int SecondsPerQuestion { get; set; }
    public EntryRule EntryRule { get; set; }
    public int EntryMinScore { get; set; }

    /// <summary>When an admin published the stage's results (after it closed, flags reviewed): its prizes may then be issued.</summary>
    public DateTime? ResultsPublishedAt { get; set; }

    public int Version { get; set; }
    public List<QuizQuestion> Questions { get; set; } = [];
}

public enum QuestionKind
{
    /// <summary>Exactly one option is right.</summary>
    SingleChoice,

    /// <summary>Several options are right and all of them (and only them) must be chosen.</summary>
    MultipleChoice,
}

public sealed class QuizQuestion
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public LocalizedText Text { get; set; } = new();
    public LocalizedText Explanation { get; set; } = new();

    /// <summary>A picture question's image: a path under wwwroot shipped with the app, or an uploaded one (<c>/quiz-images/…</c>).</summary>
    public string? Image { get; set; }

    public List<QuizOption> Options { get; set; } = [];
}

public sealed class QuizOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public LocalizedText Text { get; set; } = new();
    public bool IsCorrect { get; set; }
}

public enum FairPlay
{
    Clear,

    /// <summary>Every correct answer came implausibly fast: kept off prizes until an admin looks.</summary>
    Flagged,

    /// <summary>An admin looked at a flagged attempt and found it fair.</summary>
    Cleared,

    /// <summary>An admin found the attempt unfair: it leaves the leaderboards.</summary>
    Disqualified,
}

/// <summary>
/// A resident's one attempt at a stage. The running figures (score, answer time, questions done) are kept by the answer writer in
/// the same transaction as each answer, so leaderboards read one row per resident.
/// </summary>
public sealed class QuizAttempt
{
    public long Id { get; set; }
    public int StageId { get; set; }
    public int CampaignId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int QuestionCount { get; set; }

    /// <summary>Questions dealt with: answered, or timed out.</summary>
    public int Completed { get; set; }

    public int Correct { get; set; }
    public int Score { get; set; }

    /// <summary>Server-measured time spent on the questions, in milliseconds (a timed-out question counts its whole time): the first tie-break.</summary>
    public long AnswerMs { get; set; }

    public FairPlay FairPlay { get; set; }
}

public enum AnswerOutcome
{
    /// <summary>Served and waiting for the answer.</summary>
    Pending,
    Correct,
    Wrong,

    /// <summary>The time ran out.</summary>
    Unanswered,
}

/// <summary>
/// One question of an attempt: a row is written when the question is served (its time starts then), and completed once, by the
/// answer or by the clock. The key (attempt, question) means a question is served once and answered once.
/// </summary>
public sealed class QuizAnswer
{
    public long AttemptId { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public DateTime ServedAt { get; set; }

    /// <summary>The question's time for this resident, extra time included, fixed when served.</summary>
    public int AllowedMs { get; set; }

    /// <summary>The last instant an answer is taken (served + allowed + the network grace): stored so the clock's sweep finds what has run out.</summary>
    public DateTime DeadlineAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The chosen option ids, comma-separated in ascending order.</summary>
    public string? Selected { get; set; }

    public AnswerOutcome Outcome { get; set; }
    public int Points { get; set; }
    public int ElapsedMs { get; set; }
}

/// <summary>A resident's running total over a campaign's stages, kept with every answer, for the campaign leaderboard.</summary>
public sealed class QuizCampaignScore
{
    public int CampaignId { get; set; }
    public string UserId { get; set; } = "";
    public int Score { get; set; }
    public long AnswerMs { get; set; }
    public DateTime? LastFinishedAt { get; set; }

    /// <summary>An attempt of the resident's in this campaign was disqualified: they leave the campaign's leaderboard.</summary>
    public bool Excluded { get; set; }
}

/// <summary>Extra time an admin granted a resident (e.g. ×1.5), applied to every question served to them from then on.</summary>
public sealed class QuizAccommodation
{
    public string UserId { get; set; } = "";
    public double TimeMultiplier { get; set; }
    public string GrantedBy { get; set; } = "";
    public DateTime GrantedAt { get; set; }
}
