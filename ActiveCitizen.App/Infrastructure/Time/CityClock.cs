using System.Globalization;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Infrastructure.Time;

/// <summary>
/// The city's wall clock. Instants are stored and compared in UTC; residents and admins read and enter them in the city's time
/// zone (<c>Site:TimeZone</c>), whatever zone the server or the browser is in.
/// </summary>
public sealed class CityClock
{
    private readonly TimeProvider time;

    public CityClock(IOptions<SiteOptions> site, TimeProvider time)
    {
        this.time = time;
        var zoneId = site.Value.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw new InvalidOperationException(
                $"The time zone '{zoneId}' (Site:TimeZone) is not known on this machine. Install the time zone data (Debian: apt-get install tzdata) or name another zone.");
        }
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToCity(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in the city (as an admin types it) to the instant it names.</summary>
    public DateTime ToUtc(DateTime cityTime) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(cityTime, DateTimeKind.Unspecified), Zone);

    /// <summary>An instant in the reader's language and the city's time, e.g. "1 December 2026 18:00".</summary>
    public string Format(DateTime utc, string format = "f") => ToCity(utc).ToString(format, CultureInfo.CurrentCulture);
}
