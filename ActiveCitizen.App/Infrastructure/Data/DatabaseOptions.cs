namespace ActiveCitizen.App.Infrastructure.Data;

/// <summary>The <c>Database</c> configuration section: which provider holds the data.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";

    /// <summary>Only SQLite ships today; PostgreSQL plugs in here (and nowhere in the features) when one machine is not enough.</summary>
    public string Provider { get; set; } = Sqlite;
}
