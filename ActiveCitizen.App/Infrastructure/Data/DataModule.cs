using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Infrastructure.Data;

public static class DataModule
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set. The default is \"Data Source=App_Data/activecitizen.db\".");

        if (!string.Equals(database.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{database.Provider}' is not supported. Supported: {DatabaseOptions.Sqlite}.");
        }
        var sqliteConnectionString = ResolveSqliteFile(connectionString, builder.Environment.ContentRootPath);

        // Components and services create one short-lived context per operation from the factory; Identity's stores take a scoped one.
        builder.Services.AddDbContextFactory<AppDbContext>(options => options
            .UseSqlite(sqliteConnectionString)
            .AddInterceptors(new SqliteConnectionSetup()));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddOptions<DemoDataOptions>().Bind(builder.Configuration.GetSection(DemoDataOptions.Section));
        builder.Services.AddTransient<DatabaseStartup>();
        return builder;
    }

    /// <summary>A relative database file lives under the app's content root (App_Data/ by default), whose folder is created if missing.</summary>
    private static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.Mode is SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:")
        {
            return connectionString;
        }
        var path = Path.GetFullPath(Path.Combine(contentRoot, sqlite.DataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        sqlite.DataSource = path;
        return sqlite.ToString();
    }
}
