using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Agencies;

/// <summary>One agency as the tree shows it.</summary>
public sealed record AgencyNode(int Id, string Name, string? NameEn, AgencyLevel Level, AgencyKind Kind, int? ParentId, DateOnly? RetiredOn, int UnitCount);

/// <summary>One agency with its units, parent and subordinates, for the detail panel.</summary>
public sealed record AgencyDetail(
    int Id,
    string Name,
    string? NameEn,
    AgencyLevel Level,
    AgencyKind Kind,
    DateOnly? RetiredOn,
    AgencyNode? Parent,
    IReadOnlyList<UnitRow> Units,
    IReadOnlyList<AgencyNode> Subordinates)
{
    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

public sealed record UnitRow(int Id, string Name, DateOnly? RetiredOn);

/// <summary>How many agencies took part in a year, by level.</summary>
public sealed record AgencyCounts(int FirstLevel, int SecondLevel, int DistrictOffices)
{
    public int Total => FirstLevel + SecondLevel;
}

/// <summary>Reads the agency tree: the whole tree, one agency, and the counts by level for a year.</summary>
public sealed class AgencyDirectory(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<IReadOnlyList<AgencyNode>> GetTreeAsync(bool includeRetired, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Agencies
            .Where(a => includeRetired || a.RetiredOn == null)
            .OrderBy(a => a.Level).ThenBy(a => a.Kind).ThenBy(a => a.Id)
            .Select(a => new AgencyNode(a.Id, a.Name, a.NameEn, a.Level, a.Kind, a.ParentId, a.RetiredOn, a.Units.Count(u => u.RetiredOn == null)))
            .ToListAsync(ct);
    }

    public async Task<AgencyDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.AsNoTracking()
            .Include(a => a.Parent)
            .Include(a => a.Units)
            .Include(a => a.Children)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return null;
        }

        return new AgencyDetail(
            agency.Id,
            agency.Name,
            agency.NameEn,
            agency.Level,
            agency.Kind,
            agency.RetiredOn,
            agency.Parent is { } p ? ToNode(p) : null,
            agency.Units.OrderBy(u => u.RetiredOn != null).ThenBy(u => u.Id).Select(u => new UnitRow(u.Id, u.Name, u.RetiredOn)).ToList(),
            agency.Children.OrderBy(c => c.RetiredOn != null).ThenBy(c => c.Id).Select(ToNode).ToList());
    }

    /// <summary>Agencies that took part at some point of the ROC year: not retired before it began.</summary>
    public async Task<AgencyCounts> CountByLevelAsync(int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var yearStart = new DateOnly(RocCalendar.ToGregorianYear(rocYear), 1, 1);
        var rows = await db.Agencies
            .Where(a => a.RetiredOn == null || a.RetiredOn >= yearStart)
            .GroupBy(a => new { a.Level, IsDistrict = a.Kind == AgencyKind.DistrictOffice })
            .Select(g => new { g.Key.Level, g.Key.IsDistrict, Count = g.Count() })
            .ToListAsync(ct);
        return new AgencyCounts(
            rows.Where(r => r.Level == AgencyLevel.FirstLevel).Sum(r => r.Count),
            rows.Where(r => r.Level == AgencyLevel.SecondLevel).Sum(r => r.Count),
            rows.Where(r => r.IsDistrict).Sum(r => r.Count));
    }

    private static AgencyNode ToNode(Agency a) => new(a.Id, a.Name, a.NameEn, a.Level, a.Kind, a.ParentId, a.RetiredOn, 0);
}
