using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class UserMenuTests : ComponentTestContext
{
    [Fact]
    public void A_visitor_is_offered_sign_in_and_registration_and_a_resident_their_menu_until_their_sign_in_ends()
    {
        var menu = Render<UserMenu>();

        Assert.Equal(["Sign in", "Register"], menu.FindAll(".mud-button-label").Select(label => label.TextContent.Trim()));
        Assert.Empty(menu.FindAll(".user-menu"));

        SignInAs([]);
        menu.WaitForAssertion(() => Assert.Contains("Anna", menu.Find(".user-menu").TextContent));
        Assert.DoesNotContain("Register", menu.Markup);

        // The account was closed elsewhere: the cascade announces a visitor, and the menu follows without a reload.
        SignInAs(null);
        menu.WaitForAssertion(() => Assert.Equal(["Sign in", "Register"], menu.FindAll(".mud-button-label").Select(label => label.TextContent.Trim())));
    }
}
