using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>
/// The whole app in the test process, on its own SQLite file and mail folder, migrated and seeded at start-up as in production.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string environment;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly bool ownsDataDirectory;
    private readonly IReadOnlyDictionary<string, string> settings;

    public AppFactory(
        string environment = "Testing",
        bool demoData = true,
        string? dataDirectory = null,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        this.environment = environment;
        this.configureServices = configureServices;
        this.settings = settings ?? new Dictionary<string, string>();
        DemoData = demoData;
        ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("activecitizen-tests-").FullName;
    }

    /// <summary>The database, mail and key files; deleted with the factory unless the test passed its own folder.</summary>
    public string DataDirectory { get; }
    public bool DemoData { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "app.db");
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Mail:Delivery", "Pickup");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(DataDirectory, "keys"));
        builder.UseSetting("DemoData:Enabled", DemoData ? "true" : "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        // Static web assets (MudBlazor's files from its package) are served from the build output only in Development by default.
        builder.UseStaticWebAssets();
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    public IServiceScope CreateScope() => Services.CreateScope();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDataDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection; the OS temp cleaner takes it later.
            }
        }
    }
}

/// <summary>The app with its demo accounts, shared by the tests of one class.</summary>
public sealed class DemoApp : AppFactory
{
    public DemoApp() : base("Testing", demoData: true)
    {
    }
}
