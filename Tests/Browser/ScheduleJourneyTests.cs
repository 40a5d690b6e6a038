using HighServiceDashboard.Tests.Support;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>The "done when": move the plan deadline, trigger the job from the Hangfire dashboard, see the alerts, the mail and who is late.</summary>
[Collection(HangfireCollection.Name)]
public class ScheduleJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new() { WithJobs = true };
    private string _baseUrl = "";
    private IPage? _page;

    public Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Close the circuit before the host stops, or the stop waits for it.
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Schedule_MoveDeadlineToTomorrowTriggerJob_BellMailAndTimelineShowIt()
    {
        // 2024-03-15 in Taipei: the plans of 113 are due 30 April.
        var page = _page = await browser.OpenAsync(_baseUrl, "/schedule/edit");
        await page.GetByTestId("edit-plans").ClickAsync();
        var end = page.GetByLabel("截止日");
        // Typing before the form shows the chosen milestone would be overwritten by that render.
        await Assertions.Expect(end).ToHaveValueAsync("113/04/30");
        await end.FillAsync("113/03/16");
        await end.PressAsync("Tab");
        await page.GetByTestId("save-milestone").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-row-plans")).ToContainTextAsync("113/03/16");

        await page.GotoAsync("/hangfire/recurring");
        await page.Locator("input.js-jobs-list-checkbox").First.CheckAsync();
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync(),
            r => r.Url.Contains("/hangfire/recurring/trigger") && r.Status == 204);
        // The dashboard reloads itself after the command.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/alerts");
        await BrowserFixture.WaitInteractiveAsync(page);
        // 96 plans and reviews due tomorrow, and the escalation to the commission of the 70 first-level agencies'
        // results of 112 (late since 15 February, still within the 30 catch-up days on the first run). The
        // commission's page lists them all; its bell counts what is late.
        await Assertions.Expect(page.GetByTestId("alert-count")).ToHaveTextAsync("共 166 則，166 則未讀", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("aria-label", "通知（70 則未讀）");
        // The bell rings when the alerts are raised; the mails follow.
        Assert.Equal(166, await CountMailsAsync(166));

        // The bureau's coordinator: the bureau's and its two offices' reminders, and the bureau's escalation.
        var coordinator = await browser.OpenAsync(_baseUrl, "/alerts", @as: "finance.coordinator");
        await Assertions.Expect(coordinator.GetByTestId("alert-bell")).ToHaveAttributeAsync("aria-label", "通知（5 則未讀）");
        await Assertions.Expect(coordinator.GetByTestId("alerts-table")).ToContainTextAsync("明日到期");
        await Assertions.Expect(coordinator.GetByTestId("alerts-table")).ToContainTextAsync("高雄市稅捐稽徵處");
        Assert.DoesNotContain("高雄市政府工務局", await coordinator.GetByTestId("alerts-table").InnerTextAsync());
        await coordinator.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("alert-bell")).ToHaveAttributeAsync("aria-label", "通知（0 則未讀）");
        await coordinator.Context.CloseAsync();

        // Three days on, nobody has submitted: the timeline lists the late agencies.
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        // The sign-in of three days ago has run out (8 hours): sign in again.
        await BrowserFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/schedule");
        await BrowserFixture.WaitInteractiveAsync(page);
        var plans = page.GetByTestId("milestone-plans");
        await Assertions.Expect(plans.GetByTestId("count-late")).ToHaveTextAsync("逾期 91");
        await plans.Locator("summary").ClickAsync();
        await Assertions.Expect(plans.GetByTestId("late-list")).ToContainTextAsync("高雄市稅捐稽徵處 — 逾期 2 日");
    }

    /// <summary>The .eml files in the mail folder, waiting (at most a minute) until there are <paramref name="expected"/>.</summary>
    private async Task<int> CountMailsAsync(int expected)
    {
        var folder = Path.Combine(_factory.DataFolder, "mail");
        var count = 0;
        for (var i = 0; i < 600 && count < expected; i++, await Task.Delay(100))
        {
            count = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0;
        }

        return count;
    }
}
