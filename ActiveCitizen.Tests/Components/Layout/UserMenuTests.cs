using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class UserMenuTests : ComponentTestContext
{
    [Fact]
    public void A_visitor_is_offered_sign_in_and_registration_and_a_resident_their_menu_until_their_sign_in_ends()
    {
        var menu = Render<UserMenu>(parameters => parameters.Add(menu => menu.Here, "/ideas/7?sort=new"));

        Assert.Equal(["Sign in", "Register"], menu.FindAll(".mud-button-label").Select(label => label.TextContent.Trim()));
        Assert.Equal("Account/Login?ReturnUrl=%2Fideas%2F7%3Fsort%3Dnew", menu.Find("a").GetAttribute("href"));
        Assert.Empty(menu.FindAll(".user-menu"));

        SignInAs([]);
        menu.WaitForAssertion(() => Assert.Contains("Anna", menu.Find(".user-menu__toggle").TextContent));
        Assert.Equal(["Personal account", "Sign out"], menu.FindAll(".user-menu .mud-menu-item-text").Select(item => item.TextContent.Trim()));
        // Signing out comes back to the page it was asked from.
        Assert.Equal("/ideas/7?sort=new", menu.Find("form[action='Account/Logout'] input[name=ReturnUrl]").GetAttribute("value"));
        Assert.DoesNotContain("Register", menu.Markup);

        // The account was closed elsewhere: the cascade announces a visitor, and the menu follows without a reload.
        SignInAs(null);
        menu.WaitForAssertion(() => Assert.Equal(["Sign in", "Register"], menu.FindAll(".mud-button-label").Select(label => label.TextContent.Trim())));
    }
}
