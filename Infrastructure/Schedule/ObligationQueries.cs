using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>An obligation as the agency view and the calendar show it.</summary>
public sealed record ObligationRow(
    int Id,
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    int RocYear,
    ObligationKind Kind,
    string Title,
    string? UnitName,
    DateOnly OpensOn,
    DateOnly DueOn,
    ObligationState State,
    string? Evidence,
    string? WaiverReason,
    int DaysLate)
{
    public string AgencyDisplayName(bool english) => english && !string.IsNullOrWhiteSpace(AgencyNameEn) ? AgencyNameEn : AgencyName;

    /// <summary>An obligation (with its agency loaded) as it stands on <paramref name="today"/>.</summary>
    public static ObligationRow Of(Obligation o, DateOnly today) => new(
        o.Id, o.AgencyId, o.Agency!.Name, o.Agency.NameEn, o.RocYear, o.Kind, o.Title, o.UnitName, o.OpensOn, o.DueOn,
        o.StateOn(today), o.Evidence, o.WaiverReason, Math.Max(0, today.DayNumber - o.DueOn.DayNumber));
}

/// <summary>Reads obligations: an agency's with its subordinates', most urgent first.</summary>
public sealed class ObligationQueries(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <summary>The year's obligations of the agency and every agency below it: late first (longest late first), then by due date.</summary>
    public async Task<IReadOnlyList<ObligationRow>> ForAgencyAsync(int agencyId, int rocYear, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var ids = AgencyTree.SelfAndDescendants(agencyId, agencies).ToList();
        return Order(await LoadAsync(db.Obligations.Where(o => ids.Contains(o.AgencyId) && o.RocYear == rocYear), today, ct));
    }

    /// <summary>Obligations of the given agencies over a range of years (the calendar feeds).</summary>
    public async Task<IReadOnlyList<ObligationRow>> ForAgenciesAsync(IReadOnlyCollection<int> agencyIds, int fromRocYear, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return Order(await LoadAsync(db.Obligations.Where(o => agencyIds.Contains(o.AgencyId) && o.RocYear >= fromRocYear), today, ct));
    }

    private static async Task<List<ObligationRow>> LoadAsync(IQueryable<Obligation> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Include(o => o.Agency).ToListAsync(ct);
        return rows.Select(o => ObligationRow.Of(o, today)).ToList();
    }

    /// <summary>Most urgent first: late (longest late first), then pending by due date, then settled.</summary>
    internal static List<ObligationRow> Order(List<ObligationRow> rows) =>
        rows.OrderBy(r => r.State == ObligationState.Late ? 0 : r.State is ObligationState.Open or ObligationState.NotYetOpen ? 1 : 2)
            .ThenByDescending(r => r.State == ObligationState.Late ? r.DaysLate : 0)
            .ThenBy(r => r.DueOn).ThenBy(r => r.AgencyId).ThenBy(r => r.Id).ToList();
}
