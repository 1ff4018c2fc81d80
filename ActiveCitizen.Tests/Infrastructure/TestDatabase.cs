using ActiveCitizen.App.Infrastructure.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
            .AddInterceptors(new SqliteConnectionSetup(), new AnswerLater(this))
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

    /// <summary>
    /// While set, every query waits for this task before it answers, as a database across a network (PostgreSQL) does, where SQLite
    /// answers at once: whatever a component renders while its read is under way then shows, and a test can act mid-read.
    /// <see cref="ReadWaiting"/> completes once a query waits.
    /// </summary>
    public Task? ReadsWaitFor { get; set; }

    public TaskCompletionSource ReadWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    private sealed class AnswerLater(TestDatabase database) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (database.ReadsWaitFor is { } answer)
            {
                database.ReadWaiting.TrySetResult();
                await answer;
            }
            return result;
        }
    }

    private sealed class ContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
