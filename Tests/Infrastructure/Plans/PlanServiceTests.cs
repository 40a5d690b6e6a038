using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.Infrastructure.Plans;

public class PlanServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private PlanService _service = default!;
    private int _finance;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _service = new PlanService(_database.Factory, _database.Clock, new ObligationService(_database.Factory, _database.Clock));
        await using var db = _database.Open();
        _finance = await db.Agencies.Where(a => a.Name == "高雄市政府財政局").Select(a => a.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static PlanContentInput Content(params (string Code, string Title, string[] Units)[] points) => new()
    {
        Title = "測試計畫",
        FocusPoints = points.Select(p => new FocusPointInput { SubItemCode = p.Code, Title = p.Title, UnitNames = p.Units.ToList() }).ToList(),
    };

    [Fact]
    public async Task StoreDraftAsync_MatchesKnownUnitsAndKeepsNewNames()
    {
        var content = Content(("1.1", "標準作業流程", ["菸酒管理科", "非公用 財產管理科", "稽核室", "各科室"]));

        var result = await _service.StoreDraftAsync(_finance, 113, content, null, replace: false, "tester");

        Assert.True(result.Succeeded);
        var plan = await new PlanQueries(_database.Factory).GetAsync(result.Id!.Value);
        var units = Assert.Single(plan!.FocusPoints).Units;
        // 各科室 is "every unit", not a unit; the stray space is folded; 稽核室 is offered as a new unit.
        Assert.Equal([new UnitName("菸酒管理科", true), new UnitName("非公用 財產管理科", true), new UnitName("稽核室", false)], units);
        Assert.Equal("leap", plan.Framework.Key);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public async Task StoreDraftAsync_ExistingPlanWithoutReplace_IsRefusedAndKept()
    {
        var first = await _service.StoreDraftAsync(_finance, 113, Content(("1.1", "第一版", [])), null, false, "tester");

        var second = await _service.StoreDraftAsync(_finance, 113, Content(("1.2", "第二版", [])), null, false, "tester");

        Assert.Equal([PlanMessages.AlreadyExists], second.Errors);
        var plan = await new PlanQueries(_database.Factory).GetAsync(first.Id!.Value);
        Assert.Equal("第一版", Assert.Single(plan!.FocusPoints).Title);
    }

    [Fact]
    public async Task StoreDraftAsync_ReplaceSubmittedPlan_ReplacesContentAndReturnsToDraft()
    {
        var first = await _service.StoreDraftAsync(_finance, 113, Content(("1.1", "第一版", [])), null, false, "tester");
        await _service.ChangeStatusAsync(first.Id!.Value, 1, PlanAction.Submit, null, "staff");

        var replaced = await _service.StoreDraftAsync(_finance, 113, Content(("2.1", "第二版", [])), null, replace: true, "tester");

        Assert.Equal(first.Id, replaced.Id);
        var plan = await new PlanQueries(_database.Factory).GetAsync(first.Id.Value);
        Assert.Equal("2.1", Assert.Single(plan!.FocusPoints).SubItemCode);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal([PlanStatus.Submitted, PlanStatus.Draft], plan.History.Select(h => h.To));
    }

    [Fact]
    public async Task StoreDraftAsync_InvalidContent_IsRefusedAndNothingStored()
    {
        var content = Content(("1.1", "標準作業流程", []), ("9.9", "不存在的子項目", []));
        content.NotApplicable.Add(new NotApplicableInput { SubItemCode = "3.2", Reason = "  " });
        content.NotApplicable.Add(new NotApplicableInput { SubItemCode = "1.1", Reason = "已有執行重點卻又宣告不適用" });

        var result = await _service.StoreDraftAsync(_finance, 113, content, null, false, "tester");

        Assert.Equal(
            new[] { PlanMessages.SubItemUnknown, PlanMessages.ReasonRequired, PlanMessages.DeclaredAndCovered }.Order(),
            result.Errors.Order());
        await using var db = _database.Open();
        Assert.False(await db.Plans.AnyAsync());
    }

    [Fact]
    public async Task StoreDraftAsync_PreambleCodeOfLeap_IsAccepted_ButNotForRefine()
    {
        var leap = await _service.StoreDraftAsync(_finance, 113, Content(("0", "訂定計畫", [])), null, false, "tester");
        var refine = await _service.StoreDraftAsync(_finance, 105, Content(("0", "訂定計畫", [])), null, false, "tester");

        Assert.True(leap.Succeeded);
        Assert.Equal([PlanMessages.SubItemUnknown], refine.Errors);
    }

    [Fact]
    public async Task SaveContentAsync_TwoEditorsOnTheSameVersion_SecondIsRefusedWithConflict()
    {
        var stored = await _service.StoreDraftAsync(_finance, 113, Content(("1.1", "原稿", [])), null, false, "tester");
        var planId = stored.Id!.Value;
        var version = (await new PlanQueries(_database.Factory).GetAsync(planId))!.Version;

        var first = await _service.SaveContentAsync(planId, version, Content(("1.1", "甲的修改", [])));
        var second = await _service.SaveContentAsync(planId, version, Content(("1.1", "乙的修改", [])));

        Assert.True(first.Succeeded);
        Assert.Equal([PlanMessages.Conflict], second.Errors);
        Assert.Equal("甲的修改", Assert.Single((await new PlanQueries(_database.Factory).GetAsync(planId))!.FocusPoints).Title);
    }

    [Fact]
    public async Task SaveContentAsync_UnitStaff_ChangeOwnPointsOnlyAndNothingElseIsStored()
    {
        var planId = (await _service.StoreDraftAsync(_finance, 113,
            Content(("1.1", "菸酒查緝", ["菸酒管理科"]), ("1.2", "公有財產標租", ["非公用財產管理科"])), null, false, "tester")).Id!.Value;
        int unit;
        await using (var db = _database.Open())
        {
            unit = await db.Units.Where(u => u.AgencyId == _finance && u.Name == "菸酒管理科").Select(u => u.Id).SingleAsync();
        }

        var queries = new PlanQueries(_database.Factory);
        PlanContentInput Edit(PlanView plan, string ownTitle, string otherTitle) => new()
        {
            Title = plan.Title,
            FocusPoints = plan.FocusPoints.Select(p => new FocusPointInput
            {
                Id = p.Id, SubItemCode = p.SubItemCode, Title = p.SubItemCode == "1.1" ? ownTitle : otherTitle,
                UnitNames = p.Units.Select(u => u.Name).ToList(),
            }).ToList(),
        };

        var plan = (await queries.GetAsync(planId))!;
        var outside = await _service.SaveContentAsync(planId, plan.Version, Edit(plan, "菸酒查緝", "偷改別人的"), unit);
        var own = await _service.SaveContentAsync(planId, plan.Version, Edit(plan, "菸酒查緝（每季）", "公有財產標租"), unit);

        Assert.Equal([PlanMessages.UnitScope], outside.Errors);
        Assert.True(own.Succeeded, string.Join(", ", own.Errors));
        Assert.Equal(["菸酒查緝（每季）", "公有財產標租"], (await queries.GetAsync(planId))!.FocusPoints.Select(p => p.Title));
    }

    [Fact]
    public async Task ChangeStatusAsync_SubmitReturnResubmitApprove_RecordsEachStep()
    {
        var planId = (await _service.StoreDraftAsync(_finance, 113, Content(("1.1", "原稿", [])), null, false, "tester")).Id!.Value;

        Assert.True((await _service.ChangeStatusAsync(planId, 1, PlanAction.Submit, null, "staff")).Succeeded);
        Assert.Equal([PlanMessages.CommentRequired], (await _service.ChangeStatusAsync(planId, 2, PlanAction.Return, " ", "reviewer")).Errors);
        Assert.True((await _service.ChangeStatusAsync(planId, 2, PlanAction.Return, "請補充 3.2 的理由", "reviewer")).Succeeded);
        Assert.Equal([PlanMessages.NotAllowed], (await _service.ChangeStatusAsync(planId, 3, PlanAction.Approve, null, "reviewer")).Errors);
        Assert.True((await _service.ChangeStatusAsync(planId, 3, PlanAction.Submit, null, "staff")).Succeeded);
        Assert.True((await _service.ChangeStatusAsync(planId, 4, PlanAction.Approve, null, "reviewer")).Succeeded);

        var plan = await new PlanQueries(_database.Factory).GetAsync(planId);
        Assert.Equal(PlanStatus.Approved, plan!.Status);
        Assert.Equal(
            [(PlanStatus.Draft, PlanStatus.Submitted, "staff", (string?)null), (PlanStatus.Submitted, PlanStatus.Returned, "reviewer", "請補充 3.2 的理由"),
             (PlanStatus.Returned, PlanStatus.Submitted, "staff", null), (PlanStatus.Submitted, PlanStatus.Approved, "reviewer", null)],
            plan.History.Select(h => (h.From, h.To, h.By, h.Comment)));
    }

    [Fact]
    public async Task SaveContentAsync_SubmittedPlan_IsNotEditable()
    {
        var planId = (await _service.StoreDraftAsync(_finance, 113, Content(("1.1", "原稿", [])), null, false, "tester")).Id!.Value;
        await _service.ChangeStatusAsync(planId, 1, PlanAction.Submit, null, "staff");

        var result = await _service.SaveContentAsync(planId, 2, Content(("1.1", "偷改", [])));

        Assert.Equal([PlanMessages.NotEditable], result.Errors);
    }

    [Fact]
    public async Task ChangeStatusAsync_Submit_SettlesThePlanObligationWithTheSubmissionDate()
    {
        var planId = (await _service.StoreDraftAsync(_finance, 113, Content(("1.1", "原稿", [])), null, false, "tester")).Id!.Value;
        var before = await PlanObligationAsync(_finance, "plans");
        _database.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 12, 10, 0, 0, TimeSpan.FromHours(8)));

        await _service.ChangeStatusAsync(planId, 1, PlanAction.Submit, null, "秘書室承辦");

        var after = await PlanObligationAsync(_finance, "plans");
        Assert.Equal(ObligationResolution.Pending, before.Resolution);
        Assert.Equal((ObligationResolution.Done, "計畫已提送（113/04/12）", "秘書室承辦"), (after.Resolution, after.Evidence, after.ResolvedBy));
    }

    [Fact]
    public async Task StoreDraftAsync_PointsWithCadences_BecomeObligationsOfTheirUnit()
    {
        var content = Content(("1.1", "電話禮貌測試", ["秘書室"]), ("2.1", "環境檢查", ["總務科"]), ("3.1", "每日巡檢", ["秘書室"]));
        content.FocusPoints[0].Cadences = ["每季"];
        content.FocusPoints[1].Cadences = ["每年至少1次", "每4年1次"];
        content.FocusPoints[2].Cadences = ["每日"];

        await _service.StoreDraftAsync(_finance, 113, content, null, false, "tester");

        await using var db = _database.Open();
        var commitments = await db.Obligations.Where(o => o.AgencyId == _finance && o.Kind == ObligationKind.Commitment).OrderBy(o => o.Title).ThenBy(o => o.DueOn).ToListAsync();
        Assert.Equal(
            [("環境檢查（每4年1次）", "總務科", new DateOnly(2027, 12, 31)), ("環境檢查（每年至少1次）", "總務科", new DateOnly(2024, 12, 31)),
             ("電話禮貌測試（每季）（第1期）", "秘書室", new DateOnly(2024, 3, 31)), ("電話禮貌測試（每季）（第2期）", "秘書室", new DateOnly(2024, 6, 30)),
             ("電話禮貌測試（每季）（第3期）", "秘書室", new DateOnly(2024, 9, 30)), ("電話禮貌測試（每季）（第4期）", "秘書室", new DateOnly(2024, 12, 31))],
            commitments.Select(o => (o.Title, o.UnitName!, o.DueOn)));
    }

    [Fact]
    public async Task ChangeStatusAsync_LastSubordinatePlanApproved_SettlesTheParentsReview()
    {
        await using (var db = _database.Open())
        {
            var year = 2024;
            var active = (await db.Agencies.Where(a => a.ParentId == _finance).ToListAsync()).Where(a => a.IsActiveIn(year)).Select(a => a.Name).Order().ToList();
            Assert.Equal(["高雄市政府財政局動產質借所", "高雄市稅捐稽徵處"], active);
        }

        var pawnshop = await AgencyIdAsync("高雄市政府財政局動產質借所");
        var tax = await AgencyIdAsync("高雄市稅捐稽徵處");
        var first = (await _service.StoreDraftAsync(pawnshop, 113, Content(("1.1", "質借所", [])), null, false, "質借所")).Id!.Value;
        var second = (await _service.StoreDraftAsync(tax, 113, Content(("1.1", "稅捐處", [])), null, false, "稅捐處")).Id!.Value;
        foreach (var id in new[] { first, second })
        {
            await _service.ChangeStatusAsync(id, 1, PlanAction.Submit, null, "staff");
        }

        await _service.ChangeStatusAsync(first, 2, PlanAction.Approve, null, "財政局");
        var halfway = await PlanObligationAsync(_finance, "plans:review");
        await _service.ChangeStatusAsync(second, 2, PlanAction.Approve, null, "財政局");
        var done = await PlanObligationAsync(_finance, "plans:review");

        Assert.Equal(ObligationResolution.Pending, halfway.Resolution);
        Assert.Equal((ObligationResolution.Done, "所屬機關工作計畫均已核定（113/03/15）"), (done.Resolution, done.Evidence));
    }

    private async Task<int> AgencyIdAsync(string name)
    {
        await using var db = _database.Open();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    private async Task<Obligation> PlanObligationAsync(int agencyId, string key)
    {
        await new ObligationService(_database.Factory, _database.Clock).SyncYearAsync(113);
        await using var db = _database.Open();
        return await db.Obligations.AsNoTracking().SingleAsync(o => o.AgencyId == agencyId && o.RocYear == 113 && o.Key == key);
    }
}
