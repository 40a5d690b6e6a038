using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Plans;

/// <summary>A plan as its page shows it: the agency's own table, grouped by pillar and sub-item.</summary>
public sealed record PlanView(
    int Id,
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    int? ParentAgencyId,
    int RocYear,
    string? Title,
    PlanStatus Status,
    int Version,
    Framework Framework,
    IReadOnlyList<FocusPointView> FocusPoints,
    IReadOnlyList<NotApplicableItem> NotApplicable,
    IReadOnlyList<UnplacedText> Unplaced,
    IReadOnlyList<PlanStatusChange> History,
    string? SourceFileName,
    DateTimeOffset UpdatedAt)
{
    public IEnumerable<FocusPointView> PointsFor(string code) => FocusPoints.Where(p => p.SubItemCode == code);

    public NotApplicableItem? DeclarationFor(string code) => NotApplicable.FirstOrDefault(n => n.SubItemCode == code);

    public int GuessCount => FocusPoints.Count(p => p.IsGuess);

    /// <summary>The plan's content as the editor edits it and the service compares edits with it.</summary>
    public PlanContentInput ToContent() => new()
    {
        Title = Title,
        FocusPoints = FocusPoints.Select(p => new FocusPointInput
        {
            Id = p.Id,
            SubItemCode = p.SubItemCode,
            Title = p.Title,
            Description = p.Description,
            AllUnits = p.AllUnits,
            UnitNames = p.Units.Select(u => u.Name).ToList(),
            Cadences = p.Cadences.ToList(),
            IsGuess = p.IsGuess,
            GuessReason = p.GuessReason,
            GuessReasonEn = p.GuessReasonEn,
            SourceLine = p.SourceLine,
        }).ToList(),
        NotApplicable = NotApplicable.Select(n => new NotApplicableInput { SubItemCode = n.SubItemCode, Reason = n.Reason, SourceLine = n.SourceLine }).ToList(),
        Unplaced = Unplaced.Select(u => (u.Text, u.SourceLine)).ToList(),
    };
}

public sealed record FocusPointView(
    int Id,
    string SubItemCode,
    string Title,
    string Description,
    bool AllUnits,
    IReadOnlyList<UnitName> Units,
    IReadOnlyList<string> Cadences,
    bool IsGuess,
    string? GuessReason,
    string? GuessReasonEn,
    int? SourceLine);

/// <summary>A unit a focus point names; <see cref="IsKnown"/> is false for a name the agency does not have yet.</summary>
public sealed record UnitName(string Name, bool IsKnown);

/// <summary>One row of the plan list: an agency's plan for a year and where it stands.</summary>
public sealed record PlanListRow(int Id, int AgencyId, string AgencyName, string? AgencyNameEn, int RocYear, PlanStatus Status, int FocusPointCount, int GuessCount, DateTimeOffset UpdatedAt);

/// <summary>Reads plans for the pages: one plan whole, the plans of a year, the source document.</summary>
public sealed class PlanQueries(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<PlanView?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Agency)
            .Include(p => p.FocusPoints).ThenInclude(f => f.Units)
            .Include(p => p.NotApplicable)
            .Include(p => p.Unplaced)
            .Include(p => p.StatusChanges)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }

        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).ThenInclude(p => p.SubItems).SingleAsync(f => f.Id == plan.FrameworkId, ct);
        framework.Pillars = framework.Pillars.OrderBy(p => p.Order).ToList();
        framework.Pillars.ForEach(p => p.SubItems = p.SubItems.OrderBy(s => s.Order).ToList());
        var sourceName = await db.PlanSources.Where(s => s.PlanId == planId).Select(s => s.FileName).FirstOrDefaultAsync(ct);

        return new PlanView(
            plan.Id,
            plan.AgencyId,
            plan.Agency!.Name,
            plan.Agency.NameEn,
            plan.Agency.ParentId,
            plan.RocYear,
            plan.Title,
            plan.Status,
            plan.Version,
            framework,
            plan.FocusPoints.OrderBy(f => f.Order).Select(f => new FocusPointView(
                f.Id, f.SubItemCode, f.Title, f.Description, f.AllUnits,
                f.Units.OrderBy(u => u.Id).Select(u => new UnitName(u.Name, u.UnitId is not null)).ToList(),
                f.Cadences, f.IsGuess, f.GuessReason, f.GuessReasonEn, f.SourceLine)).ToList(),
            plan.NotApplicable.OrderBy(n => n.SubItemCode).ToList(),
            plan.Unplaced.OrderBy(u => u.Order).ToList(),
            plan.StatusChanges.OrderBy(c => c.At).ThenBy(c => c.Id).ToList(),
            sourceName,
            plan.UpdatedAt);
    }

    public async Task<int?> FindIdAsync(int agencyId, int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Plans.Where(p => p.AgencyId == agencyId && p.RocYear == rocYear).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The plans of a year; with <paramref name="agencies"/>, only those agencies' (a person's scope).</summary>
    public async Task<IReadOnlyList<PlanListRow>> ListAsync(int rocYear, IReadOnlySet<int>? agencies = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plans = db.Plans.Where(p => p.RocYear == rocYear);
        if (agencies is not null)
        {
            var ids = agencies.ToList();
            plans = plans.Where(p => ids.Contains(p.AgencyId));
        }

        var rows = await plans
            .Select(p => new PlanListRow(p.Id, p.AgencyId, p.Agency!.Name, p.Agency.NameEn, p.RocYear, p.Status,
                p.FocusPoints.Count, p.FocusPoints.Count(f => f.IsGuess), p.UpdatedAt))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.AgencyId).ToList();
    }

    /// <summary>The uploaded file and the text read from it, for the side-by-side view and the download.</summary>
    /// <summary>The agency a plan belongs to, for the access check of its endpoints; null when there is no such plan.</summary>
    public async Task<int?> AgencyOfAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.AgencyId).FirstOrDefaultAsync(ct);
    }

    public async Task<PlanSource?> GetSourceAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.PlanSources.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, ct);
    }
}
