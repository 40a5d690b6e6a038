using System.Net;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.PhoneTests;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Results;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>
/// One host with three agencies' plans: the Finance Bureau's (the bureau's people's own), its Public
/// Pawnshop's (a subordinate) and the Public Works Bureau's (unrelated). Each demo account signs in
/// through the real form and asks for every page and endpoint as plain HTTP.
/// </summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    public DashboardFactory Factory { get; } = new();

    public Dictionary<string, int> Plans { get; } = [];

    public Dictionary<string, int> Agencies { get; } = [];

    public Dictionary<string, int> FollowUps { get; } = [];

    public Dictionary<string, int> Attachments { get; } = [];

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static readonly Dictionary<string, string> AgencyNames = new()
    {
        ["own"] = "高雄市政府財政局",
        ["sub"] = "高雄市政府財政局動產質借所",
        ["other"] = "高雄市政府工務局",
    };

    /// <summary>A focus point title only that agency's plan holds: a denied page must not show it.</summary>
    public static string Marker(string agency) => $"存取測試重點-{agency}";

    public async Task InitializeAsync()
    {
        var plans = Factory.Services.GetRequiredService<PlanService>();
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var (key, name) in AgencyNames)
        {
            var id = await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
            Agencies[key] = id;
            var content = new PlanContentInput { Title = $"{name}113年度提升服務計畫", FocusPoints = [new FocusPointInput { SubItemCode = "1.1", Title = Marker(key) }] };
            var source = new PlanSourceInput("plan.txt", "text/plain", "計畫"u8.ToArray(), "計畫");
            var stored = await plans.StoreDraftAsync(id, 113, content, source, replace: false, "fixture");
            Plans[key] = stored.Id!.Value;

            // A poor call (40 of 100) opens a follow-up for the agency to answer.
            var input = PhoneTestInput.For(await Factory.Services.GetRequiredService<PhoneRubricService>().GetCurrentAsync(113, PhoneTestRound.FirstHalf));
            input.DateText = "113/03/12";
            input.TimeText = "10:00";
            input.AgencyId = id;
            input.Number = "07-3373000";
            input.Tester = "研考會測試員";
            input.Scores.ForEach(score => score.Points = 8);
            var test = await Factory.Services.GetRequiredService<PhoneTestService>().SaveAsync(input, "fixture");
            if (!test.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", test.Errors));
            }

            FollowUps[key] = await db.PhoneFollowUps.Where(f => f.AgencyId == id).Select(f => f.Id).SingleAsync();

            // An evidence file of the agency's results of 113, under the marked focus point's sub-item.
            var attachment = await Factory.Services.GetRequiredService<ResultsService>()
                .AddAttachmentAsync(id, 113, "1.1", AttachmentKind.Evidence, "evidence.pdf", SampleFiles.Pdf, "fixture");
            Attachments[key] = attachment.Id ?? throw new InvalidOperationException(string.Join(", ", attachment.Errors));
        }
    }

    public async Task<HttpClient> ClientAsync(string role)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                client = await Factory.SignedInClientAsync(role == AccessMatrixTests.Anonymous ? null : role);
                _clients[role] = client;
            }

            return client;
        }
        finally
        {
            _gate.Release();
        }
    }

    public string Resolve(string path) => path
        .Replace("{plan:own}", Plans["own"].ToString(), StringComparison.Ordinal)
        .Replace("{plan:sub}", Plans["sub"].ToString(), StringComparison.Ordinal)
        .Replace("{plan:other}", Plans["other"].ToString(), StringComparison.Ordinal)
        .Replace("{followup:own}", FollowUps["own"].ToString(), StringComparison.Ordinal)
        .Replace("{followup:sub}", FollowUps["sub"].ToString(), StringComparison.Ordinal)
        .Replace("{followup:other}", FollowUps["other"].ToString(), StringComparison.Ordinal)
        .Replace("{attachment:own}", Attachments["own"].ToString(), StringComparison.Ordinal)
        .Replace("{attachment:sub}", Attachments["sub"].ToString(), StringComparison.Ordinal)
        .Replace("{attachment:other}", Attachments["other"].ToString(), StringComparison.Ordinal)
        .Replace("{agency:own}", Agencies["own"].ToString(), StringComparison.Ordinal)
        .Replace("{agency:sub}", Agencies["sub"].ToString(), StringComparison.Ordinal)
        .Replace("{agency:other}", Agencies["other"].ToString(), StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
    }
}

