using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>
/// The city's schedule as annexed to the Public Works Bureau's plan of 105 (附件1): the 13
/// milestones every year has until the commission edits that year.
/// </summary>
public static class DefaultSchedule
{
    public const string CustomKeyPrefix = "custom-";

    public const string PlansKey = "plans";
    public const string PhoneTest1Key = "phone-1";
    public const string PhoneTest2Key = "phone-2";
    public const string ResultsKey = "results";

    /// <summary>Days before the parent's due date that a subordinate's results are due to its parent.</summary>
    public const int DefaultSubordinateLeadDays = 15;

    public static IReadOnlyList<Milestone> For(int rocYear)
    {
        var y = RocCalendar.ToGregorianYear(rocYear);
        DateOnly D(int month, int day, int year = 0) => new(year == 0 ? y : year, month, day);
        DateOnly EndOf(int month) => new(y, month, DateTime.DaysInMonth(y, month));

        Milestone M(int number, string key, string name, string nameEn, DateOnly start, DateOnly end,
            ObligationKind? binds = null, bool crosses = false, int lead = 0) => new()
        {
            RocYear = rocYear,
            Number = number,
            Key = key,
            Name = name,
            NameEn = nameEn,
            StartsOn = start,
            EndsOn = end,
            CrossesYear = crosses,
            Binds = binds,
            BoundLevels = binds is null ? BoundLevels.None : BoundLevels.Both,
            SubordinateLeadDays = lead,
        };

        return
        [
            M(1, "implementation-plan", "研考會訂頒本府提升服務實施計畫", "The commission issues the city's implementation plan", D(1, 1), EndOf(1)),
            M(2, PlansKey, "各機關訂定執行計畫並審查所屬工作計畫", "Agencies set their execution plans and review their subordinates' work plans", D(2, 1), EndOf(4), ObligationKind.PlanSubmission),
            M(3, "training", "辦理年度提升服務教育訓練", "The city's yearly service-improvement training", D(5, 1), EndOf(6)),
            M(4, PhoneTest1Key, "電話服務品質及禮貌測試（上半年）", "Phone courtesy test, first round", D(1, 1), EndOf(6), ObligationKind.PhoneTest),
            M(5, "award-opens", "政府服務獎評獎作業開始", "The award round opens", D(8, 1), EndOf(8)),
            M(6, "award-applications", "各機關提報政府服務獎參獎資料", "Agencies submit award applications", D(9, 1), EndOf(9)),
            M(7, "visits", "不定期訪查及輔導", "Unannounced visits and coaching", D(9, 1), EndOf(11)),
            M(8, PhoneTest2Key, "電話服務品質及禮貌測試（下半年）", "Phone courtesy test, second round", D(7, 1), EndOf(12), ObligationKind.PhoneTest),
            M(9, "first-review", "政府服務獎初審", "First review of award nominees", D(10, 1), EndOf(10)),
            M(10, "site-visits", "入圍機關實地訪查", "Site visits to shortlisted agencies", D(10, 1), EndOf(11)),
            M(11, ResultsKey, "各機關提送年度執行成果", "Agencies submit their annual results", D(12, 20), D(1, 31, y + 1), ObligationKind.ResultsSubmission, true, DefaultSubordinateLeadDays),
            M(12, "nominee-coaching", "推薦參獎機關輔導", "Coaching of the agencies nominated for the award", D(12, 20), D(1, 31, y + 1), crosses: true),
            M(13, "nominations", "函送行政院推薦參獎機關", "Nominations sent to the Executive Yuan", D(1, 1, y + 1), D(2, 10, y + 1), crosses: true),
        ];
    }
}
