using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Programme;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Coverage;

/// <summary>
/// Which agency's plan covers which sub-item of the year's framework, for the coverage pages, the
/// exports and the open-data endpoint. A year's matrix takes a handful of set-based queries (the
/// framework, the agencies, the plans, focus points counted per plan and sub-item, the
/// declarations), whatever the number of agencies; the rules are <see cref="CoverageRules"/>.
/// </summary>
public sealed class CoverageService(IDbContextFactory<AppDbContext> contextFactory, AccessService access)
{
    /// <summary>The heatmap of a year: every agency taking part in it, with or without a plan.</summary>
    public async Task<CoverageMatrix> GetMatrixAsync(int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var framework = await LoadFrameworkAsync(db, rocYear, ct);
        return new CoverageMatrix(rocYear, framework, await BuildRowsAsync(db, rocYear, framework, null, ct));
    }

    /// <summary>The focus points behind one cell, or the reason the sub-item was declared not applicable.</summary>
    public async Task<CoverageCellDetail?> GetCellAsync(int rocYear, int agencyId, string subItemCode, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var framework = await LoadFrameworkAsync(db, rocYear, ct);
        var subItem = framework.FindSubItem(subItemCode);
        var agency = await db.Agencies.Where(a => a.Id == agencyId).Select(a => new { a.Name, a.NameEn }).FirstOrDefaultAsync(ct);
        if (subItem is null || agency is null)
        {
            return null;
        }

        var planId = await db.Plans.Where(p => p.AgencyId == agencyId && p.RocYear == rocYear).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null)
        {
            return new CoverageCellDetail(agencyId, agency.Name, agency.NameEn, rocYear, subItem, CoverageStatus.NoPlan, null, [], null);
        }

