namespace ActiveCitizen.App.Features.Quizzes;

public static class QuizLimits
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 160;
    public const int SummaryMaxLength = 1000;
    public const int QuestionMaxLength = 600;
    public const int ExplanationMaxLength = 1000;
    public const int OptionMaxLength = 200;
    public const int MinOptions = 2;
    public const int MaxOptions = 6;
    public const int MinSecondsPerQuestion = 5;
    public const int MaxSecondsPerQuestion = 300;
    public const int MaxQuestionsPerStage = 100;
    public const double MinTimeMultiplier = 1.0;
    public const double MaxTimeMultiplier = 3.0;
    public const int ImageMaxBytes = 2 * 1024 * 1024;
    public const int LeaderboardPageSize = 25;
    public const int ReviewReasonMinLength = 5;
    public const int ReviewReasonMaxLength = 500;

    /// <summary>How long after a question's time an answer may still arrive: the trip from the resident's click to the server.</summary>
    public static readonly TimeSpan NetworkGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>How long past a question's deadline the clock waits before completing it as unanswered (see <see cref="QuizPlayService.ClockMayComplete"/>).</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(2);

    /// <summary>How often the clock looks for questions left waiting past their time (a closed tab, a lost connection).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    public const int MaxPoints = 1000;

    /// <summary>Fair play: an attempt is flagged when it has at least this many correct answers and every one came faster than this.</summary>
    public const int ImplausibleCorrectAnswers = 3;
    public const int ImplausibleAnswerMs = 1000;
}

public enum StageState
{
    /// <summary>Not open yet.</summary>
    Upcoming,
    Open,
    Closed,
}

public static class QuizRules
{

    public static StageState StateAt(DateTime opensAt, DateTime closesAt, DateTime now) =>
        now < opensAt ? StageState.Upcoming : now < closesAt ? StageState.Open : StageState.Closed;

    /// <summary>
    /// Points for a correct answer that arrived <paramref name="elapsedMs"/> after the question was served, of <paramref name="allowedMs"/>:
    /// round(1000 × (1 − t / 2T)), so 1000 at once and 500 at the last moment. An answer inside the network grace scores as if it had
    /// arrived at T; a wrong answer scores nothing.
    /// </summary>
    public static int Points(bool correct, long elapsedMs, int allowedMs)
    {
        if (!correct || allowedMs <= 0)
        {
            return 0;
        }
        var t = Math.Clamp(elapsedMs, 0, allowedMs);
        return (int)Math.Round(QuizLimits.MaxPoints * (1 - t / (2.0 * allowedMs)), MidpointRounding.AwayFromZero);
    }

    /// <summary>The last instant an answer is taken: the question's time plus the network grace.</summary>
    public static DateTime AnswerDeadline(DateTime servedAt, int allowedMs) => servedAt.AddMilliseconds(allowedMs) + QuizLimits.NetworkGrace;

    public static int AllowedMs(int secondsPerQuestion, double timeMultiplier) => (int)Math.Round(secondsPerQuestion * 1000 * Math.Max(1.0, timeMultiplier));

    /// <summary>Whether the chosen options are exactly the right ones (for a single-choice question, the one right option).</summary>
    public static bool IsCorrect(IReadOnlyCollection<int> chosen, IEnumerable<int> correct) => chosen.Count > 0 && chosen.ToHashSet().SetEquals(correct);

    /// <summary>
    /// The order a resident sees a question's options in: shuffled per attempt, yet the same on every reload, in every tab and after
    /// a restart (a stable mix of the attempt and option ids, not <see cref="HashCode"/>, which changes per process).
    /// </summary>
    public static IEnumerable<T> Shuffle<T>(IEnumerable<T> options, long attemptId, Func<T, int> id) =>
        options.OrderBy(option => Mix(((ulong)attemptId << 32) ^ (uint)id(option)));

    private static ulong Mix(ulong value)
    {
        // SplitMix64's finaliser: every input bit moves every output bit.
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
