using ActiveCitizen.App.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>Absolute links for account e-mails (confirm, reset, sign in), on the configured public address of the site.</summary>
public sealed class AccountLinks(NavigationManager navigation, IOptions<SiteOptions> site)
{
    public string To(string path, Dictionary<string, object?>? query = null)
    {
        var configured = site.Value.PublicUrl?.AbsoluteUri;
        // A base without a trailing slash would lose its last segment (https://city.example/portal + Account/… → /Account/…).
        var baseUri = new Uri(configured is null ? navigation.BaseUri : configured.TrimEnd('/') + "/");
        var absolute = new Uri(baseUri, path.TrimStart('/')).AbsoluteUri;
        return query is null ? absolute : navigation.GetUriWithQueryParameters(absolute, query);
    }
}
