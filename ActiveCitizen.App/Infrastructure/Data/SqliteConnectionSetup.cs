using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActiveCitizen.App.Infrastructure.Data;

/// <summary>
/// Gives every SQLite connection a busy timeout, so that two writers queue for the file lock inside SQLite (which retries in
/// milliseconds) instead of failing at once with "database is locked". Write-ahead logging is switched on once at start-up.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }
}
