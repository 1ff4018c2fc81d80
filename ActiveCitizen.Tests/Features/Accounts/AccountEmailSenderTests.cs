using System.Globalization;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Mail;
using ActiveCitizen.App.Resources;
using ActiveCitizen.Tests.Infrastructure;
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
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private readonly MailOutbox outbox;
    private readonly AccountEmailSender sender;

    public AccountEmailSenderTests()
    {
        var options = Options.Create(new MailOptions { Delivery = MailDelivery.Pickup, PickupDirectory = "mail" });
        var environment = new FixedEnvironment(root);
        var delivery = new PickupDirectoryDelivery(options, environment, time, NullLogger<PickupDirectoryDelivery>.Instance);
        outbox = new MailOutbox(database.Factory, delivery, time, NullLogger<MailOutbox>.Instance);
        sender = new AccountEmailSender(outbox, options, services.GetRequiredService<IStringLocalizer<Strings>>(), environment, NullLogger<AccountEmailSender>.Instance);
    }

    private async Task<MimeMessage> OnlyDeliveredMessage()
    {
        await outbox.DeliverDueAsync(CancellationToken.None);
        return MimeMessage.Load(Assert.Single(Directory.GetFiles(Path.Combine(root, "mail"), "*.eml")));
    }

    [Fact]
    public async Task The_confirmation_link_is_delivered_as_an_eml_file_addressed_to_the_resident()
    {
        await sender.SendConfirmationLinkAsync(new ApplicationUser { DisplayName = "Anna Petrova" }, "anna@example.org",
            "https://city.example/Account/ConfirmEmail?userId=1&code=abc");

        var message = await OnlyDeliveredMessage();
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
            await sender.SendPasswordResetLinkAsync(new ApplicationUser { DisplayName = "Анна" }, "anna@example.org", "https://city.example/reset");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var message = await OnlyDeliveredMessage();
        Assert.Equal("Смена пароля", message.Subject);
        Assert.Contains("Здравствуйте, Анна!", message.TextBody);
    }

    [Fact]
    public async Task Markup_in_a_display_name_is_shown_as_text_in_the_html_body()
    {
        await sender.SendConfirmationLinkAsync(new ApplicationUser { DisplayName = "<script>alert(1)</script>" }, "x@example.org", "https://city.example/c");

        Assert.DoesNotContain("<script>", (await OnlyDeliveredMessage()).HtmlBody);
    }

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private sealed class FixedEnvironment(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "ActiveCitizen.App";
        public string ContentRootPath { get; set; } = path;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
