using ActiveCitizen.App.Infrastructure.Security;

namespace ActiveCitizen.Tests.Infrastructure.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("admin/users", "/admin/users")]
    [InlineData("/ideas?q=a%3Ab&page=2", "/ideas?q=a%3Ab&page=2")]
    [InlineData("/ideas?q=time:12", "/ideas?q=time:12")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    public void Paths_on_this_site_are_kept(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/path\r\nSet-Cookie: x=1")]
    public void Anything_that_could_leave_the_site_leads_home(string url) => Assert.Equal("/", LocalUrl.OrHome(url));
}
