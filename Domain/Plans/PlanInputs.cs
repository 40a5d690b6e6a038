using FluentValidation;

namespace HighServiceDashboard.Domain.Plans;

/// <summary>A focus point as the plan editor and the import review edit it.</summary>
public sealed class FocusPointInput
{
    public int? Id { get; set; }

    public string SubItemCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public bool AllUnits { get; set; }

    public List<string> UnitNames { get; set; } = [];

    public bool IsGuess { get; set; }

    public string? GuessReason { get; set; }

    public string? GuessReasonEn { get; set; }

    public List<string> Cadences { get; set; } = [];

    public int? SourceLine { get; set; }
}

/// <summary>A declaration that a sub-item does not apply, as edited.</summary>
public sealed class NotApplicableInput
{
    public string SubItemCode { get; set; } = "";

    public string Reason { get; set; } = "";

    public int? SourceLine { get; set; }
}

/// <summary>
/// A whole plan as it is saved from the import review or the editor: the service replaces the
/// plan's content with this, in one transaction.
/// </summary>
public sealed class PlanContentInput
{
    public string? Title { get; set; }

    public List<FocusPointInput> FocusPoints { get; set; } = [];

    public List<NotApplicableInput> NotApplicable { get; set; } = [];

    /// <summary>Text still unplaced; saved so that nothing of the document is lost.</summary>
    public List<(string Text, int? Line)> Unplaced { get; set; } = [];
}

/// <summary>Resource keys of the plan rules' messages.</summary>
public static class PlanMessages
{
    public const string TitleRequired = "Plan.Validation.TitleRequired";
    public const string TitleTooLong = "Plan.Validation.TitleTooLong";
    public const string SubItemRequired = "Plan.Validation.SubItemRequired";
    public const string SubItemUnknown = "Plan.Validation.SubItemUnknown";
    public const string ReasonRequired = "Plan.Validation.ReasonRequired";
    public const string DeclaredAndCovered = "Plan.Validation.DeclaredAndCovered";
    public const string DeclaredTwice = "Plan.Validation.DeclaredTwice";
    public const string UnitNameTooLong = "Plan.Validation.UnitNameTooLong";
    public const string CommentRequired = "Plan.Validation.CommentRequired";
    public const string NotAllowed = "Plan.Validation.NotAllowed";
    public const string Forbidden = "Plan.Validation.Forbidden";
    public const string Conflict = "Plan.Validation.Conflict";
    public const string NotEditable = "Plan.Validation.NotEditable";
    public const string UnitScope = "Plan.Validation.UnitScope";
    public const string PointMustNameUnit = "Plan.Validation.PointMustNameUnit";
    public const string AlreadyExists = "Plan.Validation.AlreadyExists";
    public const string NoAgency = "Plan.Validation.NoAgency";
    public const string NoYear = "Plan.Validation.NoYear";
    public const string NoFramework = "Plan.Validation.NoFramework";
    public const string FrameworkMismatch = "Plan.Validation.FrameworkMismatch";
}

public sealed class FocusPointInputValidator : AbstractValidator<FocusPointInput>
{
    public FocusPointInputValidator()
    {
        RuleFor(x => x.SubItemCode).NotEmpty().WithMessage(PlanMessages.SubItemRequired);
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(PlanMessages.TitleRequired)
            .MaximumLength(500).WithMessage(PlanMessages.TitleTooLong);
        RuleForEach(x => x.UnitNames).MaximumLength(100).WithMessage(PlanMessages.UnitNameTooLong);
    }
}

public sealed class NotApplicableInputValidator : AbstractValidator<NotApplicableInput>
{
    public NotApplicableInputValidator()
    {
        RuleFor(x => x.SubItemCode).NotEmpty().WithMessage(PlanMessages.SubItemRequired);
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(PlanMessages.ReasonRequired);
    }
}

/// <summary>
/// The rules of a whole plan, for a given framework's codes: every point and declaration is valid,
/// names a sub-item of the framework, and no sub-item is both covered and declared not applicable.
/// </summary>
public sealed class PlanContentInputValidator : AbstractValidator<PlanContentInput>
{
    public PlanContentInputValidator(IReadOnlySet<string> validCodes)
    {
        RuleForEach(x => x.FocusPoints).SetValidator(new FocusPointInputValidator());
        RuleForEach(x => x.NotApplicable).SetValidator(new NotApplicableInputValidator());
        RuleForEach(x => x.FocusPoints).Must(p => string.IsNullOrEmpty(p.SubItemCode) || validCodes.Contains(p.SubItemCode))
            .WithMessage(PlanMessages.SubItemUnknown);
        RuleForEach(x => x.NotApplicable).Must(d => string.IsNullOrEmpty(d.SubItemCode) || validCodes.Contains(d.SubItemCode))
            .WithMessage(PlanMessages.SubItemUnknown);
        RuleFor(x => x).Must(x => !x.NotApplicable.Any(d => x.FocusPoints.Any(p => p.SubItemCode == d.SubItemCode)))
            .WithMessage(PlanMessages.DeclaredAndCovered);
        RuleFor(x => x).Must(x => x.NotApplicable.GroupBy(d => d.SubItemCode).All(g => g.Count() == 1))
            .WithMessage(PlanMessages.DeclaredTwice);
    }
}
