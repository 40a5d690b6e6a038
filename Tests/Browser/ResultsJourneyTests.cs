using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>
/// The Tax Collection Office's coordinator writes its results of 113 in January of 114, attaches
/// evidence (a file that only pretends to be a PDF is refused), submits to the Finance Bureau, and
/// the schedule shows the obligation done.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ResultsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";
    private int _tax;
    private int _bureau;
    private readonly List<IPage> _pages = [];

    public async Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        _factory.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 8, 9, 0, 0, TimeSpan.FromHours(8)));
        _tax = await _factory.AgencyIdAsync("高雄市稅捐稽徵處");
        var content = new PlanContentInput
        {
            Title = "高雄市稅捐稽徵處113年度提升服務工作計畫",
            FocusPoints =
            [
                new FocusPointInput { SubItemCode = "1.1", Title = "檢討作業流程", UnitNames = ["秘書室"] },
                new FocusPointInput { SubItemCode = "2.1", Title = "提升服務品質", UnitNames = ["服務科"] },
            ],
        };
        await _factory.Services.GetRequiredService<PlanService>().StoreDraftAsync(_tax, 113, content, null, replace: false, "fixture");
        _bureau = await _factory.AgencyIdAsync("高雄市政府財政局");
        content.Title = "高雄市政府財政局113年度提升服務執行計畫";
        await _factory.Services.GetRequiredService<PlanService>().StoreDraftAsync(_bureau, 113, content, null, replace: false, "fixture");
    }

    private async Task<IPage> OpenAsync(string path, string user)
    {
        var page = await browser.OpenAsync(_baseUrl, path, @as: user);
        _pages.Add(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Submit_WithAnAttachment_ReachesTheParentAndTheObligationIsDone()
    {
        var page = await OpenAsync($"/results/agencies/{_tax}?year=113", "tax.coordinator");
        await Assertions.Expect(page.GetByTestId("results-heading")).ToContainTextAsync("高雄市稅捐稽徵處");

        await FillAsync(page, "總結", "本處113年度執行成果良好");
        await FillAsync(page, "子項目 1.1 達成情形", "完成12項作業流程檢討");
        await FillAsync(page, "子項目 2.1 達成情形", "民眾滿意度達92%");
        await page.GetByTestId("save-results").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-1.1")).ToContainTextAsync("tax.coordinator 於");

        await page.Locator("#upload-target").SelectOptionAsync("1.1");
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "流程檢討報告.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await Assertions.Expect(page.GetByTestId("item-1.1").GetByTestId("attachment-list")).ToContainTextAsync("流程檢討報告.pdf");

        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "假的.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Zip() });
        await Assertions.Expect(page.GetByTestId("results-errors")).ToContainTextAsync("假的.pdf：檔案內容與副檔名不符，未上傳。");
        await Assertions.Expect(page.GetByTestId("item-1.1").GetByTestId("attachment-list")).Not.ToContainTextAsync("假的.pdf");

        await page.GetByTestId("action-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("results-status")).ToHaveTextAsync("已提送");
        await Assertions.Expect(page.GetByTestId("results-history")).ToContainTextAsync("撰寫中 → 已提送（提送上級機關）");
        await Assertions.Expect(page.GetByTestId("field-summary")).ToHaveCountAsync(0);

        await page.GotoAsync($"/schedule/agencies/{_tax}?year=113");
        await BrowserFixture.WaitInteractiveAsync(page);
        var row = page.GetByTestId("obligations").GetByRole(AriaRole.Row).Filter(new() { HasText = "向上級機關提送113年度提升服務執行成果" });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Done");
        await Assertions.Expect(row).ToContainTextAsync("已完成");
    }

    [Fact]
    public async Task Save_TwoPeopleEditingTheSameResults_TheSecondIsToldAndKeepsWhatTheyTyped()
    {
        var coordinator = await OpenAsync($"/results/agencies/{_bureau}?year=113", "finance.coordinator");
        var head = await OpenAsync($"/results/agencies/{_bureau}?year=113", "finance.head");
        await Assertions.Expect(head.GetByTestId("save-results")).ToBeVisibleAsync();

        await FillAsync(coordinator, "子項目 1.1 達成情形", "管考承辦的版本");
        await coordinator.GetByTestId("save-results").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("item-1.1")).ToContainTextAsync("finance.coordinator 於");

        await FillAsync(head, "子項目 1.1 達成情形", "首長的版本");
        await head.GetByTestId("save-results").ClickAsync();
        await Assertions.Expect(head.GetByTestId("results-errors")).ToContainTextAsync("其他人已先儲存了這份執行成果，您的修改沒有存入。");
        await Assertions.Expect(head.GetByLabel("子項目 1.1 達成情形", new() { Exact = true })).ToHaveValueAsync("首長的版本");

        await head.GetByTestId("reload-results").ClickAsync();
        await Assertions.Expect(head.GetByLabel("子項目 1.1 達成情形", new() { Exact = true })).ToHaveValueAsync("管考承辦的版本");
        await Assertions.Expect(head.GetByTestId("results-errors")).ToHaveCountAsync(0);
    }

    /// <summary>Fills a field that binds on change, then Tabs away and waits for the value to stay, before anything beside it is clicked.</summary>
    private static async Task FillAsync(IPage page, string label, string text)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(text);
        await field.PressAsync("Tab");
        await Assertions.Expect(field).ToHaveValueAsync(text);
    }
}
