using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>
/// The light/dark choice travels in a cookie so that the first paint of any page (static or interactive) is already in the right theme.
/// Signed-in residents also have it stored on their account, which sets the cookie again at every sign-in on a new device.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "ac.theme";

    public static ThemePreference Read(HttpContext? context) =>
        EnumNames.TryParse<ThemePreference>(context?.Request.Cookies[Name], out var theme) ? theme : ThemePreference.System;

    public static void Write(HttpContext context, ThemePreference theme) =>
        context.Response.Cookies.Append(Name, theme.ToString(), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            HttpOnly = false,
        });
}