/// <summary>
/// For every role, every page and every endpoint, with the data of the person's own agency, a
/// subordinate and an unrelated agency: allowed (200), refused by role (403), not found for data
/// outside the scope (404, with nothing of it in the answer), or sent to sign in (302).
/// </summary>
public class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    public const string Anonymous = "anonymous";

    private const int Allow = 200, Forbid = 403, Hidden = 404, SignIn = 302, Unauthorized = 401;

    /// <summary>What a role may do: read and edit which of the three agencies, and whether it is the commission or its administrator.</summary>
    private sealed record RoleScope(string[] Reads, string[] Edits, bool Commission, bool Admin);

    private static readonly Dictionary<string, RoleScope> Roles = new()
    {
        ["admin"] = new(["own", "sub", "other"], ["own", "sub", "other"], true, true),
        ["reviewer"] = new(["own", "sub", "other"], [], true, false),
        ["finance.head"] = new(["own", "sub"], ["own"], false, false),
        ["finance.coordinator"] = new(["own", "sub"], ["own"], false, false),
        ["finance.staff"] = new(["own"], [], false, false),
        ["pawnshop.coordinator"] = new(["sub"], ["sub"], false, false),
    };

    /// <summary>Unit staff edit the parts of their own agency's plan that name their unit (finance.staff: 菸酒管理科).</summary>
    private static readonly Dictionary<string, string[]> EditsUnitPartsOf = new() { ["finance.staff"] = ["own"] };

    /// <summary>How a route is guarded.</summary>
    private enum Guard
    {
        Open,
        SignedIn,
        Commission,
        Admin,
        ReadsAgency,
        EditsAgency,
        EditsPlanPart,
        ImportsPlans,
    }

    /// <summary>Every page of the catalogue (by template) and every endpoint, with the addresses to ask and the guard.</summary>
    private static readonly (string Template, Guard Guard, string[] Paths)[] Routes =
    [
        ("/", Guard.SignedIn, ["/"]),
        ("/frameworks", Guard.SignedIn, ["/frameworks"]),
        ("/frameworks/{Key}", Guard.SignedIn, ["/frameworks/refine"]),
        ("/agencies", Guard.SignedIn, ["/agencies"]),
        ("/agencies/{Id:int}", Guard.SignedIn, ["/agencies/{agency:other}"]),
        ("/years", Guard.Commission, ["/years"]),
        ("/plans", Guard.SignedIn, ["/plans"]),
        ("/plans/import", Guard.ImportsPlans, ["/plans/import"]),
        ("/plans/{Id:int}", Guard.ReadsAgency, ["/plans/{plan:*}"]),
        ("/plans/{Id:int}/edit", Guard.EditsPlanPart, ["/plans/{plan:*}/edit"]),
        ("/schedule", Guard.Commission, ["/schedule"]),
        ("/schedule/edit", Guard.Admin, ["/schedule/edit"]),
        ("/schedule/agencies", Guard.SignedIn, ["/schedule/agencies"]),
        ("/schedule/agencies/{Id:int}", Guard.ReadsAgency, ["/schedule/agencies/{agency:*}"]),
        ("/alerts", Guard.SignedIn, ["/alerts"]),
        ("/coverage", Guard.SignedIn, ["/coverage"]),
        ("/phone-tests", Guard.SignedIn, ["/phone-tests"]),
        ("/phone-tests/new", Guard.Commission, ["/phone-tests/new"]),
        ("/phone-tests/import", Guard.Commission, ["/phone-tests/import"]),
        ("/phone-tests/rubric", Guard.Admin, ["/phone-tests/rubric"]),
        ("/phone-tests/agencies/{Id:int}", Guard.ReadsAgency, ["/phone-tests/agencies/{agency:*}"]),
        ("/phone-tests/follow-ups/{Id:int}", Guard.ReadsAgency, ["/phone-tests/follow-ups/{followup:*}"]),
        ("/coverage/agencies/{Id:int}", Guard.ReadsAgency, ["/coverage/agencies/{agency:*}"]),
        ("/coverage/pillars/{Code}", Guard.SignedIn, ["/coverage/pillars/1"]),
        ("/coverage/compare", Guard.SignedIn, ["/coverage/compare"]),
        ("/account/login", Guard.Open, ["/account/login"]),
        ("/account/password", Guard.SignedIn, ["/account/password"]),
        ("/admin/accounts", Guard.Admin, ["/admin/accounts"]),
        ("/audit", Guard.Commission, ["/audit"]),
        ("/results", Guard.SignedIn, ["/results?year=113"]),
        ("/results/agencies/{Id:int}", Guard.ReadsAgency, ["/results/agencies/{agency:*}?year=113"]),
        ("/not-found", Guard.Open, ["/not-found"]),
        ("/Error", Guard.Open, ["/Error"]),
        // Endpoints beside the pages.
        ("GET /plans/{id:int}/source", Guard.ReadsAgency, ["/plans/{plan:*}/source"]),
        ("GET /healthz", Guard.Open, ["/healthz"]),
        ("GET /coverage/{year:int}.xlsx", Guard.SignedIn, ["/coverage/113.xlsx"]),
        ("GET /coverage/{year:int}.csv", Guard.SignedIn, ["/coverage/113.csv"]),
        ("GET /coverage/agencies/{id:int}/{year:int}.xlsx", Guard.ReadsAgency, ["/coverage/agencies/{agency:*}/113.xlsx"]),
        ("GET /api/coverage/{year:int}", Guard.Open, ["/api/coverage/113"]),
        ("GET /results/attachments/{id:int}", Guard.ReadsAgency, ["/results/attachments/{attachment:*}"]),
        ("GET /results/agencies/{id:int}/{year:int}.docx", Guard.ReadsAgency, ["/results/agencies/{agency:*}/113.docx"]),
        ("GET /results/agencies/{id:int}/{year:int}.xlsx", Guard.ReadsAgency, ["/results/agencies/{agency:*}/113.xlsx"]),
        ("GET /phone-tests/template.{format}", Guard.Commission, ["/phone-tests/template.csv?year=113&round=FirstHalf"]),
    ];

    public static IEnumerable<object[]> Cases()
    {
        foreach (var (template, guard, paths) in Routes)
        {
            foreach (var role in Roles.Keys.Append(Anonymous))
            {
                foreach (var path in paths)
                {
                    if (path.Contains(":*}", StringComparison.Ordinal))
                    {
                        foreach (var agency in AccessMatrixFixture.AgencyNames.Keys)
                        {
                            var concrete = path.Replace(":*}", $":{agency}}}", StringComparison.Ordinal);
                            yield return [role, template, concrete, Expected(role, guard, agency)];
                        }
                    }
                    else
                    {
                        yield return [role, template, path, Expected(role, guard, null)];
                    }
                }
            }
        }
    }

    private static int Expected(string role, Guard guard, string? agency)
    {
        if (guard == Guard.Open)
        {
            return Allow;
        }

        if (!Roles.TryGetValue(role, out var scope))
        {
            return SignIn;
        }

        return guard switch
        {
            Guard.SignedIn => Allow,
            Guard.Commission => scope.Commission ? Allow : Forbid,
            Guard.Admin => scope.Admin ? Allow : Forbid,

            // Whoever stores a whole plan for some agency imports documents; the others are not offered the upload.
            Guard.ImportsPlans => scope.Edits.Length > 0 ? Allow : Forbid,
            Guard.ReadsAgency => scope.Reads.Contains(agency) ? Allow : Hidden,
            Guard.EditsAgency => scope.Edits.Contains(agency) ? Allow : Hidden,
            Guard.EditsPlanPart => scope.Edits.Contains(agency) || EditsUnitPartsOf.GetValueOrDefault(role, []).Contains(agency) ? Allow : Hidden,
            _ => throw new ArgumentOutOfRangeException(nameof(guard)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Get_RoleAndRoute_AnswersAsTheRulesSay(string role, string template, string path, int expected)
    {
        var client = await fixture.ClientAsync(role);

        using var response = await client.GetAsync(fixture.Resolve(path));

        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(expected == status, $"{role} GET {path} ({template}): expected {expected}, got {status} {response.Headers.Location}");
        if (expected == SignIn)
        {
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
        }

        if (expected is Hidden or Forbid)
        {
            foreach (var agency in AccessMatrixFixture.AgencyNames.Keys)
            {
                Assert.DoesNotContain(AccessMatrixFixture.Marker(agency), body);
            }
        }
    }

    [Fact]
    public async Task GetHangfire_ByRole_OnlyAdministratorsGetIn()
    {
        // Hangfire is off in this host (its static state is shared): its own tests check it; here it is not mounted at all.
        var admin = await fixture.ClientAsync("admin");

        using var response = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Routes_CoverEveryPageOfTheCatalogue()
    {
        var covered = Routes.Select(r => r.Template).ToHashSet();
        var missing = PageCatalog.Pages.Select(p => p.Template).Where(t => !covered.Contains(t)).ToList();

        Assert.True(missing.Count == 0, $"Pages without a row in the access matrix (add each with its guard): {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task PlanList_StaffOfTheBureau_ListsOnlyTheirAgencysPlan()
    {
        var staff = await fixture.ClientAsync("finance.staff");
        var head = await fixture.ClientAsync("finance.head");

        var forStaff = await staff.GetStringAsync("/plans");
        var forHead = await head.GetStringAsync("/plans");

        Assert.Contains($"plans/{fixture.Plans["own"]}\"", forStaff);
        Assert.DoesNotContain($"plans/{fixture.Plans["sub"]}\"", forStaff);
        Assert.Contains($"plans/{fixture.Plans["sub"]}\"", forHead);
        Assert.DoesNotContain($"plans/{fixture.Plans["other"]}\"", forHead);
    }

    [Fact]
    public async Task CoverageHeatmapAndCsv_AgencyHead_HoldTheAgencyAndItsSubordinatesOnly()
    {
        var head = await fixture.ClientAsync("finance.head");

        var page = await head.GetStringAsync("/coverage?year=113&rows=all");
        var csv = await head.GetStringAsync("/coverage/113.csv");

        foreach (var text in new[] { page, csv })
        {
            Assert.Contains("高雄市政府財政局動產質借所", text);
            Assert.Contains("高雄市稅捐稽徵處", text);
            Assert.DoesNotContain("高雄市政府工務局", text);
            Assert.DoesNotContain("高雄市鳥松區公所", text);
        }
    }

    [Fact]
    public async Task ResultsAttachment_Download_ServesTheStoredTypeAsAnAttachmentTheBrowserDoesNotSniff()
    {
        var head = await fixture.ClientAsync("finance.head");

        using var response = await head.GetAsync($"/results/attachments/{fixture.Attachments["sub"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("evidence.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(SampleFiles.Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ResultsAttachment_Stored_IsInTheAuditLogWithItsAgency()
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var audited = await db.AuditEntries.Where(e => e.EntityType == nameof(ResultsAttachment)).Select(e => e.AgencyId).ToListAsync();

        Assert.Contains(fixture.Agencies["sub"], audited);
        Assert.Contains(nameof(AnnualResults), await db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync());
    }
}
