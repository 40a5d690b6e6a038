using FluentValidation;
using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>A milestone as the schedule editor edits it (Id 0: a new one).</summary>
public sealed class MilestoneInput
{
    public int RocYear { get; set; }

    /// <summary>Empty for a new milestone.</summary>
    public string? Key { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public DateTime? StartsOn { get; set; }

    public DateTime? EndsOn { get; set; }

    public bool CrossesYear { get; set; }

    public ObligationKind? Binds { get; set; }

    public bool BindsFirstLevel { get; set; }

    public bool BindsSecondLevel { get; set; }

    public int SubordinateLeadDays { get; set; }

    public static MilestoneInput From(Milestone m) => new()
    {
        RocYear = m.RocYear,
        Key = m.Key,
        Name = m.Name,
        NameEn = m.NameEn,
        StartsOn = m.StartsOn.ToDateTime(TimeOnly.MinValue),
        EndsOn = m.EndsOn.ToDateTime(TimeOnly.MinValue),
        CrossesYear = m.CrossesYear,
        Binds = m.Binds,
        BindsFirstLevel = m.BoundLevels.HasFlag(BoundLevels.FirstLevel),
        BindsSecondLevel = m.BoundLevels.HasFlag(BoundLevels.SecondLevel),
        SubordinateLeadDays = m.SubordinateLeadDays,
    };

    public BoundLevels Levels =>
        Binds is null ? BoundLevels.None
        : (BindsFirstLevel ? BoundLevels.FirstLevel : BoundLevels.None) | (BindsSecondLevel ? BoundLevels.SecondLevel : BoundLevels.None);
}

/// <summary>Messages are resource keys (SharedResource).</summary>
public static class ScheduleMessages
{
    public const string NameRequired = "Validation.NameRequired";
    public const string NameTooLong = "Validation.NameTooLong";
    public const string DateRequired = "Validation.Schedule.DateRequired";
    public const string EndBeforeStart = "Validation.Schedule.EndBeforeStart";
    public const string OutsideYear = "Validation.Schedule.OutsideYear";
    public const string OutsideYearOrNext = "Validation.Schedule.OutsideYearOrNext";
    public const string LevelsRequired = "Validation.Schedule.LevelsRequired";
    public const string LeadDays = "Validation.Schedule.LeadDays";
    public const string ReasonRequired = "Validation.Schedule.ReasonRequired";
    public const string NotFound = "Validation.NotFound";
}

/// <summary>
/// A window ends after it starts; it lies in its year, or for the milestones that cross the year
/// may reach into January–February of the next.
/// </summary>
public sealed class MilestoneInputValidator : AbstractValidator<MilestoneInput>
{
    public MilestoneInputValidator()
    {
        RuleFor(m => m.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(ScheduleMessages.NameRequired)
            .MaximumLength(100).WithMessage(ScheduleMessages.NameTooLong);
        RuleFor(m => m.NameEn).MaximumLength(200).WithMessage(ScheduleMessages.NameTooLong);
        RuleFor(m => m.StartsOn).NotNull().WithMessage(ScheduleMessages.DateRequired)
            .Must((m, d) => InRange(m, d!.Value)).When(m => m.StartsOn is not null).WithMessage(m => RangeMessage(m));
        RuleFor(m => m.EndsOn).NotNull().WithMessage(ScheduleMessages.DateRequired)
            .Must((m, d) => InRange(m, d!.Value)).When(m => m.EndsOn is not null).WithMessage(m => RangeMessage(m))
            .Must((m, d) => d > m.StartsOn).When(m => m.StartsOn is not null && m.EndsOn is not null).WithMessage(ScheduleMessages.EndBeforeStart);
        RuleFor(m => m.BindsSecondLevel).Must((m, _) => m.BindsFirstLevel || m.BindsSecondLevel).When(m => m.Binds is not null)
            .WithMessage(ScheduleMessages.LevelsRequired);
        RuleFor(m => m.SubordinateLeadDays).InclusiveBetween(0, 60).WithMessage(ScheduleMessages.LeadDays);
    }

    private static string RangeMessage(MilestoneInput m) => m.CrossesYear ? ScheduleMessages.OutsideYearOrNext : ScheduleMessages.OutsideYear;

    /// <summary>In the year, or in January–February of the next for a milestone that crosses the year.</summary>
    public static bool InRange(MilestoneInput m, DateTime date)
    {
        var year = RocCalendar.ToGregorianYear(m.RocYear);
        return date.Year == year || (m.CrossesYear && date.Year == year + 1 && date.Month <= 2);
    }
}

/// <summary>Why an obligation is waived.</summary>
public sealed class WaiveInput
{
    public string Reason { get; set; } = "";
}

public sealed class WaiveInputValidator : AbstractValidator<WaiveInput>
{
    public WaiveInputValidator() =>
        RuleFor(w => w.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(ScheduleMessages.ReasonRequired)
            .MaximumLength(500).WithMessage(ScheduleMessages.NameTooLong);
}
