using MimeKit;

namespace ActiveCitizen.App.Infrastructure.Mail;

/// <summary>Hands a finished message to whatever carries mail in this environment.</summary>
public interface IMailDelivery
{
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
