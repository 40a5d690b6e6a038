using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Audit;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>What each person may do, as they would find out in the browser.</summary>
[Collection(BrowserCollection.Name)]
public class AccessJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";
    private int _worksPlan;
    private int _pawnshopPlan;

    public async Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        var plans = _factory.Services.GetRequiredService<PlanService>();
        var actor = _factory.Services.GetRequiredService<AuditActor>();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        int Id(string name) => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).Single();
        PlanContentInput Content(string title) => new() { FocusPoints = [new FocusPointInput { SubItemCode = "1.1", Title = title }] };

        _worksPlan = (await plans.StoreDraftAsync(Id("高雄市政府工務局"), 113, Content("工務局的重點"), null, false, "works.coordinator")).Id!.Value;
        actor.Set("pawnshop.coordinator");
        _pawnshopPlan = (await plans.StoreDraftAsync(Id("高雄市政府財政局動產質借所"), 113, Content("質借所的重點"), null, false, "pawnshop.coordinator")).Id!.Value;
        await plans.ChangeStatusAsync(_pawnshopPlan, 1, PlanAction.Submit, null, "pawnshop.coordinator");
        actor.Set(null);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task UnitStaff_OpensAnotherAgencysPlanByAddress_IsRefusedAndSeesNothingOfIt()
    {
        var page = await browser.OpenAsync(_baseUrl, "/", @as: "finance.staff");

        var response = await page.GotoAsync($"/plans/{_worksPlan}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("找不到頁面");
        Assert.DoesNotContain("工務局的重點", await page.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AgencyHead_ApprovesTheSubordinatesSubmittedPlan_AndItIsOnRecord()
    {
        var page = await browser.OpenAsync(_baseUrl, $"/plans/{_pawnshopPlan}", @as: "finance.head");

        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("已送審");
        // The head reviews; submitting again or editing is the subordinate's.
        await Assertions.Expect(page.GetByTestId("action-submit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("edit-plan")).ToHaveCountAsync(0);
        await page.GetByTestId("action-approve").ClickAsync();

        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("已核定");
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var change = await db.Set<PlanStatusChange>().Where(c => c.PlanId == _pawnshopPlan && c.To == PlanStatus.Approved).SingleAsync();
        Assert.Equal("finance.head", change.By);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Plan" && a.EntityKey == _pawnshopPlan.ToString() && a.Actor == "finance.head"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Coordinator_OwnSubmittedPlan_CannotApproveIt()
    {
        var page = await browser.OpenAsync(_baseUrl, $"/plans/{_pawnshopPlan}", @as: "pawnshop.coordinator");

        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("已送審");
        await Assertions.Expect(page.GetByTestId("review-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("action-approve")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("action-return")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
