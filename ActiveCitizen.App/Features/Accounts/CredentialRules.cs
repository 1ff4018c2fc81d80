using System.ComponentModel.DataAnnotations;
using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>What an e-mail address and a password must be, on every form that asks for them.</summary>
public static class CredentialRules
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public static string NormalizeEmail(string? email) => (email ?? "").Trim();

    public static IEnumerable<FieldError> ValidateEmail(string field, string? email)
    {
        var trimmed = NormalizeEmail(email);
        if (trimmed.Length == 0)
        {
            yield return new(field, "Validation.EmailRequired");
        }
        else if (trimmed.Length > AccountLimits.EmailMaxLength || !EmailFormat.IsValid(trimmed) || trimmed.Contains(' '))
        {
            yield return new(field, "Validation.EmailInvalid");
        }
    }

    /// <summary>Checks only the length: composition rules push people to weak, forgettable passwords.</summary>
    public static IEnumerable<FieldError> ValidateNewPassword(string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            yield return new(field, "Validation.PasswordRequired");
        }
        else if (password.Length is < AccountLimits.PasswordMinLength or > AccountLimits.PasswordMaxLength)
        {
            yield return new(field, "Validation.PasswordLength", AccountLimits.PasswordMinLength, AccountLimits.PasswordMaxLength);
        }
    }

    public static IEnumerable<FieldError> ValidateConfirmation(string field, string? password, string? confirmation)
    {
        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            yield return new(field, "Validation.PasswordsDiffer");
        }
    }

    public static IEnumerable<FieldError> ValidatePresent(string field, string? value, string messageKey)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return new(field, messageKey);
        }
    }
}
