using System.Net;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Integration;

public class DashboardHostTests : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task GetHome_Prerendered_ShowsTheYearAndAgencyCountsInChinese()
    {
        var html = await (await _factory.SignedInClientAsync("reviewer")).GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-Hant-TW\">", html);
        Assert.Contains("民國113年提升服務概況", html);
        Assert.Contains("政府服務躍升方案", html);
        Assert.Matches("data-testid=\"count-first\"[^>]*>70<", html);
        Assert.Matches("data-testid=\"count-second\"[^>]*>21<", html);
    }

    [Fact]
    public async Task GetHome_WithEnglishCookieAndYear105_ShowsEnglishAndRefineFramework()
    {
        var client = await _factory.SignedInClientAsync("reviewer");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den; hsd-year=105");

        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Service improvement, ROC 105 (2016)", html);
        Assert.Contains("Government Service Innovation and Refinement Program", html);
    }

    [Fact]
    public async Task GetCultureSet_StoresCookieAndRedirectsLocallyOnly()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var local = await client.GetAsync("/culture/set?culture=en&redirectUri=%2Fframeworks");
        var offsite = await client.GetAsync("/culture/set?culture=en&redirectUri=https%3A%2F%2Fevil.example");
        var bad = await client.GetAsync("/culture/set?culture=fr");

        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal("/frameworks", local.Headers.Location?.ToString());
        Assert.Contains(local.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den"));
        Assert.Equal("/", offsite.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task GetHealthz_DatabaseReachable_IsHealthy()
    {
        var response = await _factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetFrameworkPage_Prerendered_ListsEverySubItemText()
    {
        var html = await (await _factory.SignedInClientAsync("finance.staff")).GetStringAsync("/frameworks/refine");

        Assert.Contains("政府服務創新精進方案", html);
        Assert.Contains("鼓勵機關勇於突破現行機關（單位）間之隔閡", html);
        Assert.Equal(24, System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"subitem-").Count);
    }

    [Fact]
    public async Task GetHome_NotSignedIn_RedirectsToTheSignInPage()
    {
        var client = await _factory.SignedInClientAsync(null);

        var home = await client.GetAsync("/plans");
        var login = await client.GetStringAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fplans", home.Headers.Location?.PathAndQuery);
        Assert.Contains("帳號或電子郵件", login);
        Assert.DoesNotContain("nav-drawer", login);
    }

    [Fact]
    public async Task GetUnknownPage_Returns404WithThePage()
    {
        var response = await (await _factory.SignedInClientAsync("finance.staff")).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到頁面", await response.Content.ReadAsStringAsync());
    }
}
