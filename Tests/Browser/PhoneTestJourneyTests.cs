using HighServiceDashboard.Tests.Support;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Browser;

/// <summary>A tester records a call with the keyboard alone (Tab, typing, Space, Enter) and finds it in the round's results.</summary>
[Collection(BrowserCollection.Name)]
public class PhoneTestJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private string _baseUrl = "";
    private IPage? _page;

    public Task InitializeAsync()
    {
        _baseUrl = _factory.StartKestrel();
        return Task.CompletedTask;
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
    public async Task Entry_KeyboardOnly_PoorCallSavedAndShownWithItsFollowUp()
    {
        var page = _page = await browser.OpenAsync(_baseUrl, "/phone-tests/new");
        await PageSettling.SettleAsync(page);
        var keys = new KeyboardWalker(page);

        await TypeIntoAsync(page, keys, "測試日期", "113/03/14");
        await TypeIntoAsync(page, keys, "時間", "09:45");

        await TypeIntoAsync(page, keys, "受測機關", "稅捐稽徵處");
        await Assertions.Expect(page.GetByTestId("phone-test-form")).ToContainTextAsync("受測機關：高雄市稅捐稽徵處");

        await TypeIntoAsync(page, keys, "受測單位", "服務科");
        await TypeIntoAsync(page, keys, "電話或分機", "07-7410141#2101");
        await TypeIntoAsync(page, keys, "測試人員", "王小明");
        // Switchboard 25 + 20, business unit 15 + 25 + 15: 10 + 10 + 10 + 15 + 10 = 55, poor and below 60.
        await TypeIntoAsync(page, keys, "總機接聽速度（滿分 25）", "10");
        await TypeIntoAsync(page, keys, "總機禮貌（滿分 20）", "10");
        await TypeIntoAsync(page, keys, "業務單位接聽速度（滿分 15）", "10");
        await TypeIntoAsync(page, keys, "業務單位禮貌（滿分 25）", "15");
        await TypeIntoAsync(page, keys, "答復內容（滿分 15）", "10");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("live-total")).ToContainTextAsync("總分 55／100");
        await Assertions.Expect(page.GetByTestId("live-total")).ToContainTextAsync("待改進");

        await keys.MoveFocusToAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "轉接超過2次" }), "the fault 轉接超過2次", backwards: true);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "轉接超過2次" })).ToBeCheckedAsync();

        await keys.MoveFocusToAsync(page.GetByTestId("save-test"), "the save button");
        await keys.AssertFocusVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("saved-message")).ToContainTextAsync("已儲存：高雄市稅捐稽徵處，55 分（待改進）");

        var results = page.GetByTestId("saved-message").GetByRole(AriaRole.Link, new() { Name = "回合結果" });
        await keys.MoveFocusToAsync(results, "the link to the round's results");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/phone-tests?round=FirstHalf");
        var row = page.GetByTestId("round-results").GetByRole(AriaRole.Row).Filter(new() { HasText = "高雄市稅捐稽徵處" });
        await Assertions.Expect(row).ToContainTextAsync("服務科");
        await Assertions.Expect(row).ToContainTextAsync("113/03/14 09:45");
        await Assertions.Expect(row).ToContainTextAsync("55/100");
        await Assertions.Expect(row).ToContainTextAsync("待改進");
        await Assertions.Expect(row).ToContainTextAsync("轉接超過2次");
        // Recorded 113/03/15 (the fake clock): the follow-up is due 30 days later.
        await Assertions.Expect(row).ToContainTextAsync("待填報（113/04/14前）");
    }

    /// <summary>Tabs to the field, selects what it holds and types over it.</summary>
    private static async Task TypeIntoAsync(IPage page, KeyboardWalker keys, string label, string text)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await keys.MoveFocusToAsync(field, label);
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.TypeAsync(text);
        await Assertions.Expect(field).ToHaveValueAsync(text);
    }
}
