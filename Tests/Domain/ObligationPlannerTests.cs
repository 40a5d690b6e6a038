using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Schedule;

namespace HighServiceDashboard.Tests.Domain;

public class ObligationPlannerTests
{
    private static readonly PlannedAgency Bureau = new(10, "財政局", AgencyLevel.FirstLevel, 1, HasActiveSubordinates: true);
    private static readonly PlannedAgency Office = new(11, "稅捐稽徵處", AgencyLevel.SecondLevel, 10, HasActiveSubordinates: false);
    private static readonly PlannedAgency District = new(20, "鳳山區公所", AgencyLevel.FirstLevel, 1, HasActiveSubordinates: false);

    [Fact]
    public void For_Year113_HasThirteenMilestonesWithTheTableWindows()
    {
        var milestones = DefaultSchedule.For(113);

        Assert.Equal(Enumerable.Range(1, 13), milestones.Select(m => m.Number));
        var plans = milestones.Single(m => m.Key == DefaultSchedule.PlansKey);
        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 4, 30)), (plans.StartsOn, plans.EndsOn));
        var results = milestones.Single(m => m.Key == DefaultSchedule.ResultsKey);
        Assert.Equal((new DateOnly(2024, 12, 20), new DateOnly(2025, 1, 31), 15), (results.StartsOn, results.EndsOn, results.SubordinateLeadDays));
        Assert.Equal(new DateOnly(2025, 2, 10), milestones.Single(m => m.Number == 13).EndsOn);
        Assert.Equal(4, milestones.Count(m => m.Binds is not null));
    }

    [Fact]
    public void Plan_DefaultSchedule_GivesEachAgencyWhatItOwes()
    {
        var planned = ObligationPlanner.Plan(113, DefaultSchedule.For(113), [Bureau, Office, District]);

        Assert.Equal(
            ["phone-1", "phone-2", "plans", "plans:review", "results"],
            planned.Where(p => p.AgencyId == Bureau.Id).Select(p => p.Key).Order());
        Assert.Equal(4, planned.Count(p => p.AgencyId == District.Id));
        var officeResults = planned.Single(p => p.AgencyId == Office.Id && p.Key == "results");
        Assert.Equal(ObligationKind.ResultsToParent, officeResults.Kind);
        Assert.Equal(new DateOnly(2025, 1, 16), officeResults.DueOn);
        Assert.Equal("提送113年度提升服務工作計畫", planned.Single(p => p.AgencyId == Office.Id && p.Key == "plans").Title);
        Assert.Equal(new DateOnly(2024, 4, 30), planned.Single(p => p.AgencyId == Bureau.Id && p.Key == "plans:review").DueOn);
    }

    [Fact]
    public void Plan_CustomMilestoneForFirstLevelOnly_BindsOnlyFirstLevel()
    {
        var custom = new Milestone
        {
            RocYear = 113, Key = "custom-ab", Name = "填報服務滿意度調查", StartsOn = new(2024, 7, 1), EndsOn = new(2024, 7, 31),
            Binds = ObligationKind.Custom, BoundLevels = BoundLevels.FirstLevel,
        };

        var planned = ObligationPlanner.Plan(113, [custom], [Bureau, Office, District]);

        Assert.Equal([Bureau.Id, District.Id], planned.Select(p => p.AgencyId));
        Assert.All(planned, p => Assert.Equal(("填報服務滿意度調查", ObligationKind.Custom), (p.Title, p.Kind)));
    }

    [Fact]
    public void Plan_Commitments_QuarterlyGivesFourDueAtQuarterEnds()
    {
        var planned = CommitmentPlanner.Plan(10, 113,
        [
            new Commitment("每季定期辦理「電話服務品質及禮貌測試」", "quarterly", "秘書室"),
            new Commitment("每年至少辦理洽公環境設備檢查1次", "每年", null),
        ]);

        Assert.Equal(5, planned.Count);
        Assert.Equal(
            [new DateOnly(2024, 3, 31), new DateOnly(2024, 6, 30), new DateOnly(2024, 9, 30), new DateOnly(2024, 12, 31)],
            planned.Where(p => p.UnitName == "秘書室").Select(p => p.DueOn));
        Assert.Equal("每季定期辦理「電話服務品質及禮貌測試」（第2期）", planned[1].Title);
        Assert.Equal(new DateOnly(2024, 12, 31), planned[4].DueOn);
        // The key follows the text, not the spacing the extraction left in it.
        Assert.Equal(planned[4].Key, CommitmentPlanner.Plan(10, 113, [new Commitment("每年至少辦理 洽公環境設備檢查1次", "yearly", null)])[0].Key);
    }

    [Fact]
    public void Plan_EveryFourYears_OneObligationAcrossTheFourYearsNotAYearlyOne()
    {
        var planned = CommitmentPlanner.Plan(10, 114, [new Commitment("定期每4年辦理1次建築物整體性之安全檢查", "每4年1次", "秘書室")]);

        var only = Assert.Single(planned);
        Assert.Equal(new DateOnly(2025, 1, 1), only.OpensOn);
        Assert.Equal(new DateOnly(2028, 12, 31), only.DueOn);
        Assert.Equal("定期每4年辦理1次建築物整體性之安全檢查", only.Title);
    }

    [Theory]
    [InlineData("每季定期辦理「電話服務品質及禮貌測試」", true)]
    [InlineData("每半年辦理電話禮貌抽測（第1期）", true)]
    [InlineData("提升服務品質，每季檢討電話禮貌", true)]
    [InlineData("Quarterly phone test of every unit", true)]
    [InlineData("每季檢視服務場所設施", false)]
    [InlineData("電話號碼公告於網站", false)]
    public void IsPhoneTest_CommitmentText_TellsTheAgencysOwnPhoneTest(string text, bool expected) =>
        Assert.Equal(expected, CommitmentPlanner.IsPhoneTest(text));

    [Theory]
    [InlineData("每月", 1)]
    [InlineData("每季至少2次", 3)]
    [InlineData("每半年", 6)]
    [InlineData("每年至少1次", 12)]
    [InlineData("每4年1次", 48)]
    [InlineData("每2年", 24)]
    [InlineData("quarterly", 3)]
    [InlineData("每日", null)]
    [InlineData("每週", null)]
    [InlineData("定期", null)]
    public void PeriodMonths_StoredCadenceLabels_GiveTheirPeriod(string cadence, int? months) =>
        Assert.Equal(months, CommitmentPlanner.PeriodMonths(cadence));

    [Fact]
    public void FromPlan_PointsWithCadences_OneCommitmentPerCadenceWithTheFirstUnit()
    {
        FocusPoint Point(int order, string title, bool all, string[] cadences, params string[] units) => new()
        {
            SubItemCode = "1.1",
            Order = order,
            Title = title,
            AllUnits = all,
            Cadences = cadences.ToList(),
            Units = units.Select(u => new FocusPointUnit { Name = u }).ToList(),
        };

        var commitments = CommitmentPlanner.FromPlan(
        [
            Point(2, "環境檢查", true, ["每年至少1次"]),
            Point(1, "電話禮貌測試", false, ["每季", "每日"], "秘書室", "人事室"),
            Point(3, "網站檢視", false, []),
        ]);

        Assert.Equal(
            [new Commitment("電話禮貌測試（每季）", "每季", "秘書室"), new Commitment("環境檢查（每年至少1次）", "每年至少1次", null)],
            commitments);
    }

    [Theory]
    [InlineData("2024-02-01", "2024-04-30", false, true)]
    [InlineData("2024-04-30", "2024-04-30", false, false)]
    [InlineData("2024-05-01", "2024-04-30", false, false)]
    [InlineData("2024-12-20", "2025-01-31", false, false)]
    [InlineData("2024-12-20", "2025-01-31", true, true)]
    [InlineData("2024-12-20", "2025-03-01", true, false)]
    [InlineData("2023-12-20", "2024-01-31", true, false)]
    public void Validate_Windows_EndAfterStartAndInTheYear(string start, string end, bool crosses, bool valid)
    {
        var input = new MilestoneInput { RocYear = 113, Name = "x", StartsOn = DateTime.Parse(start), EndsOn = DateTime.Parse(end), CrossesYear = crosses };

        Assert.Equal(valid, new MilestoneInputValidator().Validate(input).IsValid);
    }

    [Fact]
    public void Validate_BindsWithoutLevels_IsRefused()
    {
        var input = new MilestoneInput { RocYear = 113, Name = "x", StartsOn = new(2024, 7, 1), EndsOn = new(2024, 7, 31), Binds = ObligationKind.Custom };

        var result = new MilestoneInputValidator().Validate(input);

        Assert.Equal([ScheduleMessages.LevelsRequired], result.Errors.Select(e => e.ErrorMessage));
    }
}
