namespace ActiveCitizen.App.Infrastructure;

/// <summary>The <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address residents reach the site at, e.g. https://activecitizen.example. Links in e-mails are built on it, never on the
    /// Host header of the request that caused them (which anyone can forge to send a reset link to their own server). Required
    /// when mail really goes out; without it (development) links use the address of the request.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The city's time zone (IANA id): dates are shown in it and admins enter phase times in it.</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";
}
