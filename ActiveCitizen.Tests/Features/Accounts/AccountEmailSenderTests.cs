using System.Globalization;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Mail;
using ActiveCitizen.App.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ActiveCitizen.Tests.Features.Accounts;

public sealed class AccountEmailSenderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("activecitizen-mail-").FullName;
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();

    private AccountEmailSender Sender()
    {
        var options = Options.Create(new MailOptions { Delivery = MailDelivery.Pickup, PickupDirectory = "mail" });
        var environment = new FixedContentRoot(root);
        var delivery = new PickupDirectoryDelivery(options, environment, new FakeTimeProvider(), NullLogger<PickupDirectoryDelivery>.Instance);
        return new AccountEmailSender(delivery, options, services.GetRequiredService<IStringLocalizer<Strings>>(), NullLogger<AccountEmailSender>.Instance);
    }

    private MimeMessage OnlyMessage() => MimeMessage.Load(Assert.Single(Directory.GetFiles(Path.Combine(root, "mail"), "*.eml")));

    [Fact]
    public async Task The_confirmation_link_is_written_as_an_eml_file_addressed_to_the_resident()
    {
        var user = new ApplicationUser { DisplayName = "Anna Petrova" };

        await Sender().SendConfirmationLinkAsync(user, "anna@example.org", "https://city.example/Account/ConfirmEmail?userId=1&code=abc");

        var message = OnlyMessage();
        Assert.Equal("anna@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("Confirm your e-mail address", message.Subject);
        Assert.Contains("https://city.example/Account/ConfirmEmail?userId=1&code=abc", message.TextBody);
        Assert.Contains("href=\"https://city.example/Account/ConfirmEmail?userId=1&amp;code=abc\"", message.HtmlBody);
        Assert.Contains("Hello, Anna Petrova!", message.TextBody);
    }

    [Fact]
    public async Task A_resident_reading_Russian_gets_the_message_in_Russian()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        try
        {
            await Sender().SendPasswordResetLinkAsync(new ApplicationUser { DisplayName = "Анна" }, "anna@example.org", "https://city.example/reset");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var message = OnlyMessage();
        Assert.Equal("Смена пароля", message.Subject);
        Assert.Contains("Здравствуйте, Анна!", message.TextBody);
    }

    [Fact]
    public async Task Markup_in_a_display_name_is_shown_as_text_in_the_html_body()
    {
        await Sender().SendConfirmationLinkAsync(new ApplicationUser { DisplayName = "<script>alert(1)</script>" }, "x@example.org", "https://city.example/c");

        Assert.DoesNotContain("<script>", OnlyMessage().HtmlBody);
    }

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private sealed class FixedContentRoot(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "ActiveCitizen.App";
        public string ContentRootPath { get; set; } = path;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
