using HighServiceDashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>
/// An open tab follows its account (a disabled account's circuit signs out within the revalidation
/// interval, set to a second here), and the pages run under the Content-Security-Policy without a
/// violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccountRevalidationJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly QuickRevalidationFactory _factory = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact(Skip = "Written but not yet run (2026-12-02): run it before relying on it")]
    public async Task OpenTab_AdministratorDisablesTheAccount_PageLeavesForTheSignInFormAndStaysOut()
    {
        var staff = await browser.OpenAsync(_baseUrl, "/alerts", @as: "tax.coordinator");
        var admin = await browser.OpenAsync(_baseUrl, "/admin/accounts", @as: "admin");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var row = admin.GetByTestId("account-tax.coordinator");
        await row.Locator("button").Nth(2).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已停用");

        // Nobody touches the staff's tab: its circuit finds out by itself, within the interval.
        await staff.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        Assert.Contains("returnUrl=%2Falerts", staff.Url, StringComparison.Ordinal);
        // The cookie it still holds no longer opens anything.
        await staff.GotoAsync("/alerts");
        Assert.Contains("/account/login", staff.Url, StringComparison.Ordinal);
        await Assertions.Expect(admin.GetByTestId("accounts-table")).ToBeVisibleAsync();
        await staff.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact(Skip = "Written but not yet run (2026-12-02): run it before relying on it")]
    public async Task Pages_UnderTheContentSecurityPolicy_ReportNoViolation()
    {
        var violations = new List<string>();
        var page = await browser.OpenAsync(_baseUrl, "/", @as: "admin");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        // Reload the home page so that its first load is watched too.
        await page.ReloadAsync();
        await BrowserFixture.WaitInteractiveAsync(page);

        await page.GotoAsync("/coverage");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("heatmap")).ToBeVisibleAsync();
        await page.GetByTestId("year-selector").Locator(".mud-select-input").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "民國105年" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GotoAsync("/alerts");
        await BrowserFixture.WaitInteractiveAsync(page);

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    /// <summary>The dashboard with circuits revalidated every second.</summary>
    private sealed class QuickRevalidationFactory : DashboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Accounts:RevalidationInterval", "00:00:01");
        }
    }
}
