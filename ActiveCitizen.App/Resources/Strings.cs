namespace ActiveCitizen.App.Resources;

/// <summary>The one resource set for all UI text: Strings.resx (English) and Strings.ru.resx (Russian).</summary>
public sealed class Strings;
