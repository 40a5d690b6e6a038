using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Domain.Coverage;

/// <summary>Where one sub-item stands in one agency's plan of a year.</summary>
public enum CoverageStatus
{
    /// <summary>At least one focus point serves it.</summary>
    Covered,

    /// <summary>Declared not applicable, with a reason; counted apart, neither covered nor missing.</summary>
    NotApplicable,

    /// <summary>Neither served nor declared.</summary>
    Missing,

    /// <summary>The agency has no plan for the year at all.</summary>
    NoPlan,
}

/// <summary>
/// What a plan says about the framework's sub-items, as coverage needs it: the codes served by at
/// least one focus point and the codes declared not applicable. No plan: <see cref="None"/>.
/// </summary>
public sealed record PlanFacts(IReadOnlySet<string> CoveredCodes, IReadOnlySet<string> NotApplicableCodes)
{
    public static PlanFacts? None => null;
}

/// <summary>
/// Counts of one pillar (or of the whole framework): sub-items covered, declared not applicable,
/// missing. <see cref="Share"/> is covered over the applicable ones; null when none applies or
/// there is no plan.
/// </summary>
public sealed record CoverageCount(int SubItems, int Covered, int NotApplicable, int Missing, bool HasPlan = true)
{
    public int Applicable => SubItems - NotApplicable;

    public double? Share => !HasPlan || Applicable == 0 ? null : (double)Covered / Applicable;

    public bool HasGaps => !HasPlan || Missing > 0;

    public static CoverageCount Sum(IEnumerable<CoverageCount> counts)
    {
        int subItems = 0, covered = 0, notApplicable = 0, missing = 0;
        var hasPlan = false;
        foreach (var c in counts)
        {
            subItems += c.SubItems;
            if (c.HasPlan)
            {
                hasPlan = true;
                covered += c.Covered;
                notApplicable += c.NotApplicable;
                missing += c.Missing;
            }
        }

        return new CoverageCount(subItems, covered, notApplicable, missing, hasPlan);
    }
}

/// <summary>One pillar of one agency's coverage.</summary>
public sealed record PillarCoverage(string Code, string Title, CoverageCount Count);

/// <summary>
/// One agency's coverage of a year's framework: each sub-item's status, each pillar's counts and
/// the whole. The preamble item (code "0", the plan itself) is no pillar's sub-item and is left out.
/// </summary>
public sealed record AgencyCoverage(
    bool HasPlan,
    IReadOnlyDictionary<string, CoverageStatus> SubItems,
    IReadOnlyList<PillarCoverage> Pillars,
    CoverageCount Total)
{
    public CoverageStatus StatusOf(string code) => SubItems.TryGetValue(code, out var s) ? s : CoverageStatus.Missing;
}

/// <summary>The coverage rules of DOMAIN.md ("Coverage").</summary>
public static class CoverageRules
{
    /// <summary>
    /// A sub-item's status. A focus point written for a sub-item also declared not applicable
    /// serves it all the same: what the agency will do wins over what it says it need not.
    /// </summary>
    public static CoverageStatus StatusOf(PlanFacts? plan, string code) =>
        plan is null ? CoverageStatus.NoPlan
        : plan.CoveredCodes.Contains(code) ? CoverageStatus.Covered
        : plan.NotApplicableCodes.Contains(code) ? CoverageStatus.NotApplicable
        : CoverageStatus.Missing;

    /// <summary>An agency's coverage of the framework, from its plan's facts (null: no plan for the year).</summary>
    public static AgencyCoverage Evaluate(Framework framework, PlanFacts? plan)
    {
        var statuses = new Dictionary<string, CoverageStatus>(StringComparer.Ordinal);
        var pillars = new List<PillarCoverage>();
        foreach (var pillar in framework.Pillars.OrderBy(p => p.Order))
        {
            int covered = 0, notApplicable = 0, missing = 0;
            var subItems = pillar.SubItems.OrderBy(s => s.Order).ToList();
            foreach (var subItem in subItems)
            {
                var status = StatusOf(plan, subItem.Code);
                statuses[subItem.Code] = status;
                switch (status)
                {
                    case CoverageStatus.Covered: covered++; break;
                    case CoverageStatus.NotApplicable: notApplicable++; break;
                    case CoverageStatus.Missing: missing++; break;
                }
            }

            pillars.Add(new PillarCoverage(pillar.Code, pillar.Title, new CoverageCount(subItems.Count, covered, notApplicable, missing, plan is not null)));
        }

        var total = CoverageCount.Sum(pillars.Select(p => p.Count));
        return new AgencyCoverage(plan is not null, statuses, pillars, total with { HasPlan = plan is not null });
    }

    /// <summary>How many agencies stand where on one sub-item (a column of the heatmap).</summary>
    public static SubItemTally Column(IEnumerable<CoverageStatus> statuses)
    {
        int covered = 0, notApplicable = 0, missing = 0, noPlan = 0;
        foreach (var s in statuses)
        {
            switch (s)
            {
                case CoverageStatus.Covered: covered++; break;
                case CoverageStatus.NotApplicable: notApplicable++; break;
                case CoverageStatus.Missing: missing++; break;
                default: noPlan++; break;
            }
        }

        return new SubItemTally(covered, notApplicable, missing, noPlan);
    }
}

/// <summary>One sub-item across agencies: how many cover it, declare it not applicable, miss it, or have no plan.</summary>
public sealed record SubItemTally(int Covered, int NotApplicable, int Missing, int NoPlan)
{
    public int Agencies => Covered + NotApplicable + Missing + NoPlan;
}
