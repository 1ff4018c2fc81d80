namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// Whether the reader put the navigation drawer away on a wide screen. It travels in a cookie, written by shell.js, so that pages
/// loaded afresh (the idea page is one, outside the interactive router) keep the reader's choice from their first paint.
/// </summary>
public static class DrawerPreference
{
    public const string CookieName = "ac.nav";

    public const string Closed = "closed";

    public static bool WideClosed(HttpContext? context) => context?.Request.Cookies[CookieName] == Closed;
}
