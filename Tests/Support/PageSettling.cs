using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Support;

/// <summary>Waits for a Blazor page to finish drawing before something inspects it.</summary>
public static class PageSettling
{
    /// <summary>
    /// Interactive, fonts loaded, and no DOM change for a short quiet spell (renders after the first
    /// load come in bursts: the year, then the data, then MudBlazor's transitions).
    /// </summary>
    public static async Task SettleAsync(IPage page)
    {
        // The sign-in and password pages are plain forms without a circuit: nothing turns interactive there.
        if (await page.Locator("body[data-static-page=true]").CountAsync() == 0)
        {
            await BrowserFixture.WaitInteractiveAsync(page);
        }

        await page.WaitForFunctionAsync(
            """
            () => new Promise(resolve => {
                let timer;
                const done = () => { observer.disconnect(); resolve(true); };
                const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 300); });
                observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                timer = setTimeout(done, 300);
                document.fonts.ready.then(() => {});
            })
            """,
            null,
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
    }
}
