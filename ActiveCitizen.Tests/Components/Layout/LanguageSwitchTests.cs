using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class LanguageSwitchTests : ComponentTestContext
{
    private IRenderedComponent<LanguageSwitch> RenderAt(string here) => Render<LanguageSwitch>(parameters => parameters.Add(menu => menu.Here, here));

    [Fact]
    public void Russian_is_a_link_through_the_culture_switch_back_to_the_current_page()
    {
        var menu = RenderAt("/account?tab=profile");

        Assert.Equal("culture/set?culture=ru&redirectUri=%2Faccount%3Ftab%3Dprofile", menu.Find("a[lang=ru]").GetAttribute("href"));
    }

    [Fact]
    public void The_current_language_is_marked_and_leads_nowhere_new()
    {
        var menu = RenderAt("/ideas");

        Assert.Equal("true", menu.Find("a[lang=en]").GetAttribute("aria-current"));
        Assert.Null(menu.Find("a[lang=ru]").GetAttribute("aria-current"));
        Assert.Equal("/ideas", menu.Find("a[lang=en]").GetAttribute("href"));
    }

    [Fact]
    public void The_links_follow_the_reader_to_another_page()
    {
        var menu = RenderAt("/ideas");

        menu.Render(parameters => parameters.Add(switcher => switcher.Here, "/projects/parks?tab=ideas"));

        Assert.Equal("culture/set?culture=ru&redirectUri=%2Fprojects%2Fparks%3Ftab%3Dideas", menu.Find("a[lang=ru]").GetAttribute("href"));
    }

    [Fact]
    public void In_Russian_the_switch_marks_RU_and_names_each_language_in_itself()
    {
        UseCulture("ru");

        var menu = RenderAt("/");

        Assert.Equal("Язык", menu.Find("nav").GetAttribute("aria-label"));
        Assert.Equal("true", menu.Find("a[lang=ru]").GetAttribute("aria-current"));
        Assert.Equal(["EN", "RU"], menu.FindAll("a").Select(link => link.TextContent.Trim()));
        Assert.Equal(["EN, English", "RU, Русский"], menu.FindAll("a").Select(link => link.GetAttribute("aria-label")));
    }
}
