using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Components.Layout;

public sealed class NavMenuTests : ComponentTestContext
{
    /// <summary>
    /// The real entries of the features composed so far, plus one entry per policy no composed feature uses yet (as the Commission
    /// feature will add it), so that every role's view is checked against the real policies.
    /// </summary>
    private static readonly NavigationEntry[] Catalog =
    [
        .. ProjectsModule.Navigation,
        .. IdeasModule.Navigation,
        .. AccountsModule.Navigation,
        .. ModerationModule.Navigation,
        new("Nav.Home", "/commission", "", Policies.Commission, 700),
    ];

    public NavMenuTests()
    {
        foreach (var entry in Catalog)
        {
            Services.AddNavigationEntry(entry);
        }
    }

    private string[] VisibleLinks()
    {
        var menu = Render<NavMenu>();
        return [.. menu.FindAll("a.mud-nav-link").Select(link => link.GetAttribute("href")!)];
    }

    public static TheoryData<string[]?, string[]> RolesAndTheirEntries => new()
    {
        { null, ["/", "/projects", "/ideas"] },
        { [], ["/", "/projects", "/ideas"] },
        { [Roles.Moderator], ["/", "/projects", "/ideas", "/moderation"] },
        { [Roles.Expert], ["/", "/projects", "/ideas", "/screening"] },
        { [Roles.CommissionMember], ["/", "/projects", "/ideas", "/commission"] },
        { [Roles.Admin], ["/", "/projects", "/ideas", "/admin/users", "/admin/projects"] },
        { [Roles.Moderator, Roles.Expert], ["/", "/projects", "/ideas", "/moderation", "/screening"] },
    };

    [Theory]
    [MemberData(nameof(RolesAndTheirEntries))]
    public void Each_role_sees_exactly_its_entries(string[]? roles, string[] expected)
    {
        SignInAs(roles);

        Assert.Equal(expected, VisibleLinks());
    }

    [Fact]
    public void Entries_follow_a_role_change_in_an_open_page()
    {
        SignInAs(Roles.Admin);
        var menu = Render<NavMenu>();
        Assert.Contains("/admin/users", menu.FindAll("a.mud-nav-link").Select(link => link.GetAttribute("href")));

        SignInAs([]);

        menu.WaitForAssertion(() => Assert.DoesNotContain("/admin/users", menu.FindAll("a.mud-nav-link").Select(link => link.GetAttribute("href"))));
    }

    [Fact]
    public void In_Russian_the_navigation_speaks_Russian()
    {
        UseCulture("ru");
        SignInAs(Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Equal(["Главная", "Проекты", "Идеи", "Администрирование", "Управление проектами"],
            menu.FindAll("a.mud-nav-link").Select(link => link.TextContent.Trim()));
        Assert.Equal("Основная навигация", menu.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_link_to_the_current_section_is_marked_and_follows_the_layout_to_another_page()
    {
        var menu = Render<NavMenu>(parameters => parameters.Add(menu => menu.Here, "/ideas/7?sort=new"));

        Assert.Equal(["/ideas"], CurrentLinks(menu));

        menu.Render(parameters => parameters.Add(menu => menu.Here, "/"));
        Assert.Equal(["/"], CurrentLinks(menu));

        menu.Render(parameters => parameters.Add(menu => menu.Here, "/projects/"));
        Assert.Equal(["/projects"], CurrentLinks(menu));
    }

    private static string[] CurrentLinks(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a.mud-nav-link[aria-current=page]").Where(link => link.ClassList.Contains("active")).Select(link => link.GetAttribute("href")!)];
}
