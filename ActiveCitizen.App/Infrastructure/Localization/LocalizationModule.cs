using System.Globalization;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;

namespace ActiveCitizen.App.Infrastructure.Localization;

/// <summary>
/// English and Russian. The culture comes from the reader's choice (the culture cookie), else the browser's languages, else English.
/// </summary>
public static class LocalizationModule
{
    public const string DefaultCulture = "en";

    /// <summary>Each language named in itself, so a reader who cannot read the current one still finds theirs.</summary>
    public static readonly IReadOnlyList<(string Culture, string Name)> Languages = [("en", "English"), ("ru", "Русский")];

    public static readonly IReadOnlyList<string> SupportedCultures = [.. Languages.Select(language => language.Culture)];

    public static bool IsCurrent(string culture) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == culture;

    /// <summary>The culture switch's link (<see cref="MapCultureSwitch"/>): it remembers the language, then goes back to <paramref name="returnPath"/>.</summary>
    public static string SwitchLink(string culture, string returnPath) =>
        $"culture/set?culture={culture}&redirectUri={Uri.EscapeDataString(returnPath)}";

    public static IHostApplicationBuilder AddLocalizationSupport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCachedLocalization();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, ResourceMudLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        // A plain GET link, so the switch works on static pages (sign-in) as well as in interactive ones; the page reloads in the new language.
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? redirectUri) =>
        {
            if (culture is not null && SupportedCultures.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            }
            return Results.Redirect(LocalUrl.OrHome(redirectUri));
        });
        return endpoints;
    }
}
