using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Programme;

/// <summary>A programme year with the framework it uses.</summary>
public sealed record ProgrammeYearRow(int RocYear, string FrameworkKey, string FrameworkName, string FrameworkNameEn);

/// <summary>A framework version as the list of versions shows it.</summary>
public sealed record FrameworkSummary(string Key, string Name, string NameEn, int PillarCount, int SubItemCount, IReadOnlyList<int> Years);

/// <summary>
/// The programme's years and frameworks: which framework a year uses (the commission decides) and
/// the full text of a framework version.
/// </summary>
public sealed class ProgrammeService(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<IReadOnlyList<ProgrammeYearRow>> GetYearsAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.ProgrammeYears.OrderByDescending(y => y.RocYear)
            .Select(y => new ProgrammeYearRow(y.RocYear, y.Framework!.Key, y.Framework.Name, y.Framework.NameEn))
            .ToListAsync(ct);
    }

    public async Task<ProgrammeYearRow?> GetYearAsync(int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.ProgrammeYears.Where(y => y.RocYear == rocYear)
            .Select(y => new ProgrammeYearRow(y.RocYear, y.Framework!.Key, y.Framework.Name, y.Framework.NameEn))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<FrameworkSummary>> GetFrameworksAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).ThenInclude(p => p.SubItems).OrderBy(f => f.Id).ToListAsync(ct);
        var years = await db.ProgrammeYears.Select(y => new { y.RocYear, y.FrameworkId }).ToListAsync(ct);
        return frameworks.Select(f => new FrameworkSummary(
            f.Key, f.Name, f.NameEn, f.Pillars.Count, f.Pillars.Sum(p => p.SubItems.Count),
            years.Where(y => y.FrameworkId == f.Id).Select(y => y.RocYear).Order().ToList())).ToList();
    }

    /// <summary>A framework with its pillars and sub-items in order, or null when the key is unknown.</summary>
    public async Task<Framework?> GetFrameworkAsync(string key, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var framework = await db.Frameworks.AsNoTracking()
            .Include(f => f.Pillars).ThenInclude(p => p.SubItems)
            .FirstOrDefaultAsync(f => f.Key == key, ct);
        if (framework is not null)
        {
            framework.Pillars = framework.Pillars.OrderBy(p => p.Order).ToList();
            framework.Pillars.ForEach(p => p.SubItems = p.SubItems.OrderBy(s => s.Order).ToList());
        }

        return framework;
    }

    /// <summary>Ties a year to a framework version. Refused for an unknown year or framework.</summary>
    public async Task<CommandResult> SetFrameworkAsync(int rocYear, string frameworkKey, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var year = await db.ProgrammeYears.FindAsync([rocYear], ct);
        var framework = await db.Frameworks.FirstOrDefaultAsync(f => f.Key == frameworkKey, ct);
        if (year is null || framework is null)
        {
            return CommandResult.Fail("Validation.NotFound");
        }

        year.FrameworkId = framework.Id;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(rocYear);
    }
}
