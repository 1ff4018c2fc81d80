namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>Finds files of the repository the tests were built from, for tests that check the sources themselves.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string AppDirectory => Path.Combine(Root, "ActiveCitizen.App");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActiveCitizen.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The tests must run from inside the repository (ActiveCitizen.sln not found above the test binaries).");
    }
}
