using ActiveCitizen.App.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ActiveCitizen.Tests.Infrastructure.Mail;

public sealed class MailOutboxTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly FlakyServer server = new();

    /// <summary>An SMTP server that is down until told otherwise, and remembers what it received.</summary>
    private sealed class FlakyServer : IMailDelivery
    {
        public bool Up;
        public List<string> Received { get; } = [];

        public Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            if (!Up)
            {
                throw new IOException("Connection refused");
            }
            Received.Add(message.Subject ?? "");
            return Task.CompletedTask;
        }
    }

    private MailOutbox Outbox() => new(database.Factory, server, time, NullLogger<MailOutbox>.Instance);

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Hello" } };
        message.From.Add(MailboxAddress.Parse("no-reply@city.example"));
        message.To.Add(MailboxAddress.Parse("anna@example.org"));
        return message;
    }

    private async Task<QueuedMail[]> Queue()
    {
        await using var db = database.CreateContext();
        return await db.Set<QueuedMail>().AsNoTracking().ToArrayAsync();
    }

    [Fact]
    public async Task Mail_accepted_during_an_outage_waits_and_is_delivered_once_the_server_is_back()
    {
        var outbox = Outbox();
        await outbox.EnqueueAsync(Message("Confirm your e-mail address"));

        var nextDue = await outbox.DeliverDueAsync(CancellationToken.None);

        var waiting = Assert.Single(await Queue());
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal("Connection refused", waiting.LastError);
        Assert.Equal(time.GetUtcNow().UtcDateTime + MailOutbox.RetryDelay(1), nextDue);

        server.Up = true;
        await outbox.DeliverDueAsync(CancellationToken.None);
        Assert.Empty(server.Received);
        time.Advance(MailOutbox.RetryDelay(1));
        await outbox.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(["Confirm your e-mail address"], server.Received);
        Assert.Empty(await Queue());
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_kept_as_given_up_for_an_operator()
    {
        var outbox = Outbox();
        await outbox.EnqueueAsync(Message("Reset your password"));

        for (var attempt = 1; attempt <= MailOutbox.MaxAttempts; attempt++)
        {
            await outbox.DeliverDueAsync(CancellationToken.None);
            time.Advance(MailOutbox.RetryDelay(attempt));
        }

        var given = Assert.Single(await Queue());
        Assert.Equal(MailOutbox.MaxAttempts, given.Attempts);
        Assert.NotNull(given.GaveUpAt);
        Assert.Null(await outbox.DeliverDueAsync(CancellationToken.None));
    }

    [Fact]
    public void Retries_back_off_from_half_a_minute_to_at_most_four_hours()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), MailOutbox.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(1), MailOutbox.RetryDelay(2));
        Assert.Equal(TimeSpan.FromHours(4), MailOutbox.RetryDelay(20));
    }

    public void Dispose() => database.Dispose();
}
