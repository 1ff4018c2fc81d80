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
        builder.Services.AddSingleton<IMailDelivery>(services =>
            services.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDelivery.Pickup
                ? ActivatorUtilities.CreateInstance<PickupDirectoryDelivery>(services)
                : ActivatorUtilities.CreateInstance<SmtpDelivery>(services));
        return builder;
    }
}
