using HighServiceDashboard.Tests.Support;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ShellJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Dashboard_SwitchYearThenLanguage_PageFollowsBoth()
    {
        var page = await browser.OpenAsync(_baseUrl, "/frameworks");
        var name = page.GetByTestId("framework-name");
        await Assertions.Expect(name).ToHaveTextAsync("政府服務躍升方案");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hant-TW");

        await page.GetByTestId("year-selector").Locator(".mud-select-input").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "民國105年" }).ClickAsync();

        await Assertions.Expect(name).ToHaveTextAsync("政府服務創新精進方案");
        await Assertions.Expect(page.Locator("[data-testid^=subitem-]")).ToHaveCountAsync(24);

        await page.GetByTestId("culture-switch").ClickAsync();

        // The switch reloads the page: the new document is the English one.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.WaitInteractiveAsync(page);
        // The chosen year survives the reload that the language switch makes.
        await Assertions.Expect(page.GetByTestId("framework-name")).ToHaveTextAsync("Government Service Innovation and Refinement Program");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Frameworks");
    }

    [Fact]
    public async Task AgencyTree_OpenFinanceBureau_ShowsItsUnitsAndSubordinates()
    {
        var page = await browser.OpenAsync(_baseUrl, "/agencies");

        await page.GetByLabel("搜尋機關名稱").FillAsync("財政局");
        await page.GetByRole(AriaRole.Link, new() { Name = "高雄市政府財政局", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("agency-name")).ToHaveTextAsync("高雄市政府財政局");
        await Assertions.Expect(page.GetByTestId("subordinates")).ToContainTextAsync("高雄市稅捐稽徵處");
        await Assertions.Expect(page.GetByTestId("subordinates")).ToContainTextAsync("高雄市政府財政局動產質借所");
        await Assertions.Expect(page.GetByTestId("unit-table")).ToContainTextAsync("菸酒管理科");
    }
}
