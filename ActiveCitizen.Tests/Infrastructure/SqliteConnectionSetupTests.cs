using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Tests.Infrastructure;

public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task Every_connection_the_app_opens_waits_for_a_busy_database_inside_SQLite()
    {
        using var database = TestDatabase.InMemory();

        // Twice: the second open takes the first one's pooled connection back, and must still carry the timeout.
        for (var open = 0; open < 2; open++)
        {
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";

            Assert.Equal(SqliteConnectionSetup.BusyTimeoutMilliseconds, Convert.ToInt32(await command.ExecuteScalarAsync()));
        }
    }
}
