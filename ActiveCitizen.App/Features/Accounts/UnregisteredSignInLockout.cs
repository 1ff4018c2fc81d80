using System.Collections.Concurrent;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>
/// Identity locks a real account after repeated failed sign-ins. Addresses without an account must answer the same way, or the lockout
/// message would tell anyone which e-mail addresses are registered. This keeps the same count and pause for them, in memory.
/// </summary>
public sealed class UnregisteredSignInLockout(TimeProvider time)
{
    /// <summary>Beyond this many tracked addresses the oldest records are dropped, so a flood of made-up addresses cannot exhaust memory.</summary>
    public const int MaxTrackedAddresses = 50_000;

    private readonly ConcurrentDictionary<string, Attempts> attempts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True while the address is paused, exactly as a real account would be.</summary>
    public bool IsLockedOut(string email) =>
        attempts.TryGetValue(email, out var record) && record.LockedUntil is { } until && until > time.GetUtcNow();

    /// <summary>Counts a failed sign-in; returns true when this failure starts the pause.</summary>
    public bool RecordFailure(string email)
    {
        var now = time.GetUtcNow();
        if (attempts.Count >= MaxTrackedAddresses)
        {
            Prune(now);
        }
        var updated = attempts.AddOrUpdate(email,
            _ => new Attempts(1, null),
            (_, record) => record.LockedUntil is { } until && until <= now ? new Attempts(1, null) : record with { Failures = record.Failures + 1 });
        if (updated.Failures >= AccountLimits.FailedSignInsBeforeLockout && updated.LockedUntil is null)
        {
            attempts[email] = updated with { LockedUntil = now + AccountLimits.LockoutDuration };
            return true;
        }
        return updated.LockedUntil is not null;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (email, record) in attempts)
        {
            if (record.LockedUntil is null || record.LockedUntil <= now)
            {
                attempts.TryRemove(email, out _);
            }
        }
    }

    private sealed record Attempts(int Failures, DateTimeOffset? LockedUntil);
}
