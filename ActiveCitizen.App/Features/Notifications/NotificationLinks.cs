using Microsoft.AspNetCore.Components;

namespace ActiveCitizen.App.Features.Notifications;

public static class NotificationLinks
{
    /// <summary>
    /// Opens a notification's page. Most lead to an idea page, which is outside the interactive router (IdeaPage): from another page
    /// it is loaded afresh, since the router would answer a navigation from code to it with "not found". On that page already, only
    /// the comment in the address changes, and the page follows it itself (the discussion shows and scrolls to it), as a reload of
    /// the same address would not.
    /// </summary>
    public static void Open(NavigationManager navigation, string url)
    {
        var samePage = Uri.Compare(navigation.ToAbsoluteUri(url), new Uri(navigation.Uri),
            UriComponents.SchemeAndServer | UriComponents.Path | UriComponents.Query, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
        navigation.NavigateTo(url, forceLoad: !samePage);
    }
}
