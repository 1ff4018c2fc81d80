using Microsoft.Extensions.Options;
using MimeKit;

namespace ActiveCitizen.App.Infrastructure.Mail;

/// <summary>Writes each message as an .eml file (openable by any mail program) instead of sending it.</summary>
public sealed class PickupDirectoryDelivery(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<PickupDirectoryDelivery> logger)
    : IMailDelivery
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        // Written aside and renamed into place, so whoever watches the folder never opens half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("Wrote e-mail \"{Subject}\" to {Recipients} as {Path}.", message.Subject, message.To.ToString(), path);
    }
}
