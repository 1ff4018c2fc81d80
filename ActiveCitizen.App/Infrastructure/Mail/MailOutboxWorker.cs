namespace ActiveCitizen.App.Infrastructure.Mail;

/// <summary>Delivers queued mail as soon as it is enqueued, and retries failed deliveries when they fall due.</summary>
public sealed class MailOutboxWorker(MailOutbox outbox, TimeProvider time, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    /// <summary>Also look every so often, in case mail was enqueued by another instance sharing the database.</summary>
    private static readonly TimeSpan LongestNap = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var nap = LongestNap;
            try
            {
                if (await outbox.DeliverDueAsync(stoppingToken) is { } nextDue)
                {
                    var untilDue = nextDue - time.GetUtcNow().UtcDateTime;
                    nap = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < LongestNap ? untilDue : LongestNap;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The mail outbox could not be processed; trying again shortly.");
            }
            try
            {
                await outbox.WaitForMailAsync(nap, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
