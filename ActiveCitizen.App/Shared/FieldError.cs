namespace ActiveCitizen.App.Shared;

/// <summary>
/// One reason an input was refused, for the field it belongs to. Services stay culture-neutral: they return the localizer key and its
/// arguments, and the screen shows the message in the reader's language.
/// </summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments);
