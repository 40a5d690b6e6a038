namespace HighServiceDashboard.Domain.PhoneTests;

/// <summary>
/// A fault a tester can record on a call, from the list the commission keeps. Faults are retired,
/// never deleted, so that old tests still name what they saw.
/// </summary>
public sealed class PhoneFault
{
    public int Id { get; set; }

    /// <summary>Stable (<c>no-answer</c>); the spreadsheet accepts it or the name.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public int Order { get; set; }

    public DateOnly? RetiredOn { get; set; }

    public bool IsRetired => RetiredOn is not null;

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>The faults seen most often in other cities' tests: the list every install starts with.</summary>
public static class DefaultFaults
{
    public static IReadOnlyList<PhoneFault> All() =>
    [
        new() { Code = "no-answer", Name = "無人接聽", NameEn = "No answer", Order = 1 },
        new() { Code = "transferred-often", Name = "轉接超過2次", NameEn = "Transferred more than twice", Order = 2 },
        new() { Code = "unit-not-named", Name = "未報單位名稱", NameEn = "Unit not named", Order = 3 },
        new() { Code = "person-not-named", Name = "未報姓名", NameEn = "Person not named", Order = 4 },
        new() { Code = "no-greeting", Name = "未使用問候語", NameEn = "No greeting", Order = 5 },
        new() { Code = "wrong-information", Name = "答復內容錯誤", NameEn = "Wrong information", Order = 6 },
        new() { Code = "no-deputy", Name = "承辦人不在無職務代理人", NameEn = "No deputy when the person is away", Order = 7 },
        new() { Code = "impolite", Name = "態度不佳", NameEn = "Impolite", Order = 8 },
    ];
}
