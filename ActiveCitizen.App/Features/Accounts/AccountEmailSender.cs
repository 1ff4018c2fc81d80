using System.Net;
using ActiveCitizen.App.Infrastructure.Mail;
using ActiveCitizen.App.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>The account e-mails (confirm address, reset password, "you already have an account"), in the reader's language.</summary>
public sealed class AccountEmailSender(
    IMailOutbox outbox,
    IOptions<MailOptions> options,
    IStringLocalizer<Strings> localizer,
    IHostEnvironment environment,
    ILogger<AccountEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        LogLinkInDevelopment("Confirmation", email, confirmationLink);
        return SendAsync(user, email, "Mail.Confirm", confirmationLink);
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        LogLinkInDevelopment("Password reset", email, resetLink);
        return SendAsync(user, email, "Mail.Reset", resetLink);
    }

    /// <summary>Identity's code-based reset flow is not used; the link flow above is. Sent as a link-less message for completeness of the contract.</summary>
    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(user, email, "Mail.ResetCode", link: null, resetCode);

    /// <summary>
    /// Someone tried to register with an address that already has an account. The page says "check your inbox" either way, so it never
    /// reveals which addresses are registered; the owner learns what happened and where to reset the password.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink) =>
        SendAsync(user, email, "Mail.Existing", signInLink, resetLink);

    private async Task SendAsync(ApplicationUser user, string email, string template, string? link, params string[] extra)
    {
        var greeting = localizer["Mail.Greeting", string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName];
        var subject = localizer[$"{template}.Subject"];
        var intro = localizer[$"{template}.Intro", [.. extra]];
        var action = localizer[$"{template}.Action"];
        var ignore = localizer[$"{template}.Ignore"];
        var signature = localizer["Mail.Signature"];

        var text = link is null
            ? $"{greeting}\n\n{intro}\n\n{ignore}\n\n{signature}\n"
            : $"{greeting}\n\n{intro}\n\n{action}: {link}\n\n{ignore}\n\n{signature}\n";
        var html = $"""
            <p>{Encode(greeting)}</p>
            <p>{Encode(intro)}</p>
            {(link is null ? "" : $"<p><a href=\"{Encode(link)}\">{Encode(action)}</a></p>")}
            <p style="color:#666">{Encode(ignore)}</p>
            <p>{Encode(signature)}</p>
            """;

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(new MailboxAddress(user.DisplayName, email));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        await outbox.EnqueueAsync(message);
    }

    /// <summary>Links carry one-time tokens: they reach the log only on a developer's machine, where the .eml files are too.</summary>
    private void LogLinkInDevelopment(string purpose, string email, string link)
    {
        if (environment.IsDevelopment())
        {
            logger.LogInformation("{Purpose} link for {Email}: {Link}", purpose, email, link);
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
