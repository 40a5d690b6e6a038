using Bunit;
using FluentValidation;
using HighServiceDashboard.App.Components.Pages.Plans;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Components;

/// <summary>A unit's staff in the plan editor: their unit's points open for editing, the rest for reading.</summary>
public class PlanEditorComponentTests : BunitTestBase
{
    private const string Finance = "高雄市政府財政局";

    protected override void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton<IValidator<FocusPointInput>, FocusPointInputValidator>();
        services.AddSingleton<ObligationService>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<PlanQueries>();
    }

    private async Task<int> StorePlanAsync()
    {
        await using var db = Database.Open();
        var finance = await db.Agencies.Where(a => a.Name == Finance).Select(a => a.Id).SingleAsync();
        var content = new PlanContentInput
        {
            Title = "財政局113年度提升服務執行計畫",
            FocusPoints =
            [
                new FocusPointInput { SubItemCode = "1.1", Title = "菸酒查緝標準作業", UnitNames = ["菸酒管理科"] },
                new FocusPointInput { SubItemCode = "1.2", Title = "公有財產標租", UnitNames = ["非公用財產管理科"] },
            ],
            NotApplicable = [new NotApplicableInput { SubItemCode = "6.4", Reason = "無此業務" }],
        };
        var stored = await Context.Services.GetRequiredService<PlanService>().StoreDraftAsync(finance, 113, content, null, replace: false, "fixture");
        return stored.Id!.Value;
    }

    [Fact]
    public async Task UnitStaff_SeeOwnPointEditableOthersReadOnly_AndSaveTheirChange()
    {
        await SignInAsync(Finance, Role.UnitStaff, "finance.staff", "菸酒管理科");
        var planId = await StorePlanAsync();

        var page = Context.Render<PlanEditor>(p => p.Add(x => x.Id, planId));

        page.WaitForAssertion(() => Assert.Contains("您是菸酒管理科的承辦人", page.Find("[data-testid=unit-scope]").TextContent));
        var editors = page.FindAll("[data-testid=point-editor]");
        Assert.Single(editors);
        Assert.Equal("菸酒查緝標準作業", editors[0].QuerySelector("input[data-testid=point-title]")!.GetAttribute("value"));
        Assert.Contains("公有財產標租", Assert.Single(page.FindAll("[data-testid=point-readonly]")).TextContent);
        Assert.Contains("無此業務", page.Find("[data-testid=na-readonly]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=declare-na]"));

        page.Find("input[data-testid=point-title]").Input("菸酒查緝標準作業（每季）");
        page.Find("[data-testid=save-plan]").Click();

        page.WaitForAssertion(() => Assert.EndsWith($"plans/{planId}", Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri));
        var plan = await Context.Services.GetRequiredService<PlanQueries>().GetAsync(planId);
        Assert.Equal(["菸酒查緝標準作業（每季）", "公有財產標租"], plan!.FocusPoints.Select(p => p.Title));
    }

    [Fact]
    public async Task Coordinator_EditsEveryPointAndDeclaration()
    {
        await SignInAsync(Finance, Role.AgencyCoordinator, "finance.coordinator");
        var planId = await StorePlanAsync();

        var page = Context.Render<PlanEditor>(p => p.Add(x => x.Id, planId));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=point-editor]").Count));
        Assert.Empty(page.FindAll("[data-testid=unit-scope]"));
        Assert.Empty(page.FindAll("[data-testid=point-readonly]"));
        Assert.Single(page.FindAll("[data-testid=na-reason]"));
    }

    [Fact]
    public async Task StaffOfAnotherAgency_GetNotFound()
    {
        await SignInAsync("高雄市政府財政局動產質借所", Role.UnitStaff, "pawnshop.staff", "業務課");
        var planId = await StorePlanAsync();

        var page = Context.Render<PlanEditor>(p => p.Add(x => x.Id, planId));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=point-editor]")));
        Assert.DoesNotContain("菸酒查緝標準作業", page.Markup);
    }
}
