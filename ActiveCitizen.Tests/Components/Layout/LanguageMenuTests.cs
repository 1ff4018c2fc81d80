using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class LanguageMenuTests : ComponentTestContext
{
    [Fact]
    public async Task Choosing_Russian_reloads_the_current_page_through_the_culture_switch()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/account?tab=profile");
        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<LanguageMenu>(1);
            builder.CloseComponent();
        });
        Assert.Equal("EN", page.Find("button").TextContent.Trim());

        await page.InvokeAsync(() => page.Find("button").Click());
        page.WaitForElements(".mud-menu-item");
        await page.InvokeAsync(() => page.FindAll(".mud-menu-item").Single(item => item.TextContent.Contains("Русский")).Click());

        page.WaitForAssertion(() => Assert.Equal("http://localhost/culture/set?culture=ru&redirectUri=%2Faccount%3Ftab%3Dprofile", navigation.Uri));
    }

    [Fact]
    public void In_Russian_the_switch_shows_the_current_language_as_RU()
    {
        UseCulture("ru");

        var menu = Render<LanguageMenu>();

        Assert.Equal("RU", menu.Find("button").TextContent.Trim());
        Assert.Equal("Язык", menu.Find("button").GetAttribute("aria-label"));
    }
}
