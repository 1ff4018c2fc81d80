using System.Diagnostics;
using MimeKit;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>Reads the .eml files the app's outbox delivers to its pickup folder; delivery happens in the background, so it waits.</summary>
public static class MailFolder
{
    public static List<MimeMessage> To(string directory, string recipient) => !Directory.Exists(directory)
        ? []
        : [.. Directory.GetFiles(directory, "*.eml").Select(path => MimeMessage.Load(path)).Where(message => message.To.Mailboxes.Any(to => to.Address == recipient))];

    public static async Task<MimeMessage> WaitForAsync(string directory, string recipient, string subject)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (To(directory, recipient).FirstOrDefault(message => message.Subject == subject) is { } message)
            {
                return message;
            }
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"No \"{subject}\" e-mail to {recipient} arrived.");
            await Task.Delay(50);
        }
    }
}
