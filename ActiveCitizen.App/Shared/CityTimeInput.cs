using System.Globalization;

namespace ActiveCitizen.App.Shared;

/// <summary>The text of a datetime-local field, in the city's time: what editors show and what browsers send back.</summary>
public static class CityTimeInput
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Browsers send datetime-local values with or without seconds, depending on what was picked.</summary>
    private static readonly string[] AcceptedTimeFormats = [TimeFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff"];

    public static string Format(DateTime cityTime) => cityTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? value, out DateTime cityTime) =>
        DateTime.TryParseExact(value, AcceptedTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out cityTime);
}
