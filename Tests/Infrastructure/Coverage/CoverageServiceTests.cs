using System.Data.Common;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Coverage;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HighServiceDashboard.Tests.Infrastructure.Coverage;

public class CoverageServiceTests : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Tax = "高雄市稅捐稽徵處";
    private const string Pawnshop = "高雄市政府財政局動產質借所";
    private const string Works = "高雄市政府工務局";

    private TestDatabase _database = default!;
    private CoverageService _coverage = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _coverage = new CoverageService(_database.Factory, new AccessService(_database.Factory));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task AddHandMadePlansAsync()
    {
        // Finance: every sub-item but 6.4, three points under 1.1. Pawnshop: 3.2 and 3.3 not applicable, 6.4 missing.
        var finance = CoveragePlans.LeapExcept("6.4");
        finance["1.1"] = 3;
        await CoveragePlans.AddAsync(_database.Factory, Finance, 113, finance, status: PlanStatus.Approved);
        await CoveragePlans.AddAsync(_database.Factory, Pawnshop, 113, CoveragePlans.LeapExcept("3.2", "3.3", "6.4"),
            new Dictionary<string, string> { ["3.2"] = "本所業務性質特殊，尚無提供全程整合服務", ["3.3"] = "無跨機關服務" });
    }

    [Fact]
    public async Task GetMatrixAsync_HandMadePlans_RowsCellsAndShares()
    {
        await AddHandMadePlansAsync();

        var matrix = await _coverage.GetMatrixAsync(113);

        Assert.Equal("leap", matrix.Framework.Key);
        Assert.Equal(22, matrix.Framework.SubItems.Count());
        var finance = matrix.Rows.Single(r => r.Name == Finance);
        Assert.Equal(PlanStatus.Approved, finance.PlanStatus);
        Assert.Equal(3, finance.PointsFor("1.1"));
        Assert.Equal(CoverageStatus.Missing, finance.StatusOf("6.4"));
        Assert.Equal((21, 0, 1), (finance.Coverage.Total.Covered, finance.Coverage.Total.NotApplicable, finance.Coverage.Total.Missing));
        var pawnshop = matrix.Rows.Single(r => r.Name == Pawnshop);
        Assert.Equal(CoverageStatus.NotApplicable, pawnshop.StatusOf("3.2"));
        Assert.Equal(CoverageStatus.NotApplicable, pawnshop.StatusOf("3.3"));
        // Pillar 3: 3.1 and 3.4 of the two applicable.
        Assert.Equal(1.0, pawnshop.Coverage.Pillars.Single(p => p.Code == "3").Count.Share);
        Assert.Equal(19.0 / 20, pawnshop.Coverage.Total.Share);
        Assert.Equal(Finance, pawnshop.ParentName);
        Assert.Equal(AgencyLevel.SecondLevel, pawnshop.Level);
        // Agencies without a plan are rows too, shown as such.
        var works = matrix.Rows.Single(r => r.Name == Works);
        Assert.False(works.HasPlan);
        Assert.Equal(CoverageStatus.NoPlan, works.StatusOf("1.1"));
        Assert.DoesNotContain(matrix.Rows, r => r.Level == AgencyLevel.City);
        // Subordinates follow their parent.
        var index = matrix.Rows.ToList().FindIndex(r => r.Name == Finance);
        Assert.Equal([Tax, Pawnshop], matrix.Rows.Skip(index + 1).Take(2).Select(r => r.Name));
    }

    [Fact]
    public async Task GetMatrixAsync_Totals_EqualTheSumOfTheCells()
    {
        await AddHandMadePlansAsync();

        var matrix = await _coverage.GetMatrixAsync(113);

        var agencies = matrix.Rows.Count;
        Assert.Equal(2, matrix.Columns["1.1"].Covered);
        Assert.Equal(new SubItemTally(0, 0, 2, agencies - 2), matrix.Columns["6.4"]);
        Assert.Equal(new SubItemTally(1, 1, 0, agencies - 2), matrix.Columns["3.2"]);
        foreach (var (code, tally) in matrix.Columns)
        {
            Assert.Equal(tally.Covered, matrix.Rows.Count(r => r.StatusOf(code) == CoverageStatus.Covered));
            Assert.Equal(tally.NotApplicable, matrix.Rows.Count(r => r.StatusOf(code) == CoverageStatus.NotApplicable));
            Assert.Equal(tally.Missing, matrix.Rows.Count(r => r.StatusOf(code) == CoverageStatus.Missing));
            Assert.Equal(agencies, tally.Agencies);
        }

        foreach (var row in matrix.Rows.Where(r => r.HasPlan))
        {
            var cells = matrix.Framework.SubItems.Select(s => row.StatusOf(s.Code)).ToList();
            Assert.Equal(row.Coverage.Total.Covered, cells.Count(c => c == CoverageStatus.Covered));
            Assert.Equal(row.Coverage.Total.NotApplicable, cells.Count(c => c == CoverageStatus.NotApplicable));
            Assert.Equal(row.Coverage.Total.Missing, cells.Count(c => c == CoverageStatus.Missing));
        }

        // City-wide: 21 + 19 covered of 22 + 20 applicable.
        var total = CoverageMatrix.Total(matrix.Rows);
        Assert.Equal((40, 2, 2), (total.Covered, total.NotApplicable, total.Missing));
        Assert.Equal(matrix.Columns.Values.Sum(c => c.Covered), total.Covered);
    }

    [Fact]
    public async Task GetMatrixAsync_ManyAgencies_TakesAFewQueriesNotOnePerAgency()
    {
        await AddHandMadePlansAsync();
        var counter = new CommandCounter();
        var factory = new CountingFactory(_database.ConnectionString, counter);

        var matrix = await new CoverageService(factory, new AccessService(factory)).GetMatrixAsync(113);

        Assert.Equal(91, matrix.Rows.Count);
        Assert.InRange(counter.Count, 1, 8);
    }

    [Fact]
    public async Task GetCellAsync_CoveredAndDeclared_ShowsPointsOrReason()
    {
        await AddHandMadePlansAsync();
        var financeId = await AgencyIdAsync(Finance);
        var pawnshopId = await AgencyIdAsync(Pawnshop);

        var covered = await _coverage.GetCellAsync(113, financeId, "1.1");
        var declared = await _coverage.GetCellAsync(113, pawnshopId, "3.2");
        var none = await _coverage.GetCellAsync(113, await AgencyIdAsync(Works), "1.1");

        Assert.Equal(CoverageStatus.Covered, covered!.Status);
        Assert.Equal(["1.1之重點1", "1.1之重點2", "1.1之重點3"], covered.FocusPoints.Select(p => p.Title));
        Assert.Equal(["人事室"], covered.FocusPoints[1].Units);
        Assert.Equal(CoverageStatus.NotApplicable, declared!.Status);
        Assert.Equal("本所業務性質特殊，尚無提供全程整合服務", declared.NotApplicableReason);
        Assert.Empty(declared.FocusPoints);
        Assert.Equal(CoverageStatus.NoPlan, none!.Status);
    }

    [Fact]
    public async Task GetAgencyAsync_Finance_SubItemsAndSubordinates()
    {
        await AddHandMadePlansAsync();

        var detail = await _coverage.GetAgencyAsync(Admin, await AgencyIdAsync(Finance), 113);

        Assert.NotNull(detail);
        Assert.Equal(22, detail.SubItems.Count);
        Assert.Equal(3, detail.SubItems.Single(s => s.SubItem.Code == "1.1").FocusPoints.Count);
        Assert.Equal(CoverageStatus.Missing, detail.SubItems.Single(s => s.SubItem.Code == "6.4").Status);
        Assert.Equal([Tax, Pawnshop], detail.Subordinates.Select(s => s.Name));
        Assert.False(detail.Subordinates[0].HasPlan);
        Assert.Equal("無跨機關服務", (await _coverage.GetAgencyAsync(Admin, await AgencyIdAsync(Pawnshop), 113))!.SubItems.Single(s => s.SubItem.Code == "3.3").NotApplicableReason);
    }

    private static readonly Principal Admin = new("admin", Role.CommissionAdmin, 1);

    [Fact]
    public async Task GetAgencyAsync_StaffOfTheBureau_SeeTheirAgencyWithoutSubordinatesAndNoOtherAgency()
    {
        await AddHandMadePlansAsync();
        var staff = new Principal("finance.staff", Role.UnitStaff, await AgencyIdAsync(Finance), 1);
        var head = new Principal("finance.head", Role.AgencyHead, await AgencyIdAsync(Finance));

        var own = await _coverage.GetAgencyAsync(staff, await AgencyIdAsync(Finance), 113);

        Assert.NotNull(own);
        Assert.Empty(own.Subordinates);
        Assert.Null(await _coverage.GetAgencyAsync(staff, await AgencyIdAsync(Pawnshop), 113));
        Assert.Null(await _coverage.GetAgencyAsync(head, await AgencyIdAsync(Works), 113));
        Assert.Null(await _coverage.GetAgencyAsync(null, await AgencyIdAsync(Finance), 113));
        Assert.Equal([Tax, Pawnshop], (await _coverage.GetAgencyAsync(head, await AgencyIdAsync(Finance), 113))!.Subordinates.Select(s => s.Name));
    }

    [Fact]
    public async Task CompareAsync_StaffOfTheBureau_CompareTheirAgencyAloneAndNoOtherAgency()
    {
        await CoveragePlans.AddAsync(_database.Factory, Finance, 113, CoveragePlans.LeapExcept("6.4"));
        await CoveragePlans.AddAsync(_database.Factory, Pawnshop, 113, CoveragePlans.LeapExcept());
        await CoveragePlans.AddAsync(_database.Factory, Pawnshop, 114, CoveragePlans.LeapExcept("1.1"));
        var finance = await AgencyIdAsync(Finance);
        var staff = new Principal("finance.staff", Role.UnitStaff, finance, 1);
        var head = new Principal("finance.head", Role.AgencyHead, finance);

        var forStaff = await _coverage.CompareAsync(staff, 113, 114, finance);
        var cityForStaff = await _coverage.CompareAsync(staff, 113, 114, null);
        var forHead = await _coverage.CompareAsync(head, 113, 114, finance);

        // The bureau's own 21 covered sub-items of 113; the pawnshop's 22 are not the staff's to see.
        Assert.Equal(21, forStaff!.FromTotal.Covered);
        Assert.DoesNotContain(forStaff.Changes, c => c.AgencyId != finance);
        Assert.Equal(21, cityForStaff!.FromTotal.Covered);
        Assert.Equal(43, forHead!.FromTotal.Covered);
        Assert.Contains(forHead.Changes, c => c.AgencyName == Pawnshop && c.SubItemCode == "1.1");
        Assert.Null(await _coverage.CompareAsync(staff, 113, 114, await AgencyIdAsync(Pawnshop)));
        Assert.Null(await _coverage.CompareAsync(head, 113, 114, await AgencyIdAsync(Works)));
    }

    [Fact]
    public async Task GetPillarAsync_PillarThree_PointsAndDeclarationsOfItsSubItems()
    {
        await AddHandMadePlansAsync();

        var view = await _coverage.GetPillarAsync(113, "3");

        Assert.NotNull(view);
        Assert.Equal(["3.1", "3.2", "3.3", "3.4"], view.Pillar.SubItems.Select(s => s.Code));
        // Finance 4 points, pawnshop 2.
        Assert.Equal(6, view.FocusPoints.Count);
        Assert.All(view.FocusPoints, p => Assert.StartsWith("3.", p.SubItemCode, StringComparison.Ordinal));
        Assert.Equal([("3.2", Pawnshop), ("3.3", Pawnshop)], view.Declarations.Select(d => (d.SubItemCode, d.AgencyName)));
        Assert.Null(await _coverage.GetPillarAsync(113, "9"));
    }

    [Fact]
    public async Task CompareAsync_SameFramework_ListsWhatBecameCoveredOrUncovered()
    {
        await CoveragePlans.AddAsync(_database.Factory, Finance, 113, CoveragePlans.LeapExcept("6.4"));
        await CoveragePlans.AddAsync(_database.Factory, Finance, 114, CoveragePlans.LeapExcept("1.1"));

        var comparison = (await _coverage.CompareAsync(Admin, 113, 114, await AgencyIdAsync(Finance)))!;

        Assert.True(comparison.SameFramework);
        Assert.Equal([("1.1", false), ("6.4", true)], comparison.Changes.Select(c => (c.SubItemCode, c.BecameCovered)).OrderBy(c => c.SubItemCode));
        Assert.Equal(21, comparison.FromTotal.Covered);
        Assert.Equal(21, comparison.ToTotal.Covered);
    }

    [Fact]
    public async Task CompareAsync_DifferentFrameworks_ComparesPillarSharesOnly()
    {
        await CoveragePlans.AddAsync(_database.Factory, Works, 113, CoveragePlans.LeapExcept());
        await using (var db = _database.Open())
        {
            var frameworkId = await db.ProgrammeYears.Where(y => y.RocYear == 105).Select(y => y.FrameworkId).SingleAsync();
            Assert.Equal("refine", await db.Frameworks.Where(f => f.Id == frameworkId).Select(f => f.Key).SingleAsync());
        }

        var comparison = (await _coverage.CompareAsync(Admin, 105, 113, null))!;

        Assert.False(comparison.SameFramework);
        Assert.Empty(comparison.Changes);
        Assert.Equal(5, comparison.FromPillars.Count);
        Assert.Equal(6, comparison.ToPillars.Count);
        Assert.Null(comparison.FromTotal.Share);
        Assert.Equal(1.0, comparison.ToTotal.Share);
    }

    [SeedFact]
    public async Task GetMatrixAsync_FourSamplePlans_AsTheIssueSays()
    {
        var import = new PlanImportService(_database.Factory, new PlanService(_database.Factory, _database.Clock, new HighServiceDashboard.Infrastructure.Schedule.ObligationService(_database.Factory, _database.Clock)), new PlanDocumentLoader());
        foreach (var file in Directory.GetFiles(SeedPlans.SeedFolder!, "*.txt").Order())
        {
            var preview = await import.PreviewAsync(await File.ReadAllBytesAsync(file), Path.GetFileName(file), new PlanImportOptions(), PlanImportService.CommandLine);
            var stored = await import.StoreAsync(preview, PlanImportService.ToContent(preview.Reading!), replace: false, "test");
            Assert.True(stored.Succeeded, string.Join(", ", stored.Errors));
        }

        var y113 = await _coverage.GetMatrixAsync(113);
        Assert.Equal(1.0, y113.Rows.Single(r => r.Name == Finance).Coverage.Total.Share);
        Assert.Equal(22, y113.Rows.Single(r => r.Name == Finance).Coverage.Total.Covered);
        Assert.Equal(1.0, y113.Rows.Single(r => r.Name == "高雄市鳥松區公所").Coverage.Total.Share);

        var y114 = await _coverage.GetMatrixAsync(114);
        var pawnshop = y114.Rows.Single(r => r.Name == Pawnshop);
        Assert.Equal(["3.2", "3.3"], y114.Framework.SubItems.Where(s => pawnshop.StatusOf(s.Code) == CoverageStatus.NotApplicable).Select(s => s.Code));
        Assert.Equal((20, 2, 0), (pawnshop.Coverage.Total.Covered, pawnshop.Coverage.Total.NotApplicable, pawnshop.Coverage.Total.Missing));

        var y105 = await _coverage.GetMatrixAsync(105);
        Assert.Equal("refine", y105.Framework.Key);
        var works = y105.Rows.Single(r => r.Name == Works);
        Assert.Equal((24, 1.0), (works.Coverage.Total.Covered, works.Coverage.Total.Share!.Value));
    }

    private async Task<int> AgencyIdAsync(string name)
    {
        await using var db = _database.Open();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CountingFactory(string connectionString, CommandCounter counter) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).AddInterceptors(counter).Options);
    }
}
