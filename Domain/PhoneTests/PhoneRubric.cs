namespace HighServiceDashboard.Domain.PhoneTests;

/// <summary>Who answers the call the rubric's items score: the agency's switchboard or a unit's extension.</summary>
public enum RubricGroup
{
    /// <summary>總機.</summary>
    Switchboard = 0,

    /// <summary>業務單位.</summary>
    BusinessUnit = 1,
}

/// <summary>A round of tests: the commission's two a year, or one an agency runs itself (每季自行測試).</summary>
public enum PhoneTestRound
{
    /// <summary>上半年 (milestone phone-1).</summary>
    FirstHalf = 0,

    /// <summary>下半年 (milestone phone-2).</summary>
    SecondHalf = 1,

    /// <summary>An agency's own quarterly round: it settles no milestone, but the phone tests the agency's plan commits to in that quarter.</summary>
    AgencyQuarterly = 2,
}

/// <summary>The grade of a call, from its total and the rubric's bands.</summary>
public enum PhoneGrade
{
    /// <summary>優等.</summary>
    Excellent = 0,

    /// <summary>良好.</summary>
    Good = 1,

    /// <summary>尚可.</summary>
    Fair = 2,

    /// <summary>待改進.</summary>
    Poor = 3,
}

/// <summary>
/// How calls of one year and round are scored: items with their maximum points in two groups,
/// the lowest total of each grade, and the total below which a call needs a follow-up. A rubric
/// that scored a test is never changed: editing it makes a new <see cref="Version"/>, and the test
/// keeps pointing at the one it was scored with, so old totals stay as they were.
/// </summary>
public sealed class PhoneRubric
{
    public const int DefaultFollowUpBelow = 60;

    public int Id { get; set; }

    public int RocYear { get; set; }

    public PhoneTestRound Round { get; set; }

    /// <summary>1 for the first rubric of the year and round, one more for each edit after it scored a test.</summary>
    public int Version { get; set; } = 1;

    public List<RubricItem> Items { get; set; } = [];

    /// <summary>Lowest total graded excellent (優等); default 90.</summary>
    public int ExcellentFrom { get; set; } = 90;

    /// <summary>Lowest total graded good (良好); default 80.</summary>
    public int GoodFrom { get; set; } = 80;

    /// <summary>Lowest total graded fair (尚可); below it a call is poor (待改進). Default 70.</summary>
    public int FairFrom { get; set; } = 70;

    /// <summary>A call whose total is below this is singled out for a follow-up; default 60.</summary>
    public int FollowUpBelow { get; set; } = DefaultFollowUpBelow;

    public DateTimeOffset CreatedAt { get; set; }

    public int MaxTotal => Items.Sum(i => i.MaxPoints);

    public IEnumerable<RubricItem> Ordered => Items.OrderBy(i => i.Group).ThenBy(i => i.Order);

    /// <summary>The sum of the points given per item (by item key); items not scored count nothing.</summary>
    public int Total(IReadOnlyDictionary<string, int> pointsByItem) =>
        Items.Sum(i => pointsByItem.TryGetValue(i.Key, out var p) ? p : 0);

    public PhoneGrade GradeOf(int total) => total switch
    {
        _ when total >= ExcellentFrom => PhoneGrade.Excellent,
        _ when total >= GoodFrom => PhoneGrade.Good,
        _ when total >= FairFrom => PhoneGrade.Fair,
        _ => PhoneGrade.Poor,
    };

    /// <summary>A call below the threshold or graded poor opens a follow-up for its agency.</summary>
    public bool NeedsFollowUp(int total) => total < FollowUpBelow || GradeOf(total) == PhoneGrade.Poor;

    /// <summary>A copy with no ids, one version on: what an edit of a rubric that already scored tests is saved as.</summary>
    public PhoneRubric NextVersion(DateTimeOffset at) => new()
    {
        RocYear = RocYear,
        Round = Round,
        Version = Version + 1,
        ExcellentFrom = ExcellentFrom,
        GoodFrom = GoodFrom,
        FairFrom = FairFrom,
        FollowUpBelow = FollowUpBelow,
        CreatedAt = at,
        Items = Items.Select(i => new RubricItem { Key = i.Key, Group = i.Group, Name = i.Name, NameEn = i.NameEn, MaxPoints = i.MaxPoints, Order = i.Order }).ToList(),
    };
}

/// <summary>One scored aspect of a call (接聽速度, 禮貌, 答復內容) with its maximum points.</summary>
public sealed class RubricItem
{
    public int Id { get; set; }

    public int RubricId { get; set; }

    /// <summary>Stable within a rubric and its versions (<c>switchboard-speed</c>): scores and spreadsheet columns are keyed by it.</summary>
    public required string Key { get; set; }

    public RubricGroup Group { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public int MaxPoints { get; set; }

    public int Order { get; set; }

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>
/// The rubric every year and round starts with, from the examples of other Taiwanese cities:
/// switchboard 45 (answering speed 25, courtesy 20), business unit 55 (answering speed 15,
/// courtesy 25, content of the answer 15); excellent from 90, good from 80, fair from 70; a
/// follow-up below 60.
/// </summary>
public static class DefaultRubric
{
    public static PhoneRubric For(int rocYear, PhoneTestRound round, DateTimeOffset at) => new()
    {
        RocYear = rocYear,
        Round = round,
        Version = 1,
        CreatedAt = at,
        Items =
        [
            new() { Key = "switchboard-speed", Group = RubricGroup.Switchboard, Name = "總機接聽速度", NameEn = "Switchboard: answering speed", MaxPoints = 25, Order = 1 },
            new() { Key = "switchboard-courtesy", Group = RubricGroup.Switchboard, Name = "總機禮貌", NameEn = "Switchboard: courtesy", MaxPoints = 20, Order = 2 },
            new() { Key = "unit-speed", Group = RubricGroup.BusinessUnit, Name = "業務單位接聽速度", NameEn = "Business unit: answering speed", MaxPoints = 15, Order = 1 },
            new() { Key = "unit-courtesy", Group = RubricGroup.BusinessUnit, Name = "業務單位禮貌", NameEn = "Business unit: courtesy", MaxPoints = 25, Order = 2 },
            new() { Key = "unit-content", Group = RubricGroup.BusinessUnit, Name = "答復內容", NameEn = "Business unit: content of the answer", MaxPoints = 15, Order = 3 },
        ],
    };
}
