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

    /// <summary>Counts a failed sign-in; returns true when the address is paused (this failure may have started the pause).</summary>
    public bool RecordFailure(string email)
    {
        var now = time.GetUtcNow();
        if (attempts.Count >= MaxTrackedAddresses)
        {
            Prune(now);
        }
        var updated = attempts.AddOrUpdate(email, _ => Next(null, now), (_, record) => Next(record, now));
        return updated.LockedUntil > now;
    }

    /// <summary>The same arithmetic as Identity's: the count resets when a pause starts, and a pause that ended starts a new count.</summary>
    private static Attempts Next(Attempts? record, DateTimeOffset now)
    {
        if (record?.LockedUntil > now)
        {
            return record;
        }
        var failures = (record?.LockedUntil is null ? record?.Failures ?? 0 : 0) + 1;
        return failures >= AccountLimits.FailedSignInsBeforeLockout
            ? new Attempts(0, now + AccountLimits.LockoutDuration)
            : new Attempts(failures, null);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (email, record) in attempts)
        {
            if (!(record.LockedUntil > now))
            {
                attempts.TryRemove(email, out _);
            }
        }
        if (attempts.Count >= MaxTrackedAddresses)
        {
            // Only paused addresses are left and there are too many: forgetting them costs an attacker's guesses nothing they
            // could not get by waiting five minutes, while keeping them would let the flood grow without bound.
            attempts.Clear();
        }
    }

    private sealed record Attempts(int Failures, DateTimeOffset? LockedUntil);
}
