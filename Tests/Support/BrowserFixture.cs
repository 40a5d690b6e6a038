using Microsoft.Playwright;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download: this machine cannot fetch one),
/// shared by the browser tests of a collection.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the README's test command installs Debian's chromium (apt-get install chromium).");
        }

        // Two cores shared with the server under test (and CI's other work): give pages time.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// A fresh context (cookies of its own) and page on the given server, signed in as the demo
    /// account <paramref name="as"/> (an administrator unless said; null: not signed in), waited
    /// until the circuit is live.
    /// </summary>
    public async Task<IPage> OpenAsync(string baseUrl, string path = "/", string? @as = "admin")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.WriteLine($"[browser {message.Type}] {message.Text}");
        page.PageError += (_, error) => Console.WriteLine($"[browser error] {error}");
        if (@as is not null)
        {
            await SignInAsync(page, @as);
        }

        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Signs in through the sign-in form, as a person would, with a demo account's password.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = HighServiceDashboard.Infrastructure.Identity.DemoAccounts.Password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {page.Url}");
        }
    }

    /// <summary>Clicks on prerendered HTML do nothing: wait for the marker the layout renders once interactive.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#render-state[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
