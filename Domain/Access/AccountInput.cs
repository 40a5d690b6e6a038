using FluentValidation;

namespace HighServiceDashboard.Domain.Access;

/// <summary>An account as the administrators' form edits it.</summary>
public sealed class AccountInput
{
    public string UserName { get; set; } = "";

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public Role Role { get; set; } = Role.UnitStaff;

    public int? AgencyId { get; set; }

    public int? UnitId { get; set; }
}

/// <summary>Messages are resource keys (SharedResource).</summary>
public static class AccountMessages
{
    public const string UserNameRequired = "Validation.Account.UserNameRequired";
    public const string UserNameFormat = "Validation.Account.UserNameFormat";
    public const string UserNameTaken = "Validation.Account.UserNameTaken";
    public const string EmailRequired = "Validation.Account.EmailRequired";
    public const string EmailFormat = "Validation.Account.EmailFormat";
    public const string EmailTaken = "Validation.Account.EmailTaken";
    public const string NameRequired = "Validation.Account.NameRequired";
    public const string AgencyRequired = "Validation.Account.AgencyRequired";
    public const string UnitRequired = "Validation.Account.UnitRequired";
    public const string UnitOfOtherAgency = "Validation.Account.UnitOfOtherAgency";
    public const string CommissionRoleOutsideCommission = "Validation.Account.CommissionRoleOutsideCommission";
    public const string NotFound = "Validation.NotFound";
    public const string LastAdministrator = "Validation.Account.LastAdministrator";
    public const string OwnAccount = "Validation.Account.OwnAccount";
    public const string PasswordRules = "Validation.Account.PasswordRules";
    public const string WrongPassword = "Validation.Account.WrongPassword";
}

/// <summary>
/// An account name of letters, digits and . _ -; a mail address; a name; an agency, and a unit for
/// unit staff. Whether the unit belongs to the agency, and whether a commission role sits in the
/// commission, the service checks against the tree.
/// </summary>
public sealed class AccountInputValidator : AbstractValidator<AccountInput>
{
    public AccountInputValidator()
    {
        RuleFor(a => a.UserName).NotEmpty().WithMessage(AccountMessages.UserNameRequired)
            .Matches("^[A-Za-z0-9._-]{3,64}$").When(a => !string.IsNullOrEmpty(a.UserName)).WithMessage(AccountMessages.UserNameFormat);
        RuleFor(a => a.Email).NotEmpty().WithMessage(AccountMessages.EmailRequired)
            .EmailAddress().When(a => !string.IsNullOrEmpty(a.Email)).WithMessage(AccountMessages.EmailFormat)
            .MaximumLength(200).WithMessage(AccountMessages.EmailFormat);
        RuleFor(a => a.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(AccountMessages.NameRequired)
            .MaximumLength(100).WithMessage(AccountMessages.NameRequired);
        RuleFor(a => a.AgencyId).NotNull().WithMessage(AccountMessages.AgencyRequired);
        RuleFor(a => a.UnitId).NotNull().When(a => a.Role == Role.UnitStaff).WithMessage(AccountMessages.UnitRequired);
    }
}
