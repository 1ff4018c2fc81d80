using ActiveCitizen.App.Features.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace ActiveCitizen.Tests.Features.Accounts;

public sealed class UnregisteredSignInLockoutTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_address_without_an_account_is_paused_after_as_many_failures_as_a_real_one_and_for_as_long()
    {
        var lockout = new UnregisteredSignInLockout(time);

        var pausedAfter = Enumerable.Range(1, AccountLimits.FailedSignInsBeforeLockout)
            .Select(_ => lockout.RecordFailure("nobody@example.org")).ToList();

        Assert.Equal([false, false, false, false, true], pausedAfter);
        Assert.True(lockout.IsLockedOut("NOBODY@example.org"));
        time.Advance(AccountLimits.LockoutDuration - TimeSpan.FromSeconds(1));
        Assert.True(lockout.IsLockedOut("nobody@example.org"));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(lockout.IsLockedOut("nobody@example.org"));
        Assert.False(lockout.RecordFailure("nobody@example.org"));
    }

    [Fact]
    public void Failures_for_one_address_do_not_pause_another()
    {
        var lockout = new UnregisteredSignInLockout(time);
        for (var attempt = 0; attempt < AccountLimits.FailedSignInsBeforeLockout; attempt++)
        {
            lockout.RecordFailure("first@example.org");
        }

        Assert.False(lockout.IsLockedOut("second@example.org"));
    }
}
