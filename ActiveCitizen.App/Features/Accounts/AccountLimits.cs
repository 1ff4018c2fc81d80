namespace ActiveCitizen.App.Features.Accounts;

public static class AccountLimits
{
    public const int DisplayNameMinLength = 2;
    public const int DisplayNameMaxLength = 60;

    /// <summary>No composition rules: length is what makes a password strong, and passphrases are welcome.</summary>
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 256;

    public const int EmailMaxLength = 254;

    /// <summary>Failed sign-ins in a row that pause sign-in to an account, and for how long.</summary>
    public const int FailedSignInsBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);
}
