using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.Tests.Support;
using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Accessibility;

/// <summary>
/// Every page of <see cref="PageCatalog"/> in both themes and both languages, checked by axe-core
/// against WCAG 2.1 A and AA (無障礙網站標章 AA). One server for the class, one browser context per
/// theme and language. A failure names the page, theme, language, rule and element.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser, DashboardServerFixture server) : IClassFixture<DashboardServerFixture>
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Structure that WCAG's own tags leave to best practice, held to here because a screen reader
        // user moves by headings and landmarks: headings in order, one main, unique landmarks. Not
        // "region" (all content inside landmarks): MudBlazor draws every open list in its popover
        // layer at the end of <body>, outside the landmarks by design (the list belongs to its
        // combobox through aria-controls); only an exclusion of that layer would pass it, and that
        // would hide the lists from the WCAG rules too.
        Rules = new Dictionary<string, RuleOptions>
        {
            ["heading-order"] = new() { Enabled = true },
            ["page-has-heading-one"] = new() { Enabled = true },
            ["landmark-one-main"] = new() { Enabled = true },
            ["landmark-no-duplicate-main"] = new() { Enabled = true },
            ["landmark-unique"] = new() { Enabled = true },
        },
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };

    private static readonly string[] Cultures = ["zh-TW", "en"];

    // One theory case per theme; its two languages run side by side in two browser contexts (axe
    // takes a second or two a page, mostly in the browser, so two renderers use both cores).
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryPage_BothLanguagesInTheme_HaveNoWcagAaViolation(string theme)
    {
        var reports = await Task.WhenAll(Cultures.Select(culture => CheckEveryPageAsync(theme, culture)));

        var report = string.Concat(reports);
        Assert.True(report.Length == 0, "Accessibility problems:\n" + report);
    }

    private async Task<string> CheckEveryPageAsync(string theme, string culture)
    {
        await using var context = await OpenContextAsync(theme, culture);
        var page = await context.NewPageAsync();
        var report = new StringBuilder();
        var titles = new Dictionary<string, string>();
        var expectedLang = culture == "en" ? "en" : "zh-Hant-TW";

        foreach (var entry in PageCatalog.Pages)
        {
            var path = await server.ResolveAsync(entry);
            await page.GotoAsync(path);
            await PageSettling.SettleAsync(page);
            var where = $"{path} [{theme}, {culture}]";

            var lang = await page.Locator("html").GetAttributeAsync("lang");
            if (lang != expectedLang)
            {
                report.AppendLine($"{where}: <html lang=\"{lang}\">, expected \"{expectedLang}\"");
            }

            var title = await page.TitleAsync();
            if (string.IsNullOrWhiteSpace(title))
            {
                report.AppendLine($"{where}: document.title is empty");
            }
            else if (titles.FirstOrDefault(t => t.Value == title) is { Key: { } other })
            {
                report.AppendLine($"{where}: document.title \"{title}\" is the same as on {other}; a title says where one is");
            }

            titles[path] = title;

            await ScanAsync(page, where, report);
            foreach (var (state, reach) in States.GetValueOrDefault(entry.Template, []))
            {
                await reach(page);
                await PageSettling.SettleAsync(page);
                await ScanAsync(page, $"{where} ({state})", report);
            }
        }

        return report.ToString();
    }

    /// <summary>
    /// What axe cannot see on a freshly loaded page (closed lists, folded panels, validation
    /// messages), reached by hand on the pages that have it. Nothing here saves anything: the server
    /// is shared by all four combinations.
    /// </summary>
    private static readonly Dictionary<string, (string State, Func<IPage, Task> Reach)[]> States = new()
    {
        ["/"] = [("year list open", OpenYearListAsync)],
        ["/agencies/{Id:int}"] =
        [
            ("empty unit and agency names submitted", SubmitEmptyRenameAsync),
            ("add-subordinate panel open, empty name submitted", SubmitEmptySubordinateAsync),
        ],
        ["/years"] = [("framework list open", OpenFirstFrameworkListAsync)],
    };

    private static async Task OpenYearListAsync(IPage page)
    {
        await page.GetByTestId("year-selector").Locator(".mud-select-input").First.ClickAsync();
        await page.GetByRole(AriaRole.Listbox).WaitForAsync(new() { Timeout = 5_000 });
    }

    private static async Task OpenFirstFrameworkListAsync(IPage page)
    {
        await page.GetByTestId("years-table").Locator(".mud-select-input").First.ClickAsync();
        await page.GetByRole(AriaRole.Listbox).WaitForAsync(new() { Timeout = 5_000 });
    }

    private static async Task SubmitEmptyRenameAsync(IPage page)
    {
        await page.GetByTestId("add-unit").ClickAsync();
        await page.Locator(".mud-expand-panel-header").Nth(0).ClickAsync();
        var name = page.Locator("input[data-testid=rename-name]");
        // Leaving the emptied field validates it, and its message pushes the button down. A click
        // straight after the fill could press where the button was before that render, and be lost.
        // The panel's own render, when it lands after the fill, puts the bound name back into the
        // field; on a loaded machine that happens, so the field is emptied until the emptiness holds.
        for (var attempt = 1; ; attempt++)
        {
            await name.FillAsync("");
            await name.PressAsync("Tab");
            try
            {
                await Assertions.Expect(name).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }

        await page.GetByTestId("rename-save").ClickAsync();
        await ExpectErrorAnnouncedAsync(name);
    }

    /// <summary>The field in error has the focus, says it is invalid, and is described by its message.</summary>
    private static async Task ExpectErrorAnnouncedAsync(ILocator field)
    {
        await Assertions.Expect(field).ToBeFocusedAsync();
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var message = await field.EvaluateAsync<string>("e => (e.getAttribute('aria-describedby') || '').split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' ').trim()");
        Assert.False(string.IsNullOrEmpty(message), "The field in error is described by no message (aria-describedby).");
    }

    private static async Task SubmitEmptySubordinateAsync(IPage page)
    {
        await page.Locator(".mud-expand-panel-header").Nth(1).ClickAsync();
        await page.GetByTestId("add-agency").ClickAsync();
        await ExpectErrorAnnouncedAsync(page.Locator("input[data-testid=new-agency-name]"));
    }

    private static async Task ScanAsync(IPage page, string where, StringBuilder report)
    {
        var result = await page.RunAxe(WcagAa);
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"{where}: {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
                report.AppendLine($"    {node.Target}  {Shorten(node.Html)}{(why is null ? "" : "  — " + why)}");
            }
        }
    }

    private async Task<IBrowserContext> OpenContextAsync(string theme, string culture)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var host = new Uri(server.BaseUrl);
        await context.AddCookiesAsync(
        [
            new Cookie { Name = "hsd-theme", Value = theme, Domain = host.Host, Path = "/" },
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Domain = host.Host, Path = "/" },
        ]);
        // An administrator sees every page and every control on it.
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        await page.CloseAsync();
        return context;
    }

    private static string Shorten(string html) => html.Length <= 200 ? html : html[..200] + "…";
}
