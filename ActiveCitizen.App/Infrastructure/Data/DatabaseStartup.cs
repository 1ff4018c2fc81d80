using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Infrastructure.Data;

/// <summary>Brings the database to the current schema at start-up and, where enabled, fills it with the demo.</summary>
public sealed class DatabaseStartup(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<DemoDataOptions> demoOptions,
    IEnumerable<IRealDataDetector> realDataDetectors,
    IEnumerable<IDemoDataSeeder> seeders,
    IHostEnvironment environment,
    ILogger<DatabaseStartup> logger)
{
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        if (demoOptions.Value.Enabled && environment.IsProduction())
        {
            // The demo accounts' password is published in the README; they must never exist where real residents are.
            throw new InvalidOperationException("DemoData:Enabled is true in Production. Demo accounts have a published password; turn the setting off.");
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.GetDbConnection() is SqliteConnection)
            {
                // Remembered in the file: readers never wait for a writer, and a crash cannot tear a committed transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!demoOptions.Value.Enabled)
        {
            return;
        }
        foreach (var detector in realDataDetectors)
        {
            if (await detector.HoldsRealDataAsync(cancellationToken))
            {
                logger.LogWarning("Demo data is enabled but the database holds real data; the demo is not seeded.");
                return;
            }
        }
        foreach (var seeder in seeders.OrderBy(seeder => seeder.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }
}
