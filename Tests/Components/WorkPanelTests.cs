using Bunit;
using HighServiceDashboard.App.Components.Pages;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Programme;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Components;

/// <summary>The home page's work panel, as the commission and as an agency head see it.</summary>
public class WorkPanelTests : BunitTestBase
{
    protected override void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton<ObligationService>();
        services.AddSingleton<WorkSummaryQueries>();
        services.AddSingleton<PlanQueries>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<AgencyDirectory>();
    }

    [Fact]
    public async Task AgencyHead_SeesTheBureauAndItsSubordinates_AndThatItsPlanIsNotMadeYet()
    {
        await SignInAsync("高雄市政府財政局", Role.AgencyHead, "finance.head");
        Database.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(8)));

        var panel = Context.Render<WorkPanel>(p => p.Add(x => x.RocYear, 113));

        panel.WaitForAssertion(() => Assert.Equal("高雄市政府財政局及所屬 2 個機關", panel.Find("[data-testid=work-scope]").TextContent));
        Assert.Contains("本機關113年度計畫", panel.Find("[data-testid=own-plan]").TextContent);
        Assert.Contains("尚未建立", panel.Find("[data-testid=own-plan]").TextContent);
        Assert.Equal("plans/import", panel.Find("[data-testid=work-plans] a").GetAttribute("href"));
        // Late on 2 May: the three plans of the bureau and its two offices, and the bureau's review of them.
        Assert.Equal("逾期 4", panel.Find("[data-testid=work-late]").TextContent.Trim());
        Assert.Contains("提送113年度提升服務執行計畫", panel.Find("[data-testid=work-next]").TextContent);
    }

    [Fact]
    public void Commission_SeesTheWholeCityWithoutAnOwnPlan()
    {
        var panel = Context.Render<WorkPanel>(p => p.Add(x => x.RocYear, 113));

        panel.WaitForAssertion(() => Assert.Equal("全市 91 個機關", panel.Find("[data-testid=work-scope]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=own-plan]"));
        Assert.Contains("尚無計畫91", panel.Find("[data-testid=plan-counts]").TextContent.Replace(" ", "").Replace("\n", ""));
    }
}
