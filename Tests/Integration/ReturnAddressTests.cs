using System.Net;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>
/// Return addresses crafted to leave the site or to break the redirect, through the sign-in form, the
/// password change and the language switch: each goes to the home page, never to a 500.
/// </summary>
public class ReturnAddressTests(ReturnAddressTests.Host host) : IClassFixture<ReturnAddressTests.Host>
{
    /// <summary>One host for every case: the sign-ins are real (form, antiforgery token, cookie).</summary>
    public sealed class Host : IAsyncDisposable
    {
        public DashboardFactory Factory { get; } = new();

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    public static TheoryData<string> Nasty() =>
    [
        "/\t/evil.example",
        "/\\evil.example",
        "/\\\\evil.example",
        "\\\\evil.example",
        "//evil.example",
        "///evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "~/plans",
        " /plans",
        "/plans\r\nSet-Cookie: x=1",
        "/\n/evil.example",
        "/\u202Eevil",
        "/計畫",
        "/a b",
        "/\u3000/evil.example",
        "/" + new string('a', 3000),
    ];

    [Theory]
    [MemberData(nameof(Nasty))]
    public async Task CultureSet_CraftedReturnAddress_GoesHome(string address)
    {
        using var client = await host.Factory.SignedInClientAsync(null);

        using var response = await client.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(address)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Nasty))]
    public async Task SignIn_CraftedReturnAddress_GoesHome(string address)
    {
        using var client = await host.Factory.SignedInClientAsync(null);
        var token = await DashboardFactory.AntiforgeryTokenAsync(client);

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = "finance.head",
            ["password"] = DemoAccounts.Password,
            ["returnUrl"] = address,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Nasty))]
    public async Task SignInForm_CraftedReturnAddress_IsNotCarried(string address)
    {
        using var client = await host.Factory.SignedInClientAsync(null);

        using var response = await client.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(address)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/plans?year=113")]
    [InlineData("/schedule/agencies/3")]
    [InlineData("/")]
    public async Task CultureSet_PlainLocalPath_GoesThere(string address)
    {
        using var client = await host.Factory.SignedInClientAsync(null);

        using var response = await client.GetAsync($"/culture/set?culture=zh-TW&redirectUri={Uri.EscapeDataString(address)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(address, response.Headers.Location?.OriginalString);
    }
}
