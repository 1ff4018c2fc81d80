using System.Globalization;
using System.Xml.Linq;
using ActiveCitizen.App.Infrastructure.Localization;
using ActiveCitizen.App.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ActiveCitizen.Tests.Infrastructure.Localization;

/// <summary>The cached localizer the app uses shows readers exactly the resource texts, in each reader's own language.</summary>
public sealed class CachedStringLocalizerTests
{
    private static readonly string[] Names =
        [.. XDocument.Load(Path.Combine(RepositoryFiles.AppDirectory, "Resources", "Strings.resx")).Root!.Elements("data").Select(data => data.Attribute("name")!.Value)];

    private readonly IStringLocalizer<Strings> cached =
        new ServiceCollection().AddLogging().AddCachedLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();

    private readonly IStringLocalizer<Strings> resources =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void Every_text_reads_as_in_the_resources_the_first_time_and_after(string culture)
    {
        using var _ = new CultureScope(culture);

        foreach (var name in Names)
        {
            Assert.Equal(resources[name].Value, cached[name].Value);
            Assert.Equal(resources[name].Value, cached[name].Value);
        }
    }

    [Fact]
    public void Readers_in_different_languages_each_get_their_own()
    {
        using (new CultureScope("ru"))
        {
            Assert.Equal("Комментариев: 3", cached["Discussion.Count", 3]);
        }
        using (new CultureScope("en"))
        {
            Assert.Equal(resources["Discussion.Count", 3].Value, cached["Discussion.Count", 3].Value);
            Assert.NotEqual("Комментариев: 3", cached["Discussion.Count", 3].Value);
        }
    }

    [Fact]
    public void Numbers_in_a_text_are_written_the_reader_s_way()
    {
        using var _ = new CultureScope("ru");

        Assert.Equal(resources["Discussion.Count", 1234.5m].Value, cached["Discussion.Count", 1234.5m].Value);
        Assert.Contains("1234,5", cached["Discussion.Count", 1234.5m].Value);
    }

    [Fact]
    public void A_missing_text_shows_its_name_and_says_it_is_missing()
    {
        using var _ = new CultureScope("en");

        var missing = cached["No.Such.Text"];

        Assert.Equal("No.Such.Text", missing.Value);
        Assert.True(missing.ResourceNotFound);
    }

    [Fact]
    public void Names_that_are_not_texts_are_not_kept_however_many_are_asked_for()
    {
        using var _ = new CultureScope("en");
        var counting = new CountingLocalizer(resources);
        var localizer = new CachedStringLocalizer(counting);

        // A status message's name comes from a cookie anyone can set: misses go to the resources every time instead of piling up.
        localizer["No.Such.Text"].ToString();
        localizer["No.Such.Text"].ToString();
        localizer["Discussion.Title"].ToString();
        localizer["Discussion.Title"].ToString();

        Assert.Equal(2, counting.Lookups["No.Such.Text"]);
        Assert.Equal(1, counting.Lookups["Discussion.Title"]);
    }

    private sealed class CountingLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public Dictionary<string, int> Lookups { get; } = [];

        public LocalizedString this[string name]
        {
            get
            {
                Lookups[name] = Lookups.GetValueOrDefault(name) + 1;
                return inner[name];
            }
        }

        public LocalizedString this[string name, params object[] arguments] => inner[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
