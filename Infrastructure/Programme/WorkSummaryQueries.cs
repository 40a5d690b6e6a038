using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Programme;

/// <summary>
/// Where a person's part of the programme stands in a year: the plans of the agencies they watch,
/// what those agencies owe next and what is late.
/// </summary>
public sealed record WorkSummary(
    int AgencyCount,
    IReadOnlyDictionary<PlanStatus, int> PlansByStatus,
    int WithoutPlan,
    int Late,
    int DueSoon,
    IReadOnlyList<ObligationRow> Next)
{
    /// <summary>Days ahead that count as due soon: the first reminder of the schedule.</summary>
    public const int SoonDays = 14;

    public int PlansIn(PlanStatus status) => PlansByStatus.GetValueOrDefault(status);
}

/// <summary>Reads the <see cref="WorkSummary"/> of a scope: every agency (the commission), or some.</summary>
public sealed class WorkSummaryQueries(IDbContextFactory<AppDbContext> contextFactory, ObligationService obligations, TimeProvider clock)
{
    /// <param name="agencies">The agencies watched; null for every agency.</param>
    /// <param name="unitName">For a unit's staff: only what their unit owes, or the agency as a whole.</param>
    /// <param name="take">How many of the next obligations to list.</param>
    public async Task<WorkSummary> GetAsync(int rocYear, IReadOnlySet<int>? agencies, string? unitName = null, int take = 6, CancellationToken ct = default)
    {
        await obligations.SyncYearAsync(rocYear, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var yearStart = new DateOnly(RocCalendar.ToGregorianYear(rocYear), 1, 1);
        // The agencies of the programme: the city government above them owes nothing itself.
        var active = db.Agencies.Where(a => a.Level != AgencyLevel.City && (a.RetiredOn == null || a.RetiredOn >= yearStart));
        var plans = db.Plans.Where(p => p.RocYear == rocYear);
        var owed = db.Obligations.AsNoTracking().Include(o => o.Agency).Where(o => o.RocYear == rocYear && o.Resolution == ObligationResolution.Pending);
        if (agencies is not null)
        {
            var ids = agencies.ToList();
            active = active.Where(a => ids.Contains(a.Id));
            plans = plans.Where(p => ids.Contains(p.AgencyId));
            owed = owed.Where(o => ids.Contains(o.AgencyId));
        }

        if (unitName is not null)
        {
            owed = owed.Where(o => o.UnitName == null || o.UnitName == unitName);
        }

        var agencyIds = await active.Select(a => a.Id).ToListAsync(ct);
        var byStatus = (await plans.Where(p => agencyIds.Contains(p.AgencyId)).GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);

        var today = clock.Today();
        var pending = (await owed.Where(o => agencyIds.Contains(o.AgencyId)).ToListAsync(ct))
            .Select(o => ObligationRow.Of(o, today))
            .ToList();
        var late = pending.Count(o => o.State == ObligationState.Late);
        var soon = pending.Count(o => o.State != ObligationState.Late && o.DueOn.DayNumber - today.DayNumber <= WorkSummary.SoonDays);
        var next = ObligationQueries.Order(pending).Take(take).ToList();

        return new WorkSummary(agencyIds.Count, byStatus, agencyIds.Count - byStatus.Values.Sum(), late, soon, next);
    }
}
