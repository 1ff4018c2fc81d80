using ActiveCitizen.App.Resources;
using Microsoft.Extensions.Localization;

namespace ActiveCitizen.App.Shared;

/// <summary>An argument of a <see cref="FieldError"/> that is itself a text to translate (a phase's name inside a message).</summary>
public sealed record TextKey(string Key);

public static class FieldErrorText
{
    /// <summary>The error's message in the reader's language, with <see cref="TextKey"/> arguments translated too.</summary>
    public static string Message(this IStringLocalizer<Strings> localizer, FieldError error) =>
        localizer[error.MessageKey, [.. error.Arguments.Select(argument => argument is TextKey key ? localizer[key.Key].Value : argument)]];
}
