using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>
/// A real SQLite database for service tests, migrated exactly like production. In memory (kept alive by one open connection) unless a
/// test races several writers, which needs a file so that SQLite's locking and busy timeout behave as they do in the app.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection keepAlive;
    private readonly string? file;

    private TestDatabase(string connectionString, string? file)
    {
        this.file = file;
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionSetup())
            .Options;
        Factory = new ContextFactory(options);
        using var db = Factory.CreateDbContext();
        if (file is not null)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
        }
        db.Database.Migrate();
    }

    public static TestDatabase InMemory() => new($"Data Source=test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", file: null);

    public static TestDatabase OnDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"activecitizen-test-{Guid.NewGuid():N}.db");
        return new($"Data Source={path};Pooling=False", path);
    }

    public IDbContextFactory<AppDbContext> Factory { get; }

    public AppDbContext CreateContext() => Factory.CreateDbContext();

    public void Dispose()
    {
        keepAlive.Dispose();
        if (file is not null)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private sealed class ContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
