using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Infrastructure.Live;

namespace ActiveCitizen.App.Features.Rewards;

/// <summary>
/// Issues prizes without anyone having to remember: as soon as results are published (the live signal) and again every minute
/// (after a restart, or when a signal was missed), every published leaderboard with a plan is allocated; allocation is idempotent.
/// </summary>
public sealed class PrizeWorker(PrizeService prizes, ILiveEvents liveEvents, TimeProvider time, ILogger<PrizeWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var published = liveEvents.Subscribe<QuizResultsPublished>(QuizTopics.Results, _ => RunAsync(stoppingToken));
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RunAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; the next start allocates whatever is pending.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await prizes.AllocatePendingAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Issuing quiz prizes failed; the next pass tries again");
        }
    }
}
