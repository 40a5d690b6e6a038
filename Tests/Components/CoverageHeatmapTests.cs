using Bunit;
using HighServiceDashboard.App.Components.Pages.Coverage;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Infrastructure.Coverage;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HighServiceDashboard.Tests.Components;

public class CoverageHeatmapTests : BunitTestBase
{
    private const string Finance = "高雄市政府財政局";
    private const string Pawnshop = "高雄市政府財政局動產質借所";

    protected override void RegisterServices(IServiceCollection services) => services.AddSingleton<CoverageService>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CoveragePlans.AddAsync(Database.Factory, Finance, 113, CoveragePlans.LeapExcept("6.4"));
        await CoveragePlans.AddAsync(Database.Factory, Pawnshop, 113, CoveragePlans.LeapExcept("3.2", "3.3"),
            new Dictionary<string, string> { ["3.2"] = "無線上申辦", ["3.3"] = "無跨機關服務" });
    }

    private int IdOf(string name)
    {
        using var db = Database.Open();
        return db.Agencies.Single(a => a.Name == name).Id;
    }

    private IRenderedComponent<CoverageHeatmap> Render()
    {
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<CoverageHeatmap>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=heatmap] tbody tr")));
        return page;
    }

    [Fact]
    public void Heatmap_Cells_HaveSymbolColourClassAndWordsForEachStatus()
    {
        var page = Render();
        var finance = IdOf(Finance);
        var pawnshop = IdOf(Pawnshop);

        var covered = page.Find($"button[data-agency='{finance}'][data-code='1.1']");
        Assert.Equal("✓", covered.TextContent);
        Assert.Contains("cov-cell--covered", covered.ParentElement!.ClassName);
        Assert.Equal("高雄市政府財政局 1.1：已涵蓋（1 項執行重點）", covered.GetAttribute("aria-label"));

        var missing = page.Find($"button[data-agency='{finance}'][data-code='6.4']");
        Assert.Equal("✗", missing.TextContent);
        Assert.Contains("cov-cell--missing", missing.ParentElement!.ClassName);
        Assert.Equal("高雄市政府財政局 6.4：缺漏", missing.GetAttribute("aria-label"));

        var notApplicable = page.Find($"button[data-agency='{pawnshop}'][data-code='3.2']");
        Assert.Equal("－", notApplicable.TextContent);
        Assert.Contains("cov-cell--notapplicable", notApplicable.ParentElement!.ClassName);
        Assert.EndsWith("3.2：不適用", notApplicable.GetAttribute("aria-label"));

        // An agency without a plan: one cell saying so, no status cells.
        var works = page.Find($"tr[data-testid=row-{IdOf("高雄市政府工務局")}]");
        Assert.Contains("尚無本年度計畫", works.QuerySelector("[data-status=noplan]")!.TextContent);
        Assert.Empty(works.QuerySelectorAll("button"));
    }

    [Fact]
    public void Heatmap_Totals_RowAndColumnTotalsFromTheCells()
    {
        var page = Render();

        Assert.Equal("95%（21/22）", page.Find($"tr[data-testid=row-{IdOf(Finance)}] [data-testid=row-total]").TextContent);
        Assert.Equal("100%（20/20）", page.Find($"tr[data-testid=row-{IdOf(Pawnshop)}] [data-testid=row-total]").TextContent);
        Assert.Equal("2", page.Find("[data-testid='column-1.1']").TextContent);
        Assert.Equal("1", page.Find("[data-testid='column-3.2']").TextContent);
        Assert.Equal("1", page.Find("[data-testid='column-6.4']").TextContent);
        // 41 covered of 42 applicable.
        Assert.Equal("98%", page.Find("[data-testid=grand-total]").TextContent);
        Assert.Equal("顯示 91 個機關（共 91 個）", page.Find("[data-testid=row-count]").TextContent);
    }

    [Fact]
    public void Heatmap_OnlyGaps_HidesFullyCoveredAgencies()
    {
        var page = Render();

        page.Find("input[data-testid=filter-gaps]").Change(true);

        page.WaitForAssertion(() => Assert.Equal("顯示 90 個機關（共 91 個）", page.Find("[data-testid=row-count]").TextContent));
        Assert.Empty(page.FindAll($"tr[data-testid=row-{IdOf(Pawnshop)}]"));
        Assert.Single(page.FindAll($"tr[data-testid=row-{IdOf(Finance)}]"));
    }

    [Fact]
    public void Heatmap_Search_KeepsMatchingAgencyNames()
    {
        var page = Render();

        page.Find("input[data-testid=filter-search]").Input("財政局");
        page.Find("input[data-testid=filter-search]").Blur();

        page.WaitForAssertion(() => Assert.Equal("顯示 2 個機關（共 91 個）", page.Find("[data-testid=row-count]").TextContent), TimeSpan.FromSeconds(3));
        Assert.Equal("1", page.Find("[data-testid='column-3.2']").TextContent);
    }

    [Fact]
    public async Task Filter_ParentLevelStatusAndSort_AsAsked()
    {
        var rows = (await new CoverageService(Database.Factory, new HighServiceDashboard.Infrastructure.Identity.AccessService(Database.Factory)).GetMatrixAsync(113)).Rows;
        HeatmapFilter All() => new("", null, null, "", false, HeatmapSort.Tree);

        var underFinance = CoverageHeatmap.Filter(rows, All() with { ParentId = IdOf(Finance) }, false);
        Assert.Equal([Finance, "高雄市稅捐稽徵處", Pawnshop], underFinance.Select(r => r.Name));

        var second = CoverageHeatmap.Filter(rows, All() with { Level = AgencyLevel.SecondLevel }, false);
        Assert.Equal(21, second.Count);

        var drafts = CoverageHeatmap.Filter(rows, All() with { PlanStatus = "Draft" }, false);
        Assert.Equal([Finance, Pawnshop], drafts.Select(r => r.Name));
        Assert.Equal(89, CoverageHeatmap.Filter(rows, All() with { PlanStatus = CoverageHeatmap.NoPlanFilter }, false).Count);

        var best = CoverageHeatmap.Filter(rows, All() with { Sort = HeatmapSort.CoverageDescending }, false);
        Assert.Equal([Pawnshop, Finance], best.Take(2).Select(r => r.Name));
        var worst = CoverageHeatmap.Filter(rows, All() with { Sort = HeatmapSort.CoverageAscending }, false);
        Assert.False(worst[0].HasPlan);
        Assert.Equal(Pawnshop, worst[^1].Name);
    }
}
