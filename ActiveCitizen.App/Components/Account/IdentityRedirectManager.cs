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

    public void RedirectTo(string? uri)
    {
        uri ??= "";
        // Never send the user to another site, whatever a crafted ReturnUrl says.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = navigationManager.ToBaseRelativePath(uri);
        }
        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters));
    }

    /// <summary>Redirects and shows <paramref name="messageKey"/> (a localizer key) once on the next page.</summary>
    public void RedirectToWithStatus(string uri, string messageKey, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, messageKey, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }
}
