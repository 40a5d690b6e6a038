using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.Support;

/// <summary>Small hand-made plans stored straight into a test database, for the coverage tests.</summary>
public static class CoveragePlans
{
    /// <summary>
    /// Stores a plan of <paramref name="agencyName"/> for <paramref name="rocYear"/> under the year's
    /// framework: <paramref name="points"/> focus points per sub-item code, and declarations (code, reason).
    /// </summary>
    public static async Task<int> AddAsync(
        IDbContextFactory<AppDbContext> factory, string agencyName, int rocYear,
        IReadOnlyDictionary<string, int> points, IReadOnlyDictionary<string, string>? notApplicable = null,
        PlanStatus status = PlanStatus.Draft)
    {
        await using var db = await factory.CreateDbContextAsync();
        var agencyId = await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync();
        var frameworkId = await db.ProgrammeYears.Where(y => y.RocYear == rocYear).Select(y => y.FrameworkId).SingleAsync();
        var plan = new Plan { AgencyId = agencyId, RocYear = rocYear, FrameworkId = frameworkId, Status = status, Title = $"{agencyName}{rocYear}年度提升服務計畫" };
        var order = 0;
        foreach (var (code, count) in points)
        {
            for (var i = 1; i <= count; i++)
            {
                plan.FocusPoints.Add(new FocusPoint
                {
                    SubItemCode = code,
                    Order = ++order,
                    Title = $"{code}之重點{i}",
                    Description = $"說明{code}-{i}",
                    Units = [new FocusPointUnit { Name = i % 2 == 0 ? "人事室" : "秘書室" }],
                });
            }
        }

        foreach (var (code, reason) in notApplicable ?? new Dictionary<string, string>())
        {
            plan.NotApplicable.Add(new NotApplicableItem { SubItemCode = code, Reason = reason });
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>Every sub-item code of the leap framework (22), each with one point, but those left out.</summary>
    public static Dictionary<string, int> LeapExcept(params string[] leftOut) =>
        LeapCodes.Where(c => !leftOut.Contains(c)).ToDictionary(c => c, _ => 1);

    public static readonly string[] LeapCodes =
    [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4",
        "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "6.4",
    ];
}
