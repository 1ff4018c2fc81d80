using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ActiveCitizen.App.Infrastructure.Data;

/// <summary>
/// Gives every SQLite connection a busy timeout, so that two writers queue for the file lock inside SQLite (which retries in
/// milliseconds) instead of Microsoft.Data.Sqlite's own retry, which sleeps the thread 150 ms a time. Write-ahead logging is switched
/// on once at start-up.
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
        // The C call rather than a PRAGMA statement: it runs at every open of a pooled connection, and a statement would be
        // prepared and stepped each time.
        SqliteException.ThrowExceptionForRC(raw.sqlite3_busy_timeout(sqlite.Handle, BusyTimeoutMilliseconds), sqlite.Handle);
    }
}
