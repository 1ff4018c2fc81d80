using ActiveCitizen.App.Infrastructure;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Infrastructure.Mail;

public static class MailModule
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .Validate(options => options.Delivery != MailDelivery.Smtp || !string.IsNullOrWhiteSpace(options.Smtp.Host),
                "Mail:Delivery is Smtp but Mail:Smtp:Host is empty. Name the SMTP server, or set Mail:Delivery to Pickup.")
            .Validate(options => options.Delivery != MailDelivery.Smtp || Enum.TryParse<SecureSocketOptions>(options.Smtp.Security, true, out _),
                "Mail:Smtp:Security must be one of None, Auto, SslOnConnect, StartTls.")
            .ValidateOnStart();
        builder.Services.AddOptions<SiteOptions>()
            .Validate<IOptions<MailOptions>>((site, mail) => mail.Value.Delivery != MailDelivery.Smtp || site.PublicUrl is { IsAbsoluteUri: true },
                "Mail:Delivery is Smtp but Site:PublicUrl is not set. Name the address residents reach the site at (https://…): links in e-mails are built on it.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<IMailOutbox>(services => services.GetRequiredService<MailOutbox>());
        builder.Services.AddHostedService<MailOutboxWorker>();
        builder.Services.AddSingleton<IMailDelivery>(services =>
            services.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDelivery.Pickup
                ? ActivatorUtilities.CreateInstance<PickupDirectoryDelivery>(services)
                : ActivatorUtilities.CreateInstance<SmtpDelivery>(services));
        return builder;
    }
}
