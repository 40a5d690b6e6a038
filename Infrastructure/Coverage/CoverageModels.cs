using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.Plans;

namespace HighServiceDashboard.Infrastructure.Coverage;

/// <summary>One agency's row of the heatmap: who it is, its plan of the year (if any) and its coverage.</summary>
public sealed record CoverageRow(
    int AgencyId,
    string Name,
    string? NameEn,
    AgencyLevel Level,
    AgencyKind Kind,
    int? ParentId,
    string? ParentName,
    string? ParentNameEn,
    int? PlanId,
    PlanStatus? PlanStatus,
    bool HasSource,
    AgencyCoverage Coverage,
    IReadOnlyDictionary<string, int> PointCounts)
{
    public bool HasPlan => PlanId is not null;

    public CoverageStatus StatusOf(string code) => Coverage.StatusOf(code);

    public int PointsFor(string code) => PointCounts.GetValueOrDefault(code);

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;

    public string? ParentDisplayName(bool english) => english && !string.IsNullOrWhiteSpace(ParentNameEn) ? ParentNameEn : ParentName;
}

/// <summary>
/// The city-wide heatmap of a year: every agency taking part (rows, in the tree's order), the
/// year's framework (columns: its sub-items under their pillars), and the totals.
/// </summary>
public sealed record CoverageMatrix(int RocYear, Framework Framework, IReadOnlyList<CoverageRow> Rows)
{
    /// <summary>How many of <paramref name="rows"/> cover, declare not applicable, miss or have no plan for one sub-item.</summary>
    public static SubItemTally Column(IEnumerable<CoverageRow> rows, string code) => CoverageRules.Column(rows.Select(r => r.StatusOf(code)));

    /// <summary>A pillar over many agencies: the sum of their counts (agencies without a plan add sub-items only).</summary>
    public static CoverageCount PillarTotal(IEnumerable<CoverageRow> rows, string pillarCode) =>
        CoverageCount.Sum(rows.Where(r => r.HasPlan).Select(r => r.Coverage.Pillars.First(p => p.Code == pillarCode).Count));

    /// <summary>The whole framework over many agencies with a plan.</summary>
    public static CoverageCount Total(IEnumerable<CoverageRow> rows) => CoverageCount.Sum(rows.Where(r => r.HasPlan).Select(r => r.Coverage.Total));

    public IReadOnlyDictionary<string, SubItemTally> Columns => Framework.SubItems.ToDictionary(s => s.Code, s => Column(Rows, s.Code), StringComparer.Ordinal);
}

/// <summary>A focus point as coverage shows it: whose it is, what it says and which units carry it.</summary>
public sealed record CoveragePoint(
    int Id,
    int PlanId,
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    string SubItemCode,
    string Title,
    string Description,
    bool AllUnits,
    IReadOnlyList<string> Units,
    bool IsGuess);

/// <summary>A declaration that a sub-item does not apply, with its reason.</summary>
public sealed record CoverageDeclaration(int PlanId, int AgencyId, string AgencyName, string? AgencyNameEn, string SubItemCode, string Reason);

/// <summary>What sits behind one cell of the heatmap: the agency's focus points for the sub-item, or its reason for leaving it out.</summary>
public sealed record CoverageCellDetail(
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    int RocYear,
    SubItem SubItem,
    CoverageStatus Status,
    int? PlanId,
    IReadOnlyList<CoveragePoint> FocusPoints,
    string? NotApplicableReason);

/// <summary>One sub-item of an agency's coverage, with what the plan says for it.</summary>
public sealed record SubItemCoverageDetail(SubItem SubItem, string PillarCode, CoverageStatus Status, IReadOnlyList<CoveragePoint> FocusPoints, string? NotApplicableReason);

/// <summary>An agency's coverage of a year, sub-item by sub-item, and its subordinates' rows.</summary>
public sealed record AgencyCoverageDetail(
    int RocYear,
    Framework Framework,
    CoverageRow Agency,
    IReadOnlyList<SubItemCoverageDetail> SubItems,
    IReadOnlyList<CoverageRow> Subordinates,
    string? SourceFileName);

/// <summary>One pillar across agencies: their rows, and per sub-item the focus points and declarations they wrote.</summary>
public sealed record PillarCoverageView(
    int RocYear,
    Framework Framework,
    Pillar Pillar,
    IReadOnlyList<CoverageRow> Rows,
    IReadOnlyList<CoveragePoint> FocusPoints,
    IReadOnlyList<CoverageDeclaration> Declarations);

/// <summary>A sub-item of one agency that became covered or stopped being covered between two years.</summary>
public sealed record CoverageChange(int AgencyId, string AgencyName, string? AgencyNameEn, string SubItemCode, CoverageStatus Before, CoverageStatus After)
{
    public bool BecameCovered => After == CoverageStatus.Covered;
}

/// <summary>A pillar's counts in one year, over the agencies compared.</summary>
public sealed record PillarShare(string Code, string Title, CoverageCount Count);

/// <summary>
/// Two years side by side, for one agency (and its subordinates) or city-wide. Sub-item changes
/// only where both years use the same framework; otherwise the pillar shares of each year alone.
/// </summary>
public sealed record CoverageComparison(
    int FromYear,
    int ToYear,
    Framework FromFramework,
    Framework ToFramework,
    int? AgencyId,
    IReadOnlyList<PillarShare> FromPillars,
    IReadOnlyList<PillarShare> ToPillars,
    CoverageCount FromTotal,
    CoverageCount ToTotal,
    IReadOnlyList<CoverageChange> Changes)
{
    public bool SameFramework => FromFramework.Key == ToFramework.Key;
}
