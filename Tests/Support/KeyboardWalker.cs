using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Support;

/// <summary>Moves the focus with Tab / Shift+Tab only, as a person without a mouse does.</summary>
public sealed class KeyboardWalker(IPage page)
{
    /// <summary>Tab presses allowed before a step counts the target as unreachable.</summary>
    public const int MaxPresses = 150;

    /// <summary>Presses Tab (or Shift+Tab) until the target itself has the focus.</summary>
    public Task MoveFocusToAsync(ILocator target, string what, bool backwards = false) =>
        MoveAsync(target, what, backwards, "e => e === document.activeElement");

    /// <summary>Presses Tab (or Shift+Tab) until the focus is inside the target (a widget that wraps its input).</summary>
    public Task MoveFocusIntoAsync(ILocator target, string what, bool backwards = false) =>
        MoveAsync(target, what, backwards, "e => e.contains(document.activeElement)");

    /// <summary>The focused element shows a focus ring (an outline or a box shadow), not nothing.</summary>
    public async Task AssertFocusVisibleAsync()
    {
        var ring = await page.EvaluateAsync<string>(
            """
            () => {
                const s = getComputedStyle(document.activeElement);
                return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'outline' : (s.boxShadow !== 'none' ? 'shadow' : '');
            }
            """);
        Assert.True(ring.Length > 0, $"The focused element shows no focus ring: {await DescribeFocusAsync()}");
    }

    /// <summary>
    /// Waits until the focus has entered an open dialog. A dialog takes the focus just after it is
    /// drawn; a key pressed before that goes to the page behind it (Escape would close nothing).
    /// </summary>
    public async Task ExpectFocusInDialogAsync()
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The open dialog did not take the focus; it stayed on {await DescribeFocusAsync()}");
        }
    }

    private async Task MoveAsync(ILocator target, string what, bool backwards, string reached)
    {
        var path = new List<string>();
        for (var i = 0; i < MaxPresses; i++)
        {
            if (await target.CountAsync() > 0 && await target.First.EvaluateAsync<bool>(reached))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            path.Add(await DescribeFocusAsync());
        }

        Assert.Fail($"{what} was not reached by {(backwards ? "Shift+Tab" : "Tab")} in {MaxPresses} presses; the focus went: {string.Join(" → ", path.Distinct())}");
    }

    private Task<string> DescribeFocusAsync() => page.EvaluateAsync<string>(
        """
        () => {
            const e = document.activeElement;
            if (!e) return '(nothing)';
            const label = e.getAttribute('aria-label') || (e.innerText || e.value || '').trim().slice(0, 30);
            return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : ''} "${label}"`;
        }
        """);
}
