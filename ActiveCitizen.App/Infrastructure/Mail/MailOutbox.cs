using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ActiveCitizen.App.Infrastructure.Mail;

/// <summary>Where features hand over mail: stored at once, delivered in the background.</summary>
public interface IMailOutbox
{
    Task EnqueueAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The database-backed outbox and its delivery step (run by <see cref="MailOutboxWorker"/>).</summary>
public sealed class MailOutbox(
    IDbContextFactory<AppDbContext> dbFactory, IMailDelivery delivery, TimeProvider time, ILogger<MailOutbox> logger) : IMailOutbox
{
    public const int MaxAttempts = 8;
    private const int BatchSize = 20;

    private readonly SemaphoreSlim enqueued = new(0, int.MaxValue);

    /// <summary>Completes when mail was enqueued since the last wait, or when <paramref name="timeout"/> passes.</summary>
    public Task WaitForMailAsync(TimeSpan timeout, CancellationToken cancellationToken) => enqueued.WaitAsync(timeout, cancellationToken);

    public async Task EnqueueAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        using var content = new MemoryStream();
        await message.WriteToAsync(content, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Set<QueuedMail>().Add(new QueuedMail
        {
            Recipient = string.Join(", ", message.To.Mailboxes.Select(mailbox => mailbox.Address)),
            Subject = message.Subject ?? "",
            Message = content.ToArray(),
            EnqueuedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        enqueued.Release();
    }

    /// <summary>Delivers what is due; returns when the next queued message falls due, if any.</summary>
    public async Task<DateTime?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.Set<QueuedMail>()
                .Where(mail => mail.GaveUpAt == null && mail.NextAttemptAt <= now)
                .OrderBy(mail => mail.NextAttemptAt).ThenBy(mail => mail.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var mail in due)
            {
                await DeliverAsync(db, mail, cancellationToken);
            }
            if (due.Count < BatchSize)
            {
                return await db.Set<QueuedMail>().Where(mail => mail.GaveUpAt == null)
                    .MinAsync(mail => (DateTime?)mail.NextAttemptAt, cancellationToken);
            }
        }
    }

    private async Task DeliverAsync(AppDbContext db, QueuedMail mail, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new MemoryStream(mail.Message);
            await delivery.DeliverAsync(await MimeMessage.LoadAsync(content, cancellationToken), cancellationToken);
            db.Remove(mail);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var now = time.GetUtcNow().UtcDateTime;
            mail.Attempts++;
            mail.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            if (mail.Attempts >= MaxAttempts)
            {
                mail.GaveUpAt = now;
                logger.LogError(exception, "Gave up delivering \"{Subject}\" to {Recipient} after {Attempts} attempts.", mail.Subject, mail.Recipient, mail.Attempts);
            }
            else
            {
                mail.NextAttemptAt = now + RetryDelay(mail.Attempts);
                logger.LogWarning(exception, "Delivering \"{Subject}\" to {Recipient} failed (attempt {Attempts}); retrying at {NextAttemptAt:O}.",
                    mail.Subject, mail.Recipient, mail.Attempts, mail.NextAttemptAt);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Half a minute after the first failure, doubling up to four hours: an outage of a day is ridden out.</summary>
    public static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, failedAttempts - 1), TimeSpan.FromHours(4).TotalSeconds));
}
