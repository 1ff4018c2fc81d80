using System.Text.RegularExpressions;
using System.Xml.Linq;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Security;

namespace ActiveCitizen.Tests.Infrastructure.Localization;

/// <summary>English and Russian ship complete: every text the code asks for exists in both, with the same placeholders.</summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly Dictionary<string, string> English = Load("Strings.resx");
    private static readonly Dictionary<string, string> Russian = Load("Strings.ru.resx");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(RepositoryFiles.AppDirectory, "Resources", file)).Root!.Elements("data")
            .ToDictionary(data => data.Attribute("name")!.Value, data => data.Element("value")!.Value);

    [Fact]
    public void English_and_Russian_have_the_same_texts_and_none_is_empty()
    {
        Assert.Empty(English.Keys.Except(Russian.Keys));
        Assert.Empty(Russian.Keys.Except(English.Keys));
        Assert.All(English.Concat(Russian), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{text.Key} is empty"));
    }

    [Fact]
    public void Each_translation_keeps_the_placeholders_of_the_English_text()
    {
        Assert.All(English, text => Assert.Equal(Placeholders(text.Value), Placeholders(Russian[text.Key])));
    }

    [Fact]
    public void Russian_texts_are_written_in_Russian()
    {
        var untranslated = Russian.Where(text => !Cyrillic().IsMatch(text.Value)).Select(text => text.Key);

        Assert.Empty(untranslated);
    }

    [Fact]
    public void Every_text_the_code_names_exists()
    {
        var prefixes = English.Keys.Select(key => key[..key.IndexOf('.')]).ToHashSet();
        var sources = Directory.EnumerateFiles(RepositoryFiles.AppDirectory, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".razor") || path.EndsWith(".cs"))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));

        // Documentation comments name types and members in quotes (cref="Idea.SupportChanges"); they are not texts.
        var code = sources.Select(path => string.Join('\n', File.ReadLines(path).Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal))));
        var named = code.SelectMany(text => KeyLiteral().Matches(text).Select(match => match.Groups[1].Value))
            .Where(key => prefixes.Contains(key[..key.IndexOf('.')]))
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        // A literal may also name a family of texts (a mail template), completed in code; the next test checks those families.
        Assert.DoesNotContain(named, key => !English.ContainsKey(key) && !English.Keys.Any(existing => existing.StartsWith(key + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_text_built_from_a_code_exists()
    {
        var built = Roles.Grantable.Select(role => $"Role.{role}")
            .Append("Role.Resident")
            .Concat(Districts.All.Select(Districts.NameKey))
            .Concat(new[] { "Mail.Confirm", "Mail.Reset", "Mail.ResetCode", "Mail.Existing" }
                .SelectMany(template => new[] { "Subject", "Intro", "Action", "Ignore" }.Select(part => $"{template}.{part}")));

        Assert.DoesNotContain(built, key => !English.ContainsKey(key));
    }

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(match => match.Value).Distinct().Order()];

    [GeneratedRegex(@"\{[a-z_0-9]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[А-Яа-яЁё]")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"""([A-Z][A-Za-z]+\.[A-Za-z][A-Za-z0-9.\-]*)""")]
    private static partial Regex KeyLiteral();
}
