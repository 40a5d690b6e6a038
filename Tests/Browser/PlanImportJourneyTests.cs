using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PlanImportJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", name);

    [Fact]
    public async Task Import_UploadCorrectGuessSave_ShowsThePlanPage()
    {
        var page = await browser.OpenAsync(_baseUrl, "/plans/import");

        await page.GetByTestId("plan-files").SetInputFilesAsync(Fixture("lost-label-guess.txt"));

        var item = page.GetByTestId("import-item");
        await Assertions.Expect(item.GetByTestId("import-agency")).ToHaveTextAsync("高雄市鳳山區衛生所");
        await Assertions.Expect(item.GetByTestId("import-guesses")).ToContainTextAsync("推測 1 項");
        await item.GetByTestId("review").ClickAsync();
        var guessRow = item.Locator("tr.is-guess");
        await Assertions.Expect(guessRow).ToHaveCountAsync(1);
        await guessRow.GetByTestId("confirm-guess").ClickAsync();
        await Assertions.Expect(item.GetByTestId("import-guesses")).ToContainTextAsync("推測 0 項");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "hsd-import-review.png"), FullPage = true });

        await item.GetByTestId("store").ClickAsync();
        await Assertions.Expect(item.GetByTestId("stored")).ToBeVisibleAsync();
        await item.GetByTestId("open-plan").ClickAsync();

        await Assertions.Expect(page.GetByTestId("plan-heading")).ToContainTextAsync("鳳山區衛生所");
        await Assertions.Expect(page.GetByTestId("guess-chip")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("草稿");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "hsd-plan-page.png"), FullPage = true });
    }

    [Fact]
    public async Task Import_BinaryFile_IsRefusedWithItsFinding()
    {
        var page = await browser.OpenAsync(_baseUrl, "/plans/import");
        var bad = Path.Combine(_factory.DataFolder, "broken.txt");
        await File.WriteAllBytesAsync(bad, [0x00, 0x13, 0x37, 0x00, 0xFF, 0x00]);

        await page.GetByTestId("plan-files").SetInputFilesAsync(bad);

        var item = page.GetByTestId("import-item");
        await Assertions.Expect(item.GetByTestId("cannot-store")).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByTestId("findings")).ToContainTextAsync("BINARY_FILE");
        await Assertions.Expect(item.GetByTestId("store")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Editor_AddPointToMissingSubItemAndSave_PlanShowsItCovered()
    {
        var planId = await StoreFixtureAsync("lost-label-guess.txt");
        var page = await browser.OpenAsync(_baseUrl, $"/plans/{planId}");
        await Assertions.Expect(page.GetByTestId("missing-1.1")).ToBeVisibleAsync();

        await page.GetByTestId("edit-plan").ClickAsync();
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("editor-1.1").GetByTestId("add-point").ClickAsync();
        await page.GetByTestId("editor-1.1").GetByLabel("執行重點標題").FillAsync("標準作業流程公開");
        await page.GetByTestId("save-plan").ClickAsync();

        await page.WaitForURLAsync($"**/plans/{planId}");
        await Assertions.Expect(page.GetByTestId("plan-row-1.1")).ToContainTextAsync("標準作業流程公開");
        await Assertions.Expect(page.GetByTestId("missing-1.1")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Editor_EmptyTitle_IsRefusedWithTheMessage()
    {
        var planId = await StoreFixtureAsync("lost-label-guess.txt");
        var page = await browser.OpenAsync(_baseUrl, $"/plans/{planId}/edit");

        await page.GetByTestId("editor-1.2").GetByTestId("add-point").ClickAsync();
        await page.GetByTestId("save-plan").ClickAsync();

        await Assertions.Expect(page.GetByTestId("editor-errors")).ToContainTextAsync("請輸入執行重點的標題。");
        await page.GotoAsync($"/plans/{planId}");
        await Assertions.Expect(page.GetByTestId("missing-1.2")).ToBeVisibleAsync();
    }

    [SeedFact]
    public async Task Import_FourSamplePlansAtOnce_EachStoredWithItsCoverage()
    {
        var page = await browser.OpenAsync(_baseUrl, "/plans/import");
        string[] files = ["finance-bureau-113.txt", "niaosong-district-113.txt", "pawnshop-114.txt", "public-works-bureau-105.txt"];

        await page.GetByTestId("plan-files").SetInputFilesAsync(files.Select(SeedPlans.Path));

        var items = page.GetByTestId("import-item");
        await Assertions.Expect(items).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("import-coverage")).ToHaveCountAsync(4);
        foreach (var (agency, coverage) in new[]
        {
            ("高雄市政府財政局", "已涵蓋 22、不適用 0、未涵蓋 0"),
            ("高雄市鳥松區公所", "已涵蓋 22、不適用 0、未涵蓋 0"),
            ("高雄市政府財政局動產質借所", "已涵蓋 20、不適用 2、未涵蓋 0"),
            ("高雄市政府工務局", "已涵蓋 24、不適用 0、未涵蓋 0"),
        })
        {
            var item = items.Filter(new() { Has = page.GetByTestId("import-agency").GetByText(agency, new() { Exact = true }) });
            await Assertions.Expect(item.GetByTestId("import-coverage")).ToHaveTextAsync(coverage);
            await item.GetByTestId("store").ClickAsync();
            await Assertions.Expect(item.GetByTestId("stored")).ToBeVisibleAsync();
        }

        await page.GotoAsync("/plans");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("year-selector").Locator(".mud-select-input").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "民國114年" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "高雄市政府財政局動產質借所" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("na-3.2")).ToContainTextAsync("尚無提供線上申辦服務");
        await Assertions.Expect(page.GetByTestId("na-3.3")).ToContainTextAsync("全程整合服務");
        await Assertions.Expect(page.Locator("[data-testid^=missing-]")).ToHaveCountAsync(0);
    }

    private async Task<int> StoreFixtureAsync(string name)
    {
        var import = _factory.Services.GetRequiredService<HighServiceDashboard.Infrastructure.Plans.PlanImportService>();
        var preview = await import.PreviewAsync(await File.ReadAllBytesAsync(Fixture(name)), name, new(), HighServiceDashboard.Infrastructure.Plans.PlanImportService.CommandLine);
        var result = await import.StoreAsync(preview, HighServiceDashboard.Infrastructure.Plans.PlanImportService.ToContent(preview.Reading!), false, "test");
        return result.Id!.Value;
    }
}
