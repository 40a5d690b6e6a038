using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Results;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>
/// The Finance Bureau's results page as each person is served it: its plan of 113 has 1.1 by
/// 菸酒管理科 (the unit of finance.staff) and 2.1 by 秘書室.
/// </summary>
public sealed class ResultsPageTests : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private int _bureau;

    public async Task InitializeAsync()
    {
        _bureau = await _factory.AgencyIdAsync("高雄市政府財政局");
        var content = new PlanContentInput
        {
            Title = "高雄市政府財政局113年度提升服務計畫",
            FocusPoints =
            [
                new FocusPointInput { SubItemCode = "1.1", Title = "菸酒管理流程檢討", UnitNames = ["菸酒管理科"] },
                new FocusPointInput { SubItemCode = "2.1", Title = "秘書室服務品質", UnitNames = ["秘書室"] },
            ],
        };
        await _factory.Services.GetRequiredService<PlanService>().StoreDraftAsync(_bureau, 113, content, null, replace: false, "fixture");
        foreach (var name in new[] { "高雄市稅捐稽徵處", "高雄市政府財政局動產質借所" })
        {
            var id = await _factory.AgencyIdAsync(name);
            _subordinates[name] = id;
            var plan = new PlanContentInput { Title = $"{name}113年度提升服務工作計畫", FocusPoints = [new FocusPointInput { SubItemCode = "1.1", Title = "檢討作業流程" }] };
            await _factory.Services.GetRequiredService<PlanService>().StoreDraftAsync(id, 113, plan, null, replace: false, "fixture");
        }
    }

    private readonly Dictionary<string, int> _subordinates = [];

    private async Task StepAsync(int agency, ResultsAction action, string by, string? comment = null)
    {
        var results = _factory.Services.GetRequiredService<ResultsService>();
        var view = (await _factory.Services.GetRequiredService<ResultsQueries>().GetAsync(agency, 113))!;
        var done = await results.ChangeStatusAsync(agency, 113, view.Version, action, comment, by);
        Assert.True(done.Succeeded, string.Join(", ", done.Errors));
    }

    private async Task WriteAsync(int agency, string by)
    {
        var view = (await _factory.Services.GetRequiredService<ResultsQueries>().GetAsync(agency, 113))!;
        var input = new ResultsContentInput { Summary = "總結", Items = view.Items.ToDictionary(i => i.Code, i => "已完成") };
        var saved = await _factory.Services.GetRequiredService<ResultsService>().SaveAsync(agency, 113, view.Version, input, by);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> PageAsync(string user)
    {
        using var client = await _factory.SignedInClientAsync(user);
        return await client.GetStringAsync($"/results/agencies/{_bureau}?year=113");
    }

    [Fact]
    public async Task FinanceBureau_SubordinatesSubmitAndTheBureauForwards_TheCommissionSeesAllOfItAndTheScheduleDone()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        var tax = _subordinates["高雄市稅捐稽徵處"];
        var pawnshop = _subordinates["高雄市政府財政局動產質借所"];
        await WriteAsync(tax, "tax.coordinator");
        await StepAsync(tax, ResultsAction.Submit, "tax.coordinator");
        await StepAsync(tax, ResultsAction.Return, "finance.coordinator", "請補充數據");
        await WriteAsync(tax, "tax.coordinator");
        await StepAsync(tax, ResultsAction.Submit, "tax.coordinator");
        await StepAsync(tax, ResultsAction.Accept, "finance.coordinator");
        await WriteAsync(pawnshop, "pawnshop.coordinator");
        await StepAsync(pawnshop, ResultsAction.Submit, "pawnshop.coordinator");
        await StepAsync(pawnshop, ResultsAction.Accept, "finance.head");
        await WriteAsync(_bureau, "finance.coordinator");
        await StepAsync(_bureau, ResultsAction.Submit, "finance.coordinator", "彙送");

        using var reviewer = await _factory.SignedInClientAsync("reviewer");
        var bureauPage = await reviewer.GetStringAsync($"/results/agencies/{_bureau}?year=113");
        var list = await reviewer.GetStringAsync("/results?year=113");
        var schedule = await reviewer.GetStringAsync($"/schedule/agencies/{_bureau}?year=113");

        Assert.Contains("彙送研考會（含所屬機關）", bureauPage);
        Assert.Contains("data-testid=\"action-accept\"", bureauPage);
        Assert.Matches($"subordinate-{tax}\"[^§]*?已收件", bureauPage);
        Assert.Matches($"subordinate-{pawnshop}\"[^§]*?已收件", bureauPage);
        Assert.Matches($"results-row-{_bureau}\"[^§]*?已提送", list);
        // The agency schedule lists the bureau's and its subordinates' obligations: all three results rows are done.
        var rows = System.Text.RegularExpressions.Regex.Matches(schedule, "<tr data-testid=\"obligation-\\d+\" data-state=\"(\\w+)\">((?:(?!</tr>).)*)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Where(m => m.Groups[2].Value.Contains("提送113年度提升服務執行成果", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.Equal(["Done", "Done", "Done"], rows);

        // The bureau's results obligation and both subordinates' (to the parent) are done, none other of the results milestone is left.
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var states = await db.Obligations
            .Where(o => o.RocYear == 113 && (o.AgencyId == _bureau || o.AgencyId == tax || o.AgencyId == pawnshop) && (o.Kind == ObligationKind.ResultsSubmission || o.Kind == ObligationKind.ResultsToParent))
            .Select(o => new { o.AgencyId, o.Kind, o.Resolution }).ToListAsync();
        Assert.Equal(
            [(_bureau, ObligationKind.ResultsSubmission), (tax, ObligationKind.ResultsToParent), (pawnshop, ObligationKind.ResultsToParent)],
            states.Where(s => s.Resolution == ObligationResolution.Done).Select(s => (s.AgencyId, s.Kind)).OrderBy(s => s.AgencyId == _bureau ? 0 : s.AgencyId == tax ? 1 : 2));
        Assert.Equal(3, states.Count);
    }

    [Fact]
    public async Task Get_UnitStaff_MayWriteOnlyTheSubItemsNamingTheirUnitAndNotTheSummary()
    {
        var page = await PageAsync("finance.staff");

        Assert.Contains("data-testid=\"field-achievement-1.1\"", page);
        Assert.DoesNotContain("data-testid=\"field-achievement-2.1\"", page);
        Assert.DoesNotContain("data-testid=\"field-summary\"", page);
        Assert.DoesNotContain("data-testid=\"action-submit\"", page);
        Assert.Contains("秘書室服務品質", page);
    }

    [Fact]
    public async Task Get_AgencyHead_WritesEverySubItemAndTheSummary()
    {
        var page = await PageAsync("finance.head");

        Assert.Contains("data-testid=\"field-achievement-1.1\"", page);
        Assert.Contains("data-testid=\"field-achievement-2.1\"", page);
        Assert.Contains("data-testid=\"field-summary\"", page);
    }

    [Fact]
    public async Task Get_CommissionReviewer_ReadsButWritesNothing()
    {
        var page = await PageAsync("reviewer");

        Assert.Contains("菸酒管理流程檢討", page);
        Assert.DoesNotContain("field-achievement-", page);
        Assert.DoesNotContain("data-testid=\"upload-file\"", page);
    }
}
