using ActiveCitizen.App.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>Identity's own error messages in the reader's language. Messages that would reveal whether an e-mail is registered are never shown.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Strings> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.DefaultError");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Identity.ConcurrencyFailure");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Identity.InvalidEmail");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Identity.InvalidEmail");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Identity.DuplicateEmail");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Identity.DuplicateEmail");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Validation.PasswordLength", length, AccountLimits.PasswordMaxLength);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Identity.DefaultError");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Identity.DefaultError");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Identity.InvalidToken");

    private IdentityError Error(string code, string key, params object[] arguments) => new() { Code = code, Description = localizer[key, arguments] };
}
