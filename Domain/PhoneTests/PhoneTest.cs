using HighServiceDashboard.Domain.Agencies;

namespace HighServiceDashboard.Domain.PhoneTests;

/// <summary>
/// One test call (電話服務品質及禮貌測試): when, to which agency and unit, who called, the points per
/// item of the rubric it was scored with, the faults seen. <see cref="Total"/> and
/// <see cref="Grade"/> are computed from the scores and that rubric when the test is saved, never typed.
/// </summary>
public sealed class PhoneTest
{
    public int Id { get; set; }

    public int RocYear { get; set; }

    public PhoneTestRound Round { get; set; }

    public DateTimeOffset CalledAt { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The unit (科室) whose extension was called; null for a call that reached only the switchboard.</summary>
    public string? UnitName { get; set; }

    /// <summary>The number or extension dialled.</summary>
    public required string Number { get; set; }

    /// <summary>Who called; a name until accounts come.</summary>
    public required string Tester { get; set; }

    public int RubricId { get; set; }

    public PhoneRubric? Rubric { get; set; }

    public List<PhoneTestScore> Scores { get; set; } = [];

    public List<PhoneTestFault> Faults { get; set; } = [];

    public string? Notes { get; set; }

    public int Total { get; set; }

    public PhoneGrade Grade { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public PhoneFollowUp? FollowUp { get; set; }

    /// <summary>Sets <see cref="Total"/> and <see cref="Grade"/> from the scores and the given rubric (the test's own).</summary>
    public void Score(PhoneRubric rubric)
    {
        var byKey = rubric.Items.ToDictionary(i => i.Id);
        Total = rubric.Total(Scores.Where(s => byKey.ContainsKey(s.RubricItemId)).ToDictionary(s => byKey[s.RubricItemId].Key, s => s.Points));
        Grade = rubric.GradeOf(Total);
    }
}

/// <summary>The points one rubric item got in one test.</summary>
public sealed class PhoneTestScore
{
    public int Id { get; set; }

    public int PhoneTestId { get; set; }

    public int RubricItemId { get; set; }

    public RubricItem? RubricItem { get; set; }

    public int Points { get; set; }
}

/// <summary>A fault seen in one test.</summary>
public sealed class PhoneTestFault
{
    public int PhoneTestId { get; set; }

    public int PhoneFaultId { get; set; }

    public PhoneFault? Fault { get; set; }
}

/// <summary>
/// What a badly scored call asks of its agency: an analysis of the cause and the improvement made,
/// by a due date. It is an obligation of the schedule too (<c>PhoneTestFollowUp</c>), with its
/// alerts; the answer settles it.
/// </summary>
public sealed class PhoneFollowUp
{
    public const string ObligationKeyPrefix = "phone-followup:";

    public int Id { get; set; }

    public int PhoneTestId { get; set; }

    public PhoneTest? PhoneTest { get; set; }

    public int AgencyId { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string? Analysis { get; set; }

    public string? Improvement { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public bool IsAnswered => AnsweredAt is not null;

    public static string ObligationKey(int phoneTestId) => $"{ObligationKeyPrefix}{phoneTestId}";
}
