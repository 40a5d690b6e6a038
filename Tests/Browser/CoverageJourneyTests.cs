using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>The commission's first question: open the heatmap, narrow it to one parent agency, open a cell's focus points.</summary>
[Collection(BrowserCollection.Name)]
public class CoverageJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Pawnshop = "高雄市政府財政局動產質借所";
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";
    private IPage? _page;

    public async Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var finance = CoveragePlans.LeapExcept("6.4");
        finance["1.1"] = 2;
        await CoveragePlans.AddAsync(contexts, Finance, 113, finance);
        await CoveragePlans.AddAsync(contexts, Pawnshop, 113, CoveragePlans.LeapExcept("3.2", "3.3"),
            new Dictionary<string, string> { ["3.2"] = "辦理質借業務，尚無提供線上申辦服務", ["3.3"] = "業務性質特殊" });
    }

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Heatmap_FilterToFinanceClickCells_ShowsFocusPointsAndReasonThenFocusReturns()
    {
        var page = _page = await browser.OpenAsync(_baseUrl, "/coverage");
        await Assertions.Expect(page.GetByTestId("row-count")).ToHaveTextAsync("顯示 91 個機關（共 91 個）");

        await page.GetByTestId("filter-parent").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = Finance, Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("row-count")).ToHaveTextAsync("顯示 3 個機關（共 91 個）");
        var rows = page.Locator("[data-testid=heatmap] tbody tr th a");
        await Assertions.Expect(rows).ToHaveTextAsync([Finance, "高雄市稅捐稽徵處", Pawnshop]);

        var cell = page.GetByRole(AriaRole.Button, new() { Name = "高雄市政府財政局 1.1：已涵蓋（2 項執行重點）" });
        await cell.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("cell-points").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(dialog.GetByTestId("cell-points")).ToContainTextAsync("1.1之重點1");
        await Assertions.Expect(dialog.GetByTestId("cell-points")).ToContainTextAsync("秘書室");
        await Assertions.Expect(dialog.GetByTestId("cell-status")).ToHaveTextAsync("已涵蓋");

        await new KeyboardWalker(page).ExpectFocusInDialogAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(cell).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "高雄市政府財政局動產質借所 3.2：不適用" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("cell-reason")).ToContainTextAsync("辦理質借業務，尚無提供線上申辦服務");
        await page.GetByTestId("cell-close").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Heatmap_TypeInSearch_KeepsMatchingAgencies()
    {
        var page = _page = await browser.OpenAsync(_baseUrl, "/coverage");

        await page.GetByTestId("filter-search").PressSequentiallyAsync("動產");

        await Assertions.Expect(page.GetByTestId("row-count")).ToHaveTextAsync("顯示 1 個機關（共 91 個）");
        await Assertions.Expect(page.Locator("[data-testid=heatmap] tbody tr th a")).ToHaveTextAsync([Pawnshop]);
    }
}
