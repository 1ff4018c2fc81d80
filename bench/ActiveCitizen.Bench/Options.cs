namespace ActiveCitizen.Bench;

/// <summary>"--name value" pairs from the command line, with defaults.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            if (!args[index].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option such as --db, got '{args[index]}'.");
            }
            values[args[index][2..]] = args[index + 1];
        }
        return new Options(values);
    }

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text) : fallback;

    /// <summary>Paths are taken relative to the repository root, so the commands work from anywhere inside it.</summary>
    public string Path(string name, string fallback)
    {
        var value = Text(name, fallback);
        return System.IO.Path.IsPathRooted(value) ? value : System.IO.Path.Combine(RepositoryRoot(), value);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ActiveCitizen.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
