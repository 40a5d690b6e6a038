using System.Net;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>
/// The response headers on every page of the catalogue and every GET endpoint, asked over HTTP by
/// the commission's administrator (who may open all of them): the policy in full, nosniff and the
/// referrer policy, once each.
/// </summary>
public class SecurityHeadersTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private const string Policy =
        "default-src 'self'; script-src 'self' 'nonce-NONCE'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self' ws://localhost wss://localhost; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static readonly string[] Endpoints =
    [
        "/plans/{plan:own}/source",
        "/healthz",
        "/coverage/113.xlsx",
        "/coverage/113.csv",
        "/coverage/agencies/{agency:own}/113.xlsx",
        "/api/coverage/113",
        "/results/attachments/{attachment:own}",
        "/results/agencies/{agency:own}/113.docx",
        "/results/agencies/{agency:own}/113.xlsx",
        "/phone-tests/template.csv?year=113&round=FirstHalf",
        "/favicon.svg",
        "/no-such-page",
    ];

    public static IEnumerable<object[]> Pages() => PageCatalog.Pages.Select(p => new object[] { p.SamplePath });

    public static IEnumerable<object[]> EndpointPaths() => Endpoints.Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AsAdministrator_CarriesThePolicyNosniffAndReferrerPolicy(string samplePath)
    {
        var admin = await fixture.ClientAsync("admin");

        using var response = await admin.GetAsync(await ResolveAsync(samplePath));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{samplePath}: {(int)response.StatusCode}");
        AssertHeaders(response, samplePath);
    }

    [Theory]
    [MemberData(nameof(EndpointPaths))]
    public async Task Endpoint_AsAdministrator_CarriesThePolicyNosniffAndReferrerPolicy(string path)
    {
        var admin = await fixture.ClientAsync("admin");

        using var response = await admin.GetAsync(fixture.Resolve(path));

        AssertHeaders(response, path);
    }

    [Fact]
    public async Task SignInPage_TwoRequests_GetTwoNoncesAndTheImportMapCarriesItsOwn()
    {
        var anonymous = await fixture.ClientAsync(AccessMatrixTests.Anonymous);

        using var first = await anonymous.GetAsync("/account/login");
        using var second = await anonymous.GetAsync("/account/login");

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        Assert.Equal(24, nonce.Length);
        var html = System.Net.WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
    }

    private static void AssertHeaders(HttpResponseMessage response, string path)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.True(Policy == policy.Replace(NonceOf(response), "NONCE", StringComparison.Ordinal), $"{path}: {policy}");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    private static string NonceOf(HttpResponseMessage response)
    {
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var match = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No nonce in {policy}");
    }

    /// <summary>The catalogue's sample address with its agency, plan and follow-up named by agency, as this fixture holds them.</summary>
    private async Task<string> ResolveAsync(string samplePath)
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var path = samplePath;
        foreach (System.Text.RegularExpressions.Match token in System.Text.RegularExpressions.Regex.Matches(samplePath, @"\{(?<kind>agency|plan|followup):(?<name>[^}]+)\}"))
        {
            var name = token.Groups["name"].Value;
            var id = token.Groups["kind"].Value switch
            {
                "agency" => await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(),
                // The fixture's plans and follow-ups are of its three agencies: another agency's sample takes the bureau's.
                "plan" => await db.Plans.Where(p => p.Agency!.Name == name).Select(p => (int?)p.Id).FirstOrDefaultAsync() ?? fixture.Plans["own"],
                _ => await db.PhoneFollowUps.Where(f => f.PhoneTest!.Agency!.Name == name).Select(f => (int?)f.Id).FirstOrDefaultAsync() ?? fixture.FollowUps["own"],
            };
            path = path.Replace(token.Value, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return path;
    }
}
