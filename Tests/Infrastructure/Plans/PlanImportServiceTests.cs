using System.Text;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.Infrastructure.Plans;

public class PlanImportServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private PlanImportService _import = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _import = new PlanImportService(_database.Factory, new PlanService(_database.Factory, _database.Clock, new ObligationService(_database.Factory, _database.Clock)), new PlanDocumentLoader());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", name));

    [Fact]
    public async Task PreviewAsync_NotApplicableFixture_FindsAgencyYearAndDeclarations()
    {
        var preview = await _import.PreviewAsync(Fixture("not-applicable.txt"), "not-applicable.txt", new PlanImportOptions(), PlanImportService.CommandLine);

        Assert.True(preview.CanStore, string.Join(",", preview.Errors));
        Assert.Equal("高雄市政府財政局動產質借所", preview.AgencyName);
        Assert.Equal(113, preview.RocYear);
        Assert.Equal("leap", preview.YearFrameworkKey);
        Assert.Null(preview.ExistingPlanId);
        Assert.Contains(preview.Reading!.NotApplicable, d => d.Code == "3.2");
    }

    [Fact]
    public async Task StoreAsync_Reading_StoresEveryPointDeclarationAndSource()
    {
        var preview = await _import.PreviewAsync(Fixture("not-applicable.txt"), "not-applicable.txt", new PlanImportOptions(), PlanImportService.CommandLine);
        var content = PlanImportService.ToContent(preview.Reading!);

        var result = await _import.StoreAsync(preview, content, replace: false, "tester");

        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        var plan = await new PlanQueries(_database.Factory).GetAsync(result.Id!.Value);
        Assert.Equal(preview.Reading!.FocusPoints.Count, plan!.FocusPoints.Count);
        Assert.Equal(content.NotApplicable.Select(n => (n.SubItemCode, n.Reason)), plan.NotApplicable.Select(n => (n.SubItemCode, n.Reason)));
        var source = await new PlanQueries(_database.Factory).GetSourceAsync(plan.Id);
        Assert.Equal(Fixture("not-applicable.txt"), source!.Content);
        Assert.Contains("高雄市政府財政局動產質借所113年度提升服務工作計畫", source.Text);
    }

    [Fact]
    public async Task PreviewAsync_UnknownAgency_CannotStoreUntilOneIsGiven()
    {
        var text = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", "not-applicable.txt"))
            .Replace("高雄市政府財政局動產質借所", "臺南市政府某某所"));

        var unknown = await _import.PreviewAsync(text, "other.txt", new PlanImportOptions(), PlanImportService.CommandLine);
        var given = await _import.PreviewAsync(text, "other.txt", new PlanImportOptions(AgencyName: "高雄市政府財政局動產質借所"), PlanImportService.CommandLine);

        Assert.Equal([PlanMessages.NoAgency], unknown.Errors);
        Assert.True(given.CanStore);
    }

    [Fact]
    public async Task PreviewAsync_YearUsingAnotherFramework_SaysTheyDiffer()
    {
        var preview = await _import.PreviewAsync(Fixture("not-applicable.txt"), "not-applicable.txt", new PlanImportOptions(RocYear: 106), PlanImportService.CommandLine);

        Assert.Equal([PlanMessages.FrameworkMismatch], preview.Errors);
        Assert.Equal("refine", preview.YearFrameworkKey);
        Assert.Equal("leap", preview.Reading!.FrameworkKey);
    }

    [Fact]
    public async Task PreviewAsync_BinaryFile_IsUnreadableWithAFinding()
    {
        var preview = await _import.PreviewAsync([0x00, 0x01, 0xFF, 0x00, 0x42], "plan.txt", new PlanImportOptions(), PlanImportService.CommandLine);

        Assert.False(preview.CanStore);
        Assert.Contains(preview.Findings, f => f.Code == "BINARY_FILE");
    }

    [Theory]
    [InlineData(Role.UnitStaff)]
    [InlineData(Role.CommissionReviewer)]
    public async Task PreviewAsync_PersonWhoMayNotImport_IsRefusedWithoutReadingTheDocument(Role role)
    {
        // A document that would give its own finding (binary content) if it were read at all.
        var preview = await _import.PreviewAsync([0x00, 0x01, 0xFF, 0x00, 0x42], "plan.txt", new PlanImportOptions(), new Principal("someone", role, 1, 1));

        Assert.False(preview.CanStore);
        Assert.Null(preview.Reading);
        Assert.Equal(["Plan.Validation.Forbidden"], preview.Errors);
        Assert.Equal(PlanFindingCodes.ImportForbidden, Assert.Single(preview.Findings).Code);
        Assert.Empty(preview.SourceText);
    }

    [Fact]
    public async Task PreviewAsync_NobodySignedIn_IsRefused()
    {
        var preview = await _import.PreviewAsync(Fixture("not-applicable.txt"), "not-applicable.txt", new PlanImportOptions(), importer: null);

        Assert.Null(preview.Reading);
        Assert.Equal(PlanFindingCodes.ImportForbidden, Assert.Single(preview.Findings).Code);
    }

    [Theory]
    [InlineData(Role.AgencyHead)]
    [InlineData(Role.AgencyCoordinator)]
    [InlineData(Role.CommissionAdmin)]
    public async Task PreviewAsync_PersonWhoMayImport_ReadsTheDocument(Role role)
    {
        var preview = await _import.PreviewAsync(Fixture("not-applicable.txt"), "not-applicable.txt", new PlanImportOptions(), new Principal("someone", role, 1));

        Assert.NotNull(preview.Reading);
        Assert.DoesNotContain(preview.Findings, f => f.Code == PlanFindingCodes.ImportForbidden);
    }

    [Fact]
    public async Task PreviewAsync_SecondImport_NamesTheExistingPlan()
    {
        var first = await _import.PreviewAsync(Fixture("not-applicable.txt"), "a.txt", new PlanImportOptions(), PlanImportService.CommandLine);
        var stored = await _import.StoreAsync(first, PlanImportService.ToContent(first.Reading!), false, "tester");

        var again = await _import.PreviewAsync(Fixture("not-applicable.txt"), "a.txt", new PlanImportOptions(), PlanImportService.CommandLine);

        Assert.Equal(stored.Id, again.ExistingPlanId);
    }

    [Fact]
    public async Task PreviewAsync_AnotherAgencysPlan_ShowsNothingOfItAndCannotBeStored()
    {
        var first = await _import.PreviewAsync(Fixture("not-applicable.txt"), "a.txt", new PlanImportOptions(), PlanImportService.CommandLine);
        await _import.StoreAsync(first, PlanImportService.ToContent(first.Reading!), false, "tester");
        await using var db = _database.Open();
        var works = await db.Agencies.Where(a => a.Name == "高雄市政府工務局").Select(a => a.Id).SingleAsync();
        var pawnshop = first.AgencyId!.Value;

        var stranger = await _import.PreviewAsync(Fixture("not-applicable.txt"), "a.txt", new PlanImportOptions(), new Principal("works.coordinator", Role.AgencyCoordinator, works));
        var own = await _import.PreviewAsync(Fixture("not-applicable.txt"), "a.txt", new PlanImportOptions(), new Principal("pawnshop.coordinator", Role.AgencyCoordinator, pawnshop));

        Assert.Null(stranger.ExistingPlanId);
        Assert.Null(stranger.Existing);
        Assert.Equal([PlanMessages.Forbidden], stranger.Errors);
        Assert.False(stranger.CanStore);
        Assert.NotNull(own.ExistingPlanId);
        Assert.Equal(PlanStatus.Draft, own.Existing!.Status);
        Assert.Equal(first.Reading!.FocusPoints.Select(p => p.Code).Distinct().Order(), own.Existing.FocusPointCodes.Distinct().Order());
        Assert.Empty(own.Errors);
    }

    [Theory]
    [InlineData("高雄市政府財政局", "高雄市政府財政局")]
    [InlineData("財政局", "高雄市政府財政局")]
    [InlineData("高雄市 鳥松區公所", "高雄市鳥松區公所")]
    [InlineData("鳥松區公所", "高雄市鳥松區公所")]
    [InlineData("高雄市政府衛生局鳳山區衛生所", "高雄市鳳山區衛生所")]
    public async Task MatchAgency_NamesAsPlansWriteThem_FindTheAgency(string written, string expected)
    {
        await using var db = _database.Open();
        var agencies = await db.Agencies.Select(a => new { a.Id, a.Name }).ToListAsync();

        var id = PlanImportService.MatchAgency(written, agencies.Select(a => (a.Id, a.Name)));

        Assert.Equal(expected, agencies.Single(a => a.Id == id).Name);
    }

    [SeedFact]
    public async Task StoreAsync_FourSamplePlans_StoreTheExpectedCoverage()
    {
        foreach (var file in new[] { "finance-bureau-113.txt", "niaosong-district-113.txt", "pawnshop-114.txt", "public-works-bureau-105.txt" })
        {
            var expected = SeedPlans.Expected(file);
            var preview = await _import.PreviewAsync(File.ReadAllBytes(SeedPlans.Path(file)), file, new PlanImportOptions(), PlanImportService.CommandLine);
            var result = await _import.StoreAsync(preview, PlanImportService.ToContent(preview.Reading!), false, "tester");
            Assert.True(result.Succeeded, $"{file}: {string.Join(",", result.Errors)}");

            var plan = await new PlanQueries(_database.Factory).GetAsync(result.Id!.Value);
            Assert.Equal(expected.GetProperty("agency").GetString(), plan!.AgencyName);
            Assert.Equal(expected.GetProperty("rocYear").GetInt32(), plan.RocYear);
            Assert.Equal(expected.GetProperty("framework").GetString(), plan.Framework.Key);
            var covered = plan.Framework.SubItems.Where(s => plan.PointsFor(s.Code).Any()).Select(s => s.Code);
            Assert.Equal(expected.GetProperty("covered").EnumerateArray().Select(c => c.GetString()), covered);
            Assert.Equal(
                expected.GetProperty("notApplicable").EnumerateArray().Select(n => n.GetProperty("code").GetString()),
                plan.NotApplicable.Select(n => n.SubItemCode));
        }
    }
}
