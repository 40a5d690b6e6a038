using HighServiceDashboard.Tests.Support;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>
/// A hostile upload (20,000 content controls inside each other, which once overflowed the stack and
/// took the server down) ends as a refusal on its own card, and the app goes on serving; people who
/// may not import are not offered the upload at all.
/// </summary>
[Collection(BrowserCollection.Name)]
public class HostileUploadJourneyTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Import_NestedContentControlBomb_IsRefusedOnItsCardAndTheAppGoesOn()
    {
        var page = await browser.OpenAsync(_baseUrl, "/plans/import");
        var bomb = Path.Combine(_factory.DataFolder, "nested-sdt.docx");
        await File.WriteAllBytesAsync(bomb, HostileDocuments.Build("nested-sdt.docx"));

        await page.GetByTestId("plan-files").SetInputFilesAsync(bomb);

        var item = page.GetByTestId("import-item").Filter(new() { HasText = "nested-sdt.docx" });
        await Assertions.Expect(item.GetByTestId("cannot-store")).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByTestId("findings")).ToContainTextAsync("DOCUMENT_TOO_DEEP");
        await Assertions.Expect(item.GetByTestId("findings")).ToContainTextAsync("巢狀");
        await Assertions.Expect(item.GetByTestId("store")).ToHaveCountAsync(0);

        // The same circuit reads the next document, and another page renders.
        await page.GetByTestId("plan-files").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", "lost-label-guess.txt"));
        var plan = page.GetByTestId("import-item").Filter(new() { HasText = "lost-label-guess.txt" });
        await Assertions.Expect(plan.GetByTestId("import-agency")).ToHaveTextAsync("高雄市鳳山區衛生所");

        await page.GotoAsync("/plans");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("import-plans")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=plan-list], [data-testid=no-plans]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Import_StaffWhoMayNotImport_AreNotOfferedTheUpload()
    {
        var page = await browser.OpenAsync(_baseUrl, "/plans", "finance.staff");
        await Assertions.Expect(page.Locator("[data-testid=plan-list], [data-testid=no-plans]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-plans")).ToHaveCountAsync(0);

        await page.GotoAsync("/plans/import");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("沒有權限");
        await Assertions.Expect(page.GetByTestId("plan-files")).ToHaveCountAsync(0);
    }
}
