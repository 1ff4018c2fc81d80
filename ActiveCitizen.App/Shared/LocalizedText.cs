using System.Globalization;

namespace ActiveCitizen.App.Shared;

/// <summary>
/// Text the city writes in both languages (a project's title, a category's name). Shown in the reader's language, falling back to
/// the other when one is empty. What residents write (ideas, comments) stays in the language they wrote it in.
/// </summary>
public sealed class LocalizedText
{
    public string En { get; set; } = "";
    public string Ru { get; set; } = "";

    public string For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ru"
        ? (Ru.Length > 0 ? Ru : En)
        : (En.Length > 0 ? En : Ru);

    public override string ToString() => For(CultureInfo.CurrentUICulture);

    public static LocalizedText Of(string en, string ru) => new() { En = en, Ru = ru };
}
