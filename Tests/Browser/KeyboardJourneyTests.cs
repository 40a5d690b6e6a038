using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>
/// The dashboard walked with the keyboard alone: no click, no fill, only key presses. Each step is
/// a method so that the coverage steps (open an agency's coverage, a sub-item's focus points) slot
/// in once those pages exist.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        // The Transport Bureau's plan of 105 (the project's own fixture), for the coverage steps.
        var import = _factory.Services.GetRequiredService<PlanImportService>();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", "refine-plan.txt");
        var preview = await import.PreviewAsync(await File.ReadAllBytesAsync(file), "refine-plan.txt", new PlanImportOptions(), PlanImportService.CommandLine);
        var stored = await import.StoreAsync(preview, PlanImportService.ToContent(preview.Reading!), replace: false, "fixture");
        Assert.True(stored.Succeeded, string.Join(", ", stored.Errors));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Journey_KeyboardOnly_SkipsChoosesYearReadsSubItemOpensAgency()
    {
        var page = await browser.OpenAsync(_baseUrl, "/");
        await PageSettling.SettleAsync(page);
        var keys = new KeyboardWalker(page);

        await SkipToContentAsync(page, keys);
        await ChooseYearAsync(page, keys, "民國105年");
        await OpenFrameworksAndReadSubItemAsync(page, keys);
        await OpenAgencyAsync(page, keys, "財政局", "高雄市政府財政局");
        await OpenCoverageCellAsync(page, keys, "交通局", "高雄市政府交通局");
    }

    /// <summary>The heatmap by keyboard: search the agency, Tab to its first sub-item's cell, Enter opens its focus points, Escape gives the focus back.</summary>
    private static async Task OpenCoverageCellAsync(IPage page, KeyboardWalker keys, string search, string name)
    {
        await keys.MoveFocusToAsync(page.GetByRole(AriaRole.Link, new() { Name = "涵蓋情形", Exact = true }), "the Coverage link", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/coverage");
        await PageSettling.SettleAsync(page);

        await keys.MoveFocusToAsync(page.GetByLabel("搜尋機關名稱"), "the heatmap's agency search");
        await page.Keyboard.TypeAsync(search);
        var rows = page.Locator("[data-testid=heatmap] tbody tr th a");
        await Assertions.Expect(rows).ToHaveTextAsync([name]);

        var cell = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^{name} 1\\.1：") });
        await keys.MoveFocusToAsync(cell, $"{name}'s cell of 1.1");
        await keys.AssertFocusVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("cell-status")).ToHaveTextAsync("已涵蓋");
        await Assertions.Expect(dialog.GetByTestId("cell-points").Locator("li").First).ToBeVisibleAsync();
        await keys.ExpectFocusInDialogAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(cell).ToBeFocusedAsync();
    }

    private static async Task SkipToContentAsync(IPage page, KeyboardWalker keys)
    {
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(".skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await keys.AssertFocusVisibleAsync();

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }

    private static async Task ChooseYearAsync(IPage page, KeyboardWalker keys, string year)
    {
        await keys.MoveFocusIntoAsync(page.GetByTestId("year-selector"), "the year selector", backwards: true);
        await keys.AssertFocusVisibleAsync();

        await page.Keyboard.PressAsync("Enter");
        var option = page.GetByRole(AriaRole.Option, new() { Name = year, Exact = true });
        await Assertions.Expect(option).ToBeVisibleAsync();
        for (var i = 0; i < 30 && !await IsActiveOptionAsync(option); i++)
        {
            // Each press moves the highlight on the server; the next waits until the list shows it,
            // or a late press would move the value itself after Enter has closed the list.
            var before = await page.EvaluateAsync<string>(OptionsState);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForFunctionAsync($"before => ({OptionsState})() !== before", before, new() { Timeout = 10_000 });
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(year);
    }

    private static async Task OpenFrameworksAndReadSubItemAsync(IPage page, KeyboardWalker keys)
    {
        await keys.MoveFocusToAsync(page.GetByRole(AriaRole.Link, new() { Name = "執行要項架構", Exact = true }), "the Frameworks link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/frameworks");
        await Assertions.Expect(page.GetByTestId("framework-name")).ToHaveTextAsync("政府服務創新精進方案");

        var firstTable = page.GetByRole(AriaRole.Region).Filter(new() { Has = page.GetByRole(AriaRole.Table) }).First;
        await keys.MoveFocusToAsync(firstTable, "the first pillar's table of sub-items");
        await keys.AssertFocusVisibleAsync();

        var row = firstTable.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "1.1", Exact = true }) });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell)).Not.ToBeEmptyAsync();
    }

    private static async Task OpenAgencyAsync(IPage page, KeyboardWalker keys, string search, string name)
    {
        await keys.MoveFocusToAsync(page.GetByRole(AriaRole.Link, new() { Name = "機關", Exact = true }), "the Agencies link", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/agencies");

        await keys.MoveFocusToAsync(page.GetByLabel("搜尋機關名稱"), "the agency search");
        await page.Keyboard.TypeAsync(search);
        var link = page.GetByTestId("agency-tree").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();

        await keys.MoveFocusToAsync(link, name);
        await keys.AssertFocusVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("agency-name")).ToHaveTextAsync(name);
    }

    /// <summary>What the open list shows of each option: its classes and whether it has the focus.</summary>
    private const string OptionsState =
        "() => [...document.querySelectorAll('[role=option]')].map(o => o.className + (o.getAttribute('aria-selected') ?? '') + (o === document.activeElement || o.contains(document.activeElement))).join('|')";

    private static Task<bool> IsActiveOptionAsync(ILocator option) =>
        option.EvaluateAsync<bool>("o => o.classList.contains('mud-selected-item') || o.getAttribute('aria-selected') === 'true' || o.classList.contains('mud-list-item-active') || o === document.activeElement || o.contains(document.activeElement)");
}
