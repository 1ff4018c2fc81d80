namespace ActiveCitizen.App.Shared;

/// <summary>The rule for texts the city writes (titles, questions, rewards): both languages, each within its length.</summary>
public static class BilingualText
{
    public static void RequireBoth(List<FieldError> errors, string field, LocalizedText text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text.En) || string.IsNullOrWhiteSpace(text.Ru))
        {
            errors.Add(new(field, "Validation.BothLanguagesRequired"));
        }
        else if (text.En.Trim().Length > maxLength || text.Ru.Trim().Length > maxLength)
        {
            errors.Add(new(field, "Validation.TooLong", maxLength));
        }
    }

    public static LocalizedText Trimmed(LocalizedText text) => LocalizedText.Of(text.En.Trim(), text.Ru.Trim());
}
