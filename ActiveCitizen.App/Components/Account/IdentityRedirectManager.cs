using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components;

namespace ActiveCitizen.App.Components.Account;

/// <summary>Redirects from static account pages, only ever within this site, optionally carrying a one-time status message.</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "ac.status";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>Redirects within this site; a crafted ReturnUrl pointing anywhere else leads home instead.</summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalUrl.OrHome(uri));

    public void RedirectTo(string path, Dictionary<string, object?> queryParameters) =>
        navigationManager.NavigateTo(navigationManager.GetUriWithQueryParameters(LocalUrl.OrHome(path), queryParameters));

    public const string ErrorPrefix = "error:";

    /// <summary>Redirects and shows <paramref name="messageKey"/> (a localizer key) once on the next page, as news or as a problem.</summary>
    public void RedirectToWithStatus(string uri, string messageKey, HttpContext context, bool isError = false)
    {
        context.Response.Cookies.Append(StatusCookieName, isError ? ErrorPrefix + messageKey : messageKey, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }
}