        var points = await PointsAsync(db, db.FocusPoints.Where(f => f.PlanId == planId && f.SubItemCode == subItemCode), ct);
        var reason = await db.NotApplicableItems.Where(n => n.PlanId == planId && n.SubItemCode == subItemCode).Select(n => n.Reason).FirstOrDefaultAsync(ct);
        var facts = new PlanFacts(
            points.Count > 0 ? new HashSet<string> { subItemCode } : [],
            reason is not null ? new HashSet<string> { subItemCode } : []);
        return new CoverageCellDetail(agencyId, agency.Name, agency.NameEn, rocYear, subItem, CoverageRules.StatusOf(facts, subItemCode), planId, points, reason);
    }

    /// <summary>
    /// One agency's coverage of a year with every sub-item's focus points and reasons, and the rows of
    /// those of its subordinates <paramref name="who"/> reads (none for a unit's staff); null for an
    /// unknown agency or one the person does not read.
    /// </summary>
    public async Task<AgencyCoverageDetail?> GetAgencyAsync(Principal? who, int agencyId, int rocYear, CancellationToken ct = default)
    {
        if (who is null || !await access.CanReadAsync(who, agencyId, ct))
        {
            return null;
        }

        var readable = await access.ReadableAsync(who, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var framework = await LoadFrameworkAsync(db, rocYear, ct);
        var childIds = (await db.Agencies.Where(a => a.ParentId == agencyId).Select(a => a.Id).ToListAsync(ct))
            .Where(id => readable is null || readable.Contains(id)).ToList();
        var rows = await BuildRowsAsync(db, rocYear, framework, [agencyId, .. childIds], ct, includeRetired: true);
        var self = rows.FirstOrDefault(r => r.AgencyId == agencyId);
        if (self is null)
        {
            return null;
        }

        IReadOnlyList<CoveragePoint> points = [];
        Dictionary<string, string> reasons = [];
        string? sourceName = null;
        if (self.PlanId is { } planId)
        {
            points = await PointsAsync(db, db.FocusPoints.Where(f => f.PlanId == planId), ct);
            reasons = await db.NotApplicableItems.Where(n => n.PlanId == planId).ToDictionaryAsync(n => n.SubItemCode, n => n.Reason, ct);
            sourceName = await db.PlanSources.Where(s => s.PlanId == planId).Select(s => s.FileName).FirstOrDefaultAsync(ct);
        }

        var subItems = framework.Pillars.SelectMany(p => p.SubItems.Select(s => new SubItemCoverageDetail(
            s, p.Code, self.StatusOf(s.Code), points.Where(f => f.SubItemCode == s.Code).ToList(), reasons.GetValueOrDefault(s.Code)))).ToList();
        var subordinates = rows.Where(r => r.AgencyId != agencyId).ToList();
        return new AgencyCoverageDetail(rocYear, framework, self, subItems, subordinates, sourceName);
    }

    /// <summary>One pillar of a year across agencies, with the focus points and declarations written for its sub-items; null for an unknown pillar.</summary>
    public async Task<PillarCoverageView?> GetPillarAsync(int rocYear, string pillarCode, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var framework = await LoadFrameworkAsync(db, rocYear, ct);
        var pillar = framework.Pillars.FirstOrDefault(p => p.Code == pillarCode);
        if (pillar is null)
        {
            return null;
        }

        var rows = await BuildRowsAsync(db, rocYear, framework, null, ct);
        var codes = pillar.SubItems.Select(s => s.Code).ToList();
        var points = await PointsAsync(db, db.FocusPoints.Where(f => f.Plan!.RocYear == rocYear && codes.Contains(f.SubItemCode)), ct);
        var declarations = await db.NotApplicableItems
            .Where(n => codes.Contains(n.SubItemCode))
            .Join(db.Plans.Where(p => p.RocYear == rocYear), n => n.PlanId, p => p.Id, (n, p) => new CoverageDeclaration(p.Id, p.AgencyId, p.Agency!.Name, p.Agency.NameEn, n.SubItemCode, n.Reason))
            .ToListAsync(ct);
        var order = rows.Select((r, i) => (r.AgencyId, i)).ToDictionary(x => x.AgencyId, x => x.i);
        return new PillarCoverageView(
            rocYear, framework, pillar, rows,
            points.OrderBy(p => order.GetValueOrDefault(p.AgencyId, int.MaxValue)).ToList(),
            declarations.OrderBy(d => order.GetValueOrDefault(d.AgencyId, int.MaxValue)).ThenBy(d => d.SubItemCode, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// What became covered or uncovered between two years, for an agency and its subordinates or
    /// city-wide (null), within what <paramref name="who"/> reads: a unit's staff compare their own
    /// agency alone, a head or coordinator asking for the city gets their agencies. Null (not found) for
    /// an agency the person does not read. Where the years' frameworks differ, only each year's pillar shares.
    /// </summary>
    public async Task<CoverageComparison?> CompareAsync(Principal? who, int fromYear, int toYear, int? agencyId, CancellationToken ct = default)
    {
        if (who is null || (agencyId is { } asked && !await access.CanReadAsync(who, asked, ct)))
        {
            return null;
        }

        var readable = await access.ReadableAsync(who, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        IReadOnlyCollection<int>? scope = readable;
        if (agencyId is { } id)
        {
            List<int> tree = [id, .. await db.Agencies.Where(a => a.ParentId == id).Select(a => a.Id).ToListAsync(ct)];
            scope = tree.Where(a => readable is null || readable.Contains(a)).ToList();
        }

        var fromFramework = await LoadFrameworkAsync(db, fromYear, ct);
        var toFramework = await LoadFrameworkAsync(db, toYear, ct);
        var fromRows = await BuildRowsAsync(db, fromYear, fromFramework, scope, ct, includeRetired: scope is not null);
        var toRows = await BuildRowsAsync(db, toYear, toFramework, scope, ct, includeRetired: scope is not null);

        var changes = new List<CoverageChange>();
        if (fromFramework.Key == toFramework.Key)
        {
            var before = fromRows.ToDictionary(r => r.AgencyId);
            foreach (var after in toRows)
            {
                var earlier = before.GetValueOrDefault(after.AgencyId);
                foreach (var subItem in toFramework.SubItems)
                {
                    var was = earlier?.StatusOf(subItem.Code) ?? CoverageStatus.NoPlan;
                    var now = after.StatusOf(subItem.Code);
                    if ((was == CoverageStatus.Covered) != (now == CoverageStatus.Covered))
                    {
                        changes.Add(new CoverageChange(after.AgencyId, after.Name, after.NameEn, subItem.Code, was, now));
                    }
                }
            }
        }

        return new CoverageComparison(
            fromYear, toYear, fromFramework, toFramework, agencyId,
            PillarShares(fromFramework, fromRows), PillarShares(toFramework, toRows),
            CoverageMatrix.Total(fromRows), CoverageMatrix.Total(toRows), changes);
    }

    private static List<PillarShare> PillarShares(Framework framework, IReadOnlyList<CoverageRow> rows) =>
        framework.Pillars.Select(p => new PillarShare(p.Code, p.Title, CoverageMatrix.PillarTotal(rows, p.Code))).ToList();


    /// <summary>The year's framework in order; a year nobody has set up falls back to the default framework of its era.</summary>
    private static async Task<Framework> LoadFrameworkAsync(AppDbContext db, int rocYear, CancellationToken ct)
    {
        var frameworkId = await db.ProgrammeYears.Where(y => y.RocYear == rocYear).Select(y => (int?)y.FrameworkId).FirstOrDefaultAsync(ct);
        var query = db.Frameworks.AsNoTracking().Include(f => f.Pillars).ThenInclude(p => p.SubItems).AsSplitQuery();
        var key = ProgrammeYear.DefaultFrameworkKey(rocYear);
        var framework = frameworkId is { } fid
            ? await query.SingleAsync(f => f.Id == fid, ct)
            : await query.SingleAsync(f => f.Key == key, ct);
        framework.Pillars = framework.Pillars.OrderBy(p => p.Order).ToList();
        framework.Pillars.ForEach(p => p.SubItems = p.SubItems.OrderBy(s => s.Order).ToList());
        return framework;
    }

    /// <summary>
    /// The rows of a year for the agencies in <paramref name="scope"/> (null: every agency taking part
    /// that year), in the tree's order: each first-level agency followed by its subordinates.
    /// </summary>
    private static async Task<IReadOnlyList<CoverageRow>> BuildRowsAsync(
        AppDbContext db, int rocYear, Framework framework, IReadOnlyCollection<int>? scope, CancellationToken ct, bool includeRetired = false)
    {
        var yearStart = new DateOnly(RocCalendar.ToGregorianYear(rocYear), 1, 1);
        var agencyQuery = db.Agencies.Where(a => a.Level != AgencyLevel.City);
        agencyQuery = scope is null ? agencyQuery : agencyQuery.Where(a => scope.Contains(a.Id));
        if (!includeRetired)
        {
            agencyQuery = agencyQuery.Where(a => a.RetiredOn == null || a.RetiredOn >= yearStart);
        }

        var agencies = await agencyQuery
            .Select(a => new { a.Id, a.Name, a.NameEn, a.Level, a.Kind, a.ParentId, ParentName = a.Parent!.Name, ParentNameEn = a.Parent.NameEn })
            .ToListAsync(ct);

        var planQuery = db.Plans.Where(p => p.RocYear == rocYear);
        planQuery = scope is null ? planQuery : planQuery.Where(p => scope.Contains(p.AgencyId));
        var plans = await planQuery.Select(p => new { p.Id, p.AgencyId, p.Status, HasSource = p.Source != null }).ToListAsync(ct);

        var pointCounts = await db.FocusPoints
            .Where(f => planQuery.Any(p => p.Id == f.PlanId))
            .GroupBy(f => new { f.PlanId, f.SubItemCode })
            .Select(g => new { g.Key.PlanId, g.Key.SubItemCode, Count = g.Count() })
            .ToListAsync(ct);
        var declared = await db.NotApplicableItems
            .Where(n => planQuery.Any(p => p.Id == n.PlanId))
            .Select(n => new { n.PlanId, n.SubItemCode })
            .ToListAsync(ct);

        var countsByPlan = pointCounts.ToLookup(c => c.PlanId);
        var declaredByPlan = declared.ToLookup(d => d.PlanId, d => d.SubItemCode);
        var planByAgency = plans.ToDictionary(p => p.AgencyId);

        var rows = new List<CoverageRow>(agencies.Count);
        foreach (var a in agencies)
        {
            var plan = planByAgency.GetValueOrDefault(a.Id);
            PlanFacts? facts = null;
            IReadOnlyDictionary<string, int> counts = EmptyCounts;
            if (plan is not null)
            {
                var planCounts = countsByPlan[plan.Id].ToDictionary(c => c.SubItemCode, c => c.Count, StringComparer.Ordinal);
                counts = planCounts;
                facts = new PlanFacts(planCounts.Keys.ToHashSet(StringComparer.Ordinal), declaredByPlan[plan.Id].ToHashSet(StringComparer.Ordinal));
            }

            rows.Add(new CoverageRow(
                a.Id, a.Name, a.NameEn, a.Level, a.Kind, a.ParentId, a.ParentName, a.ParentNameEn,
                plan?.Id, plan?.Status, plan?.HasSource ?? false, CoverageRules.Evaluate(framework, facts), counts));
        }

        return TreeOrder(rows);
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();

    private static List<CoverageRow> TreeOrder(List<CoverageRow> rows)
    {
        var ids = rows.Select(r => r.AgencyId).ToHashSet();
        var children = rows.Where(r => r.ParentId is { } p && ids.Contains(p) && r.Level == AgencyLevel.SecondLevel).ToLookup(r => r.ParentId!.Value);
        var result = new List<CoverageRow>(rows.Count);
        foreach (var top in rows.Where(r => !(r.ParentId is { } p && ids.Contains(p) && r.Level == AgencyLevel.SecondLevel))
                     .OrderBy(r => r.Level).ThenBy(r => r.Kind).ThenBy(r => r.AgencyId))
        {
            result.Add(top);
            result.AddRange(children[top.AgencyId].OrderBy(c => c.AgencyId));
        }

        return result;
    }

    private static async Task<IReadOnlyList<CoveragePoint>> PointsAsync(AppDbContext db, IQueryable<FocusPoint> query, CancellationToken ct)
    {
        var points = await query
            .OrderBy(f => f.PlanId).ThenBy(f => f.Order)
            .Select(f => new
            {
                f.Id, f.PlanId, f.Plan!.AgencyId, AgencyName = f.Plan.Agency!.Name, AgencyNameEn = f.Plan.Agency.NameEn,
                f.SubItemCode, f.Title, f.Description, f.AllUnits, f.IsGuess,
                Units = f.Units.OrderBy(u => u.Id).Select(u => u.Name).ToList(),
            })
            .ToListAsync(ct);
        return points.Select(p => new CoveragePoint(p.Id, p.PlanId, p.AgencyId, p.AgencyName, p.AgencyNameEn, p.SubItemCode, p.Title, p.Description, p.AllUnits, p.Units, p.IsGuess)).ToList();
    }
}
