using System.ComponentModel.DataAnnotations;

namespace ActiveCitizen.App.Infrastructure.Mail;

public enum MailDelivery
{
    /// <summary>Each message is written as an .eml file into <see cref="MailOptions.PickupDirectory"/>; for development and tests.</summary>
    Pickup,
    Smtp,
}

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Smtp;

    /// <summary>Relative paths are under the app's content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    [Required]
    public string FromAddress { get; set; } = "no-reply@activecitizen.example";

    public string FromName { get; set; } = "ActiveCitizen";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect or StartTls, as MailKit names them.</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }
    public string? Password { get; set; }
}
