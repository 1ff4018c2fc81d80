using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ActiveCitizen.App.Infrastructure.Data;

/// <summary>Stores instants as UTC and reads them back marked as UTC, refusing local or unspecified times instead of guessing their zone.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    instant => RequireUtc(instant),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc))
{
    private static DateTime RequireUtc(DateTime instant) => instant.Kind == DateTimeKind.Utc
        ? instant
        : throw new InvalidOperationException($"Instants are stored in UTC; got a {instant.Kind} DateTime. Take the time from TimeProvider.GetUtcNow().UtcDateTime.");
}
