using FluentValidation;

namespace HighServiceDashboard.Domain.Agencies;

/// <summary>What the commission types to add an agency.</summary>
public sealed class NewAgencyInput
{
    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public int? ParentId { get; set; }

    public AgencyKind Kind { get; set; } = AgencyKind.Bureau;
}

/// <summary>What the commission types to rename an agency or a unit.</summary>
public sealed class RenameInput
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }
}

/// <summary>A unit to add to an agency.</summary>
public sealed class NewUnitInput
{
    public int AgencyId { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>
/// Messages are resource keys (SharedResource): the form and the service show the same words in
/// the person's language.
/// </summary>
public static class AgencyMessages
{
    public const string NameRequired = "Validation.NameRequired";
    public const string NameTooLong = "Validation.NameTooLong";
    public const string NameTaken = "Validation.AgencyNameTaken";
    public const string UnitNameTaken = "Validation.UnitNameTaken";
    public const string ParentRequired = "Validation.ParentRequired";
    public const string NotFound = "Validation.NotFound";
    public const string Forbidden = "Validation.Forbidden";
    public const string CannotRetireWithActiveSubordinates = "Validation.RetireWithSubordinates";
    public const string Move = "Validation.Move.";
}

public sealed class NewAgencyInputValidator : AbstractValidator<NewAgencyInput>
{
    public NewAgencyInputValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(AgencyMessages.NameRequired)
            .MaximumLength(100).WithMessage(AgencyMessages.NameTooLong);
        RuleFor(x => x.NameEn).MaximumLength(200).WithMessage(AgencyMessages.NameTooLong);
        RuleFor(x => x.ParentId).NotNull().WithMessage(AgencyMessages.ParentRequired);
    }
}

public sealed class RenameInputValidator : AbstractValidator<RenameInput>
{
    public RenameInputValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(AgencyMessages.NameRequired)
            .MaximumLength(100).WithMessage(AgencyMessages.NameTooLong);
        RuleFor(x => x.NameEn).MaximumLength(200).WithMessage(AgencyMessages.NameTooLong);
    }
}

public sealed class NewUnitInputValidator : AbstractValidator<NewUnitInput>
{
    public NewUnitInputValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(AgencyMessages.NameRequired)
            .MaximumLength(100).WithMessage(AgencyMessages.NameTooLong);
    }
}
