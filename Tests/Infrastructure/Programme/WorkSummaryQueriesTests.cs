using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Programme;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Infrastructure.Programme;

/// <summary>The home page's summary of a scope, two days after the plans of 113 were due.</summary>
public class WorkSummaryQueriesTests : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Tax = "高雄市稅捐稽徵處";
    private const string Pawnshop = "高雄市政府財政局動產質借所";
    private ScheduleHarness _h = default!;
    private WorkSummaryQueries _queries = default!;
    private HashSet<int> _bureau = default!;

    public async Task InitializeAsync()
    {
        _h = await ScheduleHarness.CreateAsync();
        await _h.KeepOnlyAsync(Finance, Tax, Pawnshop);
        _queries = new WorkSummaryQueries(_h.Database.Factory, _h.Obligations, _h.Database.Clock);
        _bureau = [await _h.IdOfAsync(Finance), await _h.IdOfAsync(Tax), await _h.IdOfAsync(Pawnshop)];

        // The bureau submitted its plan in time; it commits 秘書室 to a quarterly phone test.
        _h.Database.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        var plans = new PlanService(_h.Database.Factory, _h.Database.Clock, _h.Obligations);
        var content = new PlanContentInput
        {
            Title = "財政局113年度提升服務執行計畫",
            FocusPoints = [new() { SubItemCode = "1.3", Title = "定期辦理電話禮貌測試", UnitNames = ["秘書室"], Cadences = ["每季"] }],
        };
        var planId = (await plans.StoreDraftAsync(await _h.IdOfAsync(Finance), 113, content, null, false, "finance.coordinator")).Id!.Value;
        Assert.True((await plans.ChangeStatusAsync(planId, 1, PlanAction.Submit, null, "finance.coordinator")).Succeeded);
        _h.Database.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GetAsync_TheBureauAndItsSubordinates_CountsPlansAndWhatIsLateFirst()
    {
        var summary = await _queries.GetAsync(113, _bureau);

        Assert.Equal(3, summary.AgencyCount);
        Assert.Equal(1, summary.PlansIn(PlanStatus.Submitted));
        Assert.Equal(0, summary.PlansIn(PlanStatus.Approved));
        Assert.Equal(2, summary.WithoutPlan);
        // Late: the first quarter's phone test the plan commits to (due 31 March, 32 days ago), the two
        // subordinates' plans (due 30 April) and the bureau's review of them; the longest late first.
        Assert.Equal(4, summary.Late);
        // Due within 14 days: nothing; the second quarter's phone test is due 30 June.
        Assert.Equal(0, summary.DueSoon);
        Assert.Equal(("定期辦理電話禮貌測試（每季）（第1期）", ObligationState.Late, 32), (summary.Next[0].Title, summary.Next[0].State, summary.Next[0].DaysLate));
        Assert.Equal(
            [(Tax, ObligationKind.PlanSubmission), (Pawnshop, ObligationKind.PlanSubmission), (Finance, ObligationKind.SubordinatePlanReview)],
            summary.Next.Skip(1).Take(3).Select(o => (o.AgencyName, o.Kind)).OrderBy(o => o.Kind).ThenByDescending(o => o.AgencyName));
        Assert.All(summary.Next.Skip(1).Take(3), o => Assert.Equal((ObligationState.Late, 2), (o.State, o.DaysLate)));
        Assert.Equal(6, summary.Next.Count);
    }

    [Fact]
    public async Task GetAsync_ForAUnit_LeavesOutWhatOtherUnitsOwe()
    {
        var agency = new HashSet<int> { await _h.IdOfAsync(Finance) };

        var all = await _queries.GetAsync(113, agency, take: 50);
        var unit = await _queries.GetAsync(113, agency, "菸酒管理科", take: 50);

        Assert.Contains(all.Next, o => o.UnitName == "秘書室");
        Assert.DoesNotContain(unit.Next, o => o.UnitName is not null);
        Assert.Equal(all.Next.Count(o => o.UnitName is null), unit.Next.Count);
    }

    [Fact]
    public async Task GetAsync_EveryAgency_CountsTheActiveOnes()
    {
        var summary = await _queries.GetAsync(113, null);

        // The three followed agencies, not the city government above them.
        Assert.Equal(3, summary.AgencyCount);
        Assert.Equal(2, summary.WithoutPlan);
    }
}
