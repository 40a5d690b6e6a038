using Bunit;
using HighServiceDashboard.App.Components.Pages.Frameworks;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Programme;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Components;

public class FrameworkBrowserTests : BunitTestBase
{
    protected override void RegisterServices(IServiceCollection services) => services.AddSingleton<ProgrammeService>();

    [Fact]
    public void Render_WithoutKey_ShowsTheSelectedYearsFramework()
    {
        var page = Context.Render<FrameworkBrowser>();

        page.WaitForAssertion(() => Assert.Equal("政府服務躍升方案", page.Find("[data-testid=framework-name]").TextContent));
        Assert.Equal(6, page.FindAll("[data-testid^=pillar-]").Count);
        Assert.Equal(22, page.FindAll("[data-testid^=subitem-]").Count);
        Assert.Contains("訂定機關年度提升服務計畫，具體規劃為民服務工作。", page.Find("[data-testid=preamble]").TextContent);
        Assert.Contains("掌握社經發展趨勢，專案規劃前瞻服務", page.Find("[data-testid=pillar-6]").TextContent);
    }

    [Fact]
    public void Render_YearChangedTo105_SwitchesToRefineFramework()
    {
        var page = Context.Render<FrameworkBrowser>();
        page.WaitForAssertion(() => Assert.Equal("政府服務躍升方案", page.Find("[data-testid=framework-name]").TextContent));

        Year.Set(105);

        page.WaitForAssertion(() => Assert.Equal("政府服務創新精進方案", page.Find("[data-testid=framework-name]").TextContent));
        Assert.Equal(24, page.FindAll("[data-testid^=subitem-]").Count);
        Assert.Empty(page.FindAll("[data-testid=preamble]"));
        Assert.Contains("3.5", page.Find("[data-testid=subitem-3\\.5]").TextContent);
    }

    [Fact]
    public void Render_UnknownKey_SaysSo()
    {
        var page = Context.Render<FrameworkBrowser>(p => p.Add(x => x.Key, "unknown"));

        page.WaitForAssertion(() => Assert.Contains("unknown", page.Find("[data-testid=framework-not-found]").TextContent));
    }

    [Fact]
    public async Task Render_SummaryListsTheYearsUsingTheFramework()
    {
        await using (var db = Database.Open())
        {
            var refine = await db.Frameworks.Where(f => f.Key == "refine").Select(f => f.Id).SingleAsync();
            (await db.ProgrammeYears.SingleAsync(y => y.RocYear == 108)).FrameworkId = refine;
            await db.SaveChangesAsync();
        }

        var page = Context.Render<FrameworkBrowser>(p => p.Add(x => x.Key, "refine"));

        page.WaitForAssertion(() => Assert.Contains("適用年度：105、106、107、108。", page.Find("[data-testid=framework-summary]").TextContent));
    }
}
