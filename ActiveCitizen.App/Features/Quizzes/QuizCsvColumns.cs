using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>
/// The columns of a question import: kind (single or multiple), the question and its explanation in both languages, an optional
/// picture path, the right options' numbers (e.g. "2" or "1;3"), and up to six options, each in both languages.
/// </summary>
public static class QuizCsvColumns
{
    public const string Kind = "kind";
    public const string QuestionEn = "question_en";
    public const string QuestionRu = "question_ru";
    public const string ExplanationEn = "explanation_en";
    public const string ExplanationRu = "explanation_ru";
    public const string Image = "image";
    public const string Correct = "correct";

    public static readonly IReadOnlyList<string> Required =
        [Kind, QuestionEn, QuestionRu, ExplanationEn, ExplanationRu, Correct, OptionEn(1), OptionRu(1), OptionEn(2), OptionRu(2)];

    /// <summary>The header of a complete import file, as the admin page offers it for download.</summary>
    public static string Header => string.Join(',',
        new[] { Kind, QuestionEn, QuestionRu, ExplanationEn, ExplanationRu, Image, Correct }
            .Concat(Enumerable.Range(1, QuizLimits.MaxOptions).SelectMany(number => new[] { OptionEn(number), OptionRu(number) })));

    public static string OptionEn(int number) => $"option{number}_en";

    public static string OptionRu(int number) => $"option{number}_ru";

    /// <summary>The draft a row describes, or the reasons it cannot describe one (the kind or the right options are unreadable).</summary>
    public static (QuestionDraft? Draft, List<FieldError> Errors) Read(List<string> header, IReadOnlyList<string> fields)
    {
        string Value(string column) => header.IndexOf(column) is var index and >= 0 && index < fields.Count ? fields[index].Trim() : "";
        var errors = new List<FieldError>();
        QuestionKind? kind = Value(Kind).ToLowerInvariant() switch
        {
            "single" => QuestionKind.SingleChoice,
            "multiple" => QuestionKind.MultipleChoice,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new(QuizAuthoringService.KindField, "Validation.QuizCsvKind"));
        }
        var options = new List<(LocalizedText Text, int Number)>();
        for (var number = 1; number <= QuizLimits.MaxOptions; number++)
        {
            var en = Value(OptionEn(number));
            var ru = Value(OptionRu(number));
            if (en.Length > 0 || ru.Length > 0)
            {
                options.Add((LocalizedText.Of(en, ru), number));
            }
        }
        var correct = new HashSet<int>();
        foreach (var part in Value(Correct).Split([';', ' ', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var number) || options.All(option => option.Number != number))
            {
                errors.Add(new(QuizAuthoringService.OptionsField, "Validation.QuizCsvCorrect", part));
                continue;
            }
            correct.Add(number);
        }
        if (errors.Count > 0 || kind is null)
        {
            return (null, errors);
        }
        var image = Value(Image);
        return (new QuestionDraft(kind.Value, LocalizedText.Of(Value(QuestionEn), Value(QuestionRu)), LocalizedText.Of(Value(ExplanationEn), Value(ExplanationRu)),
            image.Length == 0 ? null : image, [.. options.Select(option => new OptionDraft(option.Text, correct.Contains(option.Number)))]), errors);
    }
}
