using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace ActiveCitizen.App.Features.Accounts;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Wrong password or no such account: the same answer for both.</summary>
    Failed,
    LockedOut,
    /// <summary>The right password for an account whose address is not confirmed yet.</summary>
    Unconfirmed,
}

public enum PasswordChangeOutcome
{
    Changed,
    WrongPassword,
    LockedOut,
    Refused,
}

/// <summary>
/// Password sign-in and password change with the guarantees a city platform owes its residents: failed attempts are counted one at
/// a time per address (so a burst of parallel guesses cannot slip past the lockout), and no answer, nor the time it takes, tells
/// a stranger whether an address has an account.
/// </summary>
public sealed class SignInService(
    SignInManager<ApplicationUser> signInManager,
    UnregisteredSignInLockout unregisteredLockout,
    StripedLock accountLocks,
    ILogger<SignInService> logger)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    private UserManager<ApplicationUser> Users => signInManager.UserManager;

    public async Task<(SignInOutcome Outcome, ApplicationUser? User)> PasswordSignInAsync(string email, string password, bool remember)
    {
        using var _ = await accountLocks.AcquireAsync(email);
        // Loaded inside the lock, so the failure count and concurrency stamp are those the previous attempt left.
        var user = await Users.FindByEmailAsync(email);
        if (user is null)
        {
            SpendPasswordCheckTime(password);
            return (unregisteredLockout.IsLockedOut(email) || unregisteredLockout.RecordFailure(email) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }
        if (await Users.IsLockedOutAsync(user))
        {
            SpendPasswordCheckTime(password);
            return (SignInOutcome.LockedOut, user);
        }
        if (!user.EmailConfirmed)
        {
            // Identity would answer "not allowed" before checking the password, telling anyone the address is registered.
            if (await Users.CheckPasswordAsync(user, password))
            {
                return (SignInOutcome.Unconfirmed, user);
            }
            await Users.AccessFailedAsync(user);
            return (await Users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in.", user.Id);
            return (SignInOutcome.SignedIn, user);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in to user {UserId} is paused after repeated failures.", user.Id);
            return (SignInOutcome.LockedOut, user);
        }
        return (SignInOutcome.Failed, user);
    }

    /// <summary>Wrong current passwords count toward the lockout too, so a borrowed session cannot be used to guess the password.</summary>
    public async Task<(PasswordChangeOutcome Outcome, IReadOnlyList<string> Errors)> ChangePasswordAsync(
        ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var userId = UserAccess.UserIdOf(principal);
        if (userId is null)
        {
            return (PasswordChangeOutcome.Refused, []);
        }
        using var _ = await accountLocks.AcquireAsync(userId);
        var user = await Users.FindByIdAsync(userId);
        if (user is null)
        {
            return (PasswordChangeOutcome.Refused, []);
        }
        if (await Users.IsLockedOutAsync(user))
        {
            await signInManager.SignOutAsync();
            return (PasswordChangeOutcome.LockedOut, []);
        }
        if (!await Users.CheckPasswordAsync(user, currentPassword))
        {
            await Users.AccessFailedAsync(user);
            if (await Users.IsLockedOutAsync(user))
            {
                await signInManager.SignOutAsync();
                return (PasswordChangeOutcome.LockedOut, []);
            }
            return (PasswordChangeOutcome.WrongPassword, []);
        }
        var result = await Users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return (PasswordChangeOutcome.Refused, [.. result.Errors.Select(error => error.Description)]);
        }
        await Users.ResetAccessFailedCountAsync(user);
        // The new security stamp ends sessions elsewhere; this one is renewed so the resident stays signed in here.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password.", user.Id);
        return (PasswordChangeOutcome.Changed, []);
    }

    private void SpendPasswordCheckTime(string password) =>
        Users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DecoyHash.Value, password);
}
