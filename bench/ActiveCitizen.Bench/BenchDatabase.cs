using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench;

/// <summary>Contexts on a benchmark database, configured as the app configures its own.</summary>
public static class BenchDatabase
{
    public static DbContextOptions<AppDbContext> Options(string path) => new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite($"Data Source={path}")
        .AddInterceptors(new SqliteConnectionSetup())
        .Options;

    public static AppDbContext Context(string path) => new(Options(path));

    public static IDbContextFactory<AppDbContext> Factory(string path) => new ContextFactory(Options(path));

    private sealed class ContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
