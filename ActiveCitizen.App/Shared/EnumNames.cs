namespace ActiveCitizen.App.Shared;

/// <summary>Enum values that arrive as text from the browser (a form field, a select's change, a cookie).</summary>
public static class EnumNames
{
    /// <summary>
    /// Only one of <typeparamref name="TEnum"/>'s declared names, exactly as declared: Enum.TryParse alone also accepts any number
    /// ("7", an undefined value) and other casings, none of which the page ever sends.
    /// </summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Enum.IsDefined(typeof(TEnum), text) && Enum.TryParse(text, out value);
    }
}
