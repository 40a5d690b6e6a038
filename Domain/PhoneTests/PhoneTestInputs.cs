using System.Globalization;
using FluentValidation;
using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Domain.PhoneTests;

/// <summary>The points given to one rubric item, as entered (null: not scored yet).</summary>
public sealed class ScoreInput
{
    public string ItemKey { get; set; } = "";

    public int? Points { get; set; }
}

/// <summary>A test as the entry form and a spreadsheet row give it. Dates are ROC (113/04/12), times 24-hour (14:05).</summary>
public sealed class PhoneTestInput
{
    public int? Id { get; set; }

    public int RocYear { get; set; }

    public PhoneTestRound Round { get; set; }

    public string DateText { get; set; } = "";

    public string TimeText { get; set; } = "";

    public int? AgencyId { get; set; }

    public string? UnitName { get; set; }

    public string Number { get; set; } = "";

    public string Tester { get; set; } = "";

    public List<ScoreInput> Scores { get; set; } = [];

    public List<string> FaultCodes { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>An empty entry for the rubric: one score per item, in the rubric's order.</summary>
    public static PhoneTestInput For(PhoneRubric rubric) => new()
    {
        RocYear = rubric.RocYear,
        Round = rubric.Round,
        Scores = rubric.Ordered.Select(i => new ScoreInput { ItemKey = i.Key }).ToList(),
    };

    /// <summary>The moment of the call in Taipei, when the date and time parse.</summary>
    public DateTimeOffset? CalledAt()
    {
        if (!RocCalendar.TryParseDate(DateText, out var date) || !TryParseTime(TimeText, out var time))
        {
            return null;
        }

        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TaipeiTime.Zone.GetUtcOffset(local));
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact((text ?? "").Trim(), ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>Messages are resource keys (SharedResource).</summary>
public static class PhoneTestMessages
{
    public const string AgencyRequired = "PhoneTests.Validation.AgencyRequired";
    public const string AgencyUnknown = "PhoneTests.Validation.AgencyUnknown";
    public const string DateInvalid = "PhoneTests.Validation.DateInvalid";
    public const string DateOutsideYear = "PhoneTests.Validation.DateOutsideYear";
    public const string TimeInvalid = "PhoneTests.Validation.TimeInvalid";
    public const string NumberRequired = "PhoneTests.Validation.NumberRequired";
    public const string TesterRequired = "PhoneTests.Validation.TesterRequired";
    public const string TooLong = "PhoneTests.Validation.TooLong";
    public const string ScoreRequired = "PhoneTests.Validation.ScoreRequired";
    public const string ScoreOutOfRange = "PhoneTests.Validation.ScoreOutOfRange";
    public const string ItemsMismatch = "PhoneTests.Validation.ItemsMismatch";
    public const string FaultUnknown = "PhoneTests.Validation.FaultUnknown";
    public const string RoundMismatch = "PhoneTests.Validation.RoundMismatch";
    public const string NotFound = "PhoneTests.Validation.NotFound";
    public const string ItemsRequired = "PhoneTests.Validation.ItemsRequired";
    public const string NameRequired = "PhoneTests.Validation.NameRequired";
    public const string MaxPoints = "PhoneTests.Validation.MaxPoints";
    public const string BandsOrder = "PhoneTests.Validation.BandsOrder";
    public const string Threshold = "PhoneTests.Validation.Threshold";
    public const string AnalysisRequired = "PhoneTests.Validation.AnalysisRequired";
    public const string ImprovementRequired = "PhoneTests.Validation.ImprovementRequired";
    public const string AlreadyAnswered = "PhoneTests.Validation.AlreadyAnswered";
}

/// <summary>
/// The rules of a test for the rubric it is scored with: agency, a date in the test's year, a time,
/// the number and the tester, every item of the rubric scored within 0 and its maximum, and only
/// faults of the commission's list.
/// </summary>
public sealed class PhoneTestInputValidator : AbstractValidator<PhoneTestInput>
{
    public PhoneTestInputValidator(PhoneRubric rubric, IReadOnlySet<string> faultCodes)
    {
        var max = rubric.Items.ToDictionary(i => i.Key, i => i.MaxPoints);
        RuleFor(x => x.AgencyId).NotNull().WithMessage(PhoneTestMessages.AgencyRequired);
        RuleFor(x => x.Round).Equal(rubric.Round).WithMessage(PhoneTestMessages.RoundMismatch);
        RuleFor(x => x.DateText).Must(t => RocCalendar.TryParseDate(t ?? "", out _)).WithMessage(PhoneTestMessages.DateInvalid)
            .DependentRules(() => RuleFor(x => x.DateText)
                .Must((x, t) => RocCalendar.TryParseDate(t, out var d) && RocCalendar.RocYearOf(d) == x.RocYear).WithMessage(PhoneTestMessages.DateOutsideYear));
        RuleFor(x => x.TimeText).Must(t => PhoneTestInput.TryParseTime(t, out _)).WithMessage(PhoneTestMessages.TimeInvalid);
        RuleFor(x => x.Number).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(PhoneTestMessages.NumberRequired)
            .MaximumLength(50).WithMessage(PhoneTestMessages.TooLong);
        RuleFor(x => x.Tester).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(PhoneTestMessages.TesterRequired)
            .MaximumLength(50).WithMessage(PhoneTestMessages.TooLong);
        RuleFor(x => x.UnitName).MaximumLength(100).WithMessage(PhoneTestMessages.TooLong);
        RuleFor(x => x.Notes).MaximumLength(1000).WithMessage(PhoneTestMessages.TooLong);
        RuleFor(x => x.Scores)
            .Must(s => s.Select(v => v.ItemKey).Order(StringComparer.Ordinal).SequenceEqual(max.Keys.Order(StringComparer.Ordinal)))
            .WithMessage(PhoneTestMessages.ItemsMismatch);
        RuleForEach(x => x.Scores).ChildRules(score =>
        {
            score.RuleFor(s => s.Points).NotNull().WithMessage(PhoneTestMessages.ScoreRequired)
                .Must((s, p) => !max.TryGetValue(s.ItemKey, out var m) || (p >= 0 && p <= m)).When(s => s.Points is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(PhoneTestMessages.ScoreOutOfRange);
        });
        RuleForEach(x => x.FaultCodes).Must(faultCodes.Contains).WithMessage(PhoneTestMessages.FaultUnknown);
    }
}

/// <summary>An item of the rubric editor (Key null: a new item).</summary>
public sealed class RubricItemInput
{
    public string? Key { get; set; }

    public RubricGroup Group { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public int MaxPoints { get; set; }
}

/// <summary>A rubric as the commission edits it for one year and round.</summary>
public sealed class RubricInput
{
    public int RocYear { get; set; }

    public PhoneTestRound Round { get; set; }

    public List<RubricItemInput> Items { get; set; } = [];

    public int ExcellentFrom { get; set; }

    public int GoodFrom { get; set; }

    public int FairFrom { get; set; }

    public int FollowUpBelow { get; set; }

    public static RubricInput From(PhoneRubric r) => new()
    {
        RocYear = r.RocYear,
        Round = r.Round,
        ExcellentFrom = r.ExcellentFrom,
        GoodFrom = r.GoodFrom,
        FairFrom = r.FairFrom,
        FollowUpBelow = r.FollowUpBelow,
        Items = r.Ordered.Select(i => new RubricItemInput { Key = i.Key, Group = i.Group, Name = i.Name, NameEn = i.NameEn, MaxPoints = i.MaxPoints }).ToList(),
    };

    public int MaxTotal => Items.Sum(i => i.MaxPoints);
}

/// <summary>At least one item, each named and worth 1 to 100 points; bands descending within the total; a threshold within the total.</summary>
public sealed class RubricInputValidator : AbstractValidator<RubricInput>
{
    public RubricInputValidator()
    {
        RuleFor(x => x.Items).NotEmpty().WithMessage(PhoneTestMessages.ItemsRequired);
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(PhoneTestMessages.NameRequired)
                .MaximumLength(100).WithMessage(PhoneTestMessages.TooLong);
            item.RuleFor(i => i.NameEn).MaximumLength(200).WithMessage(PhoneTestMessages.TooLong);
            item.RuleFor(i => i.MaxPoints).InclusiveBetween(1, 100).WithMessage(PhoneTestMessages.MaxPoints);
        });
        RuleFor(x => x.FairFrom).Must((x, fair) => fair > 0 && fair < x.GoodFrom && x.GoodFrom < x.ExcellentFrom && x.ExcellentFrom <= x.MaxTotal)
            .WithMessage(PhoneTestMessages.BandsOrder);
        RuleFor(x => x.FollowUpBelow).Must((x, t) => t >= 0 && t <= x.MaxTotal).WithMessage(PhoneTestMessages.Threshold);
    }
}

/// <summary>An agency's answer to a follow-up: what caused the bad call and what it changed.</summary>
public sealed class FollowUpAnswerInput
{
    public string Analysis { get; set; } = "";

    public string Improvement { get; set; } = "";

    public string AnsweredBy { get; set; } = "";
}

public sealed class FollowUpAnswerInputValidator : AbstractValidator<FollowUpAnswerInput>
{
    public FollowUpAnswerInputValidator()
    {
        RuleFor(x => x.Analysis).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(PhoneTestMessages.AnalysisRequired)
            .MaximumLength(2000).WithMessage(PhoneTestMessages.TooLong);
        RuleFor(x => x.Improvement).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(PhoneTestMessages.ImprovementRequired)
            .MaximumLength(2000).WithMessage(PhoneTestMessages.TooLong);
        RuleFor(x => x.AnsweredBy).MaximumLength(50).WithMessage(PhoneTestMessages.TooLong);
    }
}
