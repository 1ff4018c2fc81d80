using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class LanguageSwitchTests : ComponentTestContext
{
    [Fact]
    public void Choosing_Russian_reloads_the_current_page_through_the_culture_switch()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/account?tab=profile");
        var menu = Render<LanguageSwitch>();

        menu.Find("button[lang=ru]").Click();

        Assert.Equal("http://localhost/culture/set?culture=ru&redirectUri=%2Faccount%3Ftab%3Dprofile", navigation.Uri);
    }

    [Fact]
    public void The_current_language_is_marked_and_choosing_it_again_changes_nothing()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/ideas");
        var menu = Render<LanguageSwitch>();

        Assert.Equal("true", menu.Find("button[lang=en]").GetAttribute("aria-pressed"));
        Assert.Equal("false", menu.Find("button[lang=ru]").GetAttribute("aria-pressed"));
        menu.Find("button[lang=en]").Click();

        Assert.Equal("http://localhost/ideas", navigation.Uri);
    }

    [Fact]
    public void In_Russian_the_switch_marks_RU_and_names_each_language_in_itself()
    {
        UseCulture("ru");

        var menu = Render<LanguageSwitch>();

        Assert.Equal("Язык", menu.Find("[role=group]").GetAttribute("aria-label"));
        Assert.Equal("true", menu.Find("button[lang=ru]").GetAttribute("aria-pressed"));
        Assert.Equal(["EN", "RU"], menu.FindAll("button").Select(button => button.TextContent.Trim()));
        Assert.Equal(["EN, English", "RU, Русский"], menu.FindAll("button").Select(button => button.GetAttribute("aria-label")));
    }
}
