namespace ActiveCitizen.App.Infrastructure.Data;

/// <summary>The <c>DemoData</c> section: whether start-up fills an empty database with the living demo (on in Development).</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool Enabled { get; set; }
}

/// <summary>
/// One feature's share of the demo. Seeders run in <see cref="Order"/> at start-up, only on a database that holds nothing but demo
/// data, and must be idempotent: a second run adds nothing.
/// </summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Tells whether a database holds anything but demo data, in which case no demo seeder may touch it.</summary>
public interface IRealDataDetector
{
    Task<bool> HoldsRealDataAsync(CancellationToken cancellationToken);
}
