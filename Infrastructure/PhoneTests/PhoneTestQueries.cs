using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.PhoneTests;

/// <summary>A fault as a row shows it.</summary>
public sealed record FaultName(string Code, string Name, string? NameEn);

/// <summary>One item's points in a test, against the item's maximum in the test's own rubric.</summary>
public sealed record ItemScore(string Key, string Name, string? NameEn, RubricGroup Group, int Points, int MaxPoints);

/// <summary>A test as the pages list it.</summary>
public sealed record PhoneTestRow(
    int Id,
    int RocYear,
    PhoneTestRound Round,
    DateTimeOffset CalledAt,
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    string? UnitName,
    string Number,
    string Tester,
    int Total,
    int MaxTotal,
    PhoneGrade Grade,
    int RubricVersion,
    IReadOnlyList<ItemScore> Scores,
    IReadOnlyList<FaultName> Faults,
    string? Notes,
    int? FollowUpId,
    DateOnly? FollowUpDueOn,
    bool FollowUpAnswered)
{
    public DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(CalledAt, TaipeiTime.Zone).DateTime);

    public string TimeText => TimeZoneInfo.ConvertTime(CalledAt, TaipeiTime.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How many calls of a round got each grade.</summary>
public sealed record GradeDistribution(PhoneTestRound Round, IReadOnlyDictionary<PhoneGrade, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>A follow-up with the call it is about.</summary>
public sealed record FollowUpView(int Id, PhoneTestRow Test, DateOnly OpenedOn, DateOnly DueOn, string? Analysis, string? Improvement, DateTimeOffset? AnsweredAt, string? AnsweredBy);

/// <summary>
/// What the phone-test pages read: a round's results, the city's grades per round, the most
/// frequent faults, an agency's history, a follow-up. Each list takes the ids of the agencies the
/// person may read (null: every agency), so that access can scope it in the database.
/// </summary>
public sealed class PhoneTestQueries(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <summary>The tests of one round of a year, by agency, unit and time.</summary>
    public async Task<IReadOnlyList<PhoneTestRow>> RoundResultsAsync(int rocYear, PhoneTestRound round, IReadOnlySet<int>? readable = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await LoadAsync(Scoped(db, readable).Where(t => t.RocYear == rocYear && t.Round == round), ct);
        return rows.OrderBy(r => r.AgencyName, StringComparer.Ordinal).ThenBy(r => r.UnitName ?? "", StringComparer.Ordinal).ThenBy(r => r.CalledAt).ToList();
    }

    /// <summary>The grades of every round of the year that has tests, in round order.</summary>
    public async Task<IReadOnlyList<GradeDistribution>> GradeDistributionAsync(int rocYear, IReadOnlySet<int>? readable = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var counts = await Scoped(db, readable).Where(t => t.RocYear == rocYear)
            .GroupBy(t => new { t.Round, t.Grade }).Select(g => new { g.Key.Round, g.Key.Grade, Count = g.Count() }).ToListAsync(ct);
        return counts.GroupBy(c => c.Round).OrderBy(g => g.Key)
            .Select(g => new GradeDistribution(g.Key, Enum.GetValues<PhoneGrade>().ToDictionary(grade => grade, grade => g.Where(c => c.Grade == grade).Sum(c => c.Count))))
            .ToList();
    }

    /// <summary>The faults seen most often in a round of the year, most frequent first (ties by the list's order).</summary>
    public async Task<IReadOnlyList<(FaultName Fault, int Count)>> TopFaultsAsync(int rocYear, PhoneTestRound round, int take = 5, IReadOnlySet<int>? readable = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var tests = Scoped(db, readable).Where(t => t.RocYear == rocYear && t.Round == round).Select(t => t.Id);
        var counts = await db.Set<PhoneTestFault>().Where(f => tests.Contains(f.PhoneTestId))
            .GroupBy(f => f.PhoneFaultId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        var faults = await db.PhoneFaults.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);
        return counts.Select(c => (Fault: faults[c.Id], c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Fault.Order)
            .Take(take)
            .Select(c => (new FaultName(c.Fault.Code, c.Fault.Name, c.Fault.NameEn), c.Count))
            .ToList();
    }

    /// <summary>Every test of an agency over the years, oldest first.</summary>
    public async Task<IReadOnlyList<PhoneTestRow>> AgencyHistoryAsync(int agencyId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await LoadAsync(db.PhoneTests.Where(t => t.AgencyId == agencyId), ct);
        return rows.OrderBy(r => r.CalledAt).ToList();
    }

    /// <summary>One test, for the entry form to edit.</summary>
    public async Task<PhoneTestRow?> GetAsync(int testId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await LoadAsync(db.PhoneTests.Where(t => t.Id == testId), ct)).SingleOrDefault();
    }

    /// <summary>The follow-ups of a year, open ones first, then by due date.</summary>
    public async Task<IReadOnlyList<FollowUpView>> FollowUpsAsync(int rocYear, IReadOnlySet<int>? readable = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await LoadAsync(Scoped(db, readable).Where(t => t.RocYear == rocYear && t.FollowUp != null), ct);
        var followUps = await db.PhoneFollowUps.AsNoTracking().Where(f => rows.Select(r => r.Id).Contains(f.PhoneTestId)).ToDictionaryAsync(f => f.PhoneTestId, ct);
        return rows.Select(r => View(followUps[r.Id], r)).OrderBy(f => f.AnsweredAt is not null).ThenBy(f => f.DueOn).ToList();
    }

    public async Task<FollowUpView?> FollowUpAsync(int followUpId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var followUp = await db.PhoneFollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == followUpId, ct);
        if (followUp is null)
        {
            return null;
        }

        var test = (await LoadAsync(db.PhoneTests.Where(t => t.Id == followUp.PhoneTestId), ct)).Single();
        return View(followUp, test);
    }

    private static FollowUpView View(PhoneFollowUp f, PhoneTestRow test) =>
        new(f.Id, test, f.OpenedOn, f.DueOn, f.Analysis, f.Improvement, f.AnsweredAt, f.AnsweredBy);

    private static IQueryable<PhoneTest> Scoped(AppDbContext db, IReadOnlySet<int>? readable) =>
        readable is null ? db.PhoneTests : db.PhoneTests.Where(t => readable.Contains(t.AgencyId));

    private static async Task<List<PhoneTestRow>> LoadAsync(IQueryable<PhoneTest> query, CancellationToken ct)
    {
        var tests = await query.AsNoTracking()
            .Include(t => t.Agency)
            .Include(t => t.Rubric!).ThenInclude(r => r.Items)
            .Include(t => t.Scores)
            .Include(t => t.Faults).ThenInclude(f => f.Fault)
            .Include(t => t.FollowUp)
            .AsSplitQuery()
            .ToListAsync(ct);
        return tests.Select(t =>
        {
            var items = t.Rubric!.Items.ToDictionary(i => i.Id);
            return new PhoneTestRow(
                t.Id, t.RocYear, t.Round, t.CalledAt, t.AgencyId, t.Agency!.Name, t.Agency.NameEn, t.UnitName, t.Number, t.Tester,
                t.Total, t.Rubric.MaxTotal, t.Grade, t.Rubric.Version,
                t.Rubric.Ordered.Select(i => new ItemScore(i.Key, i.Name, i.NameEn, i.Group, t.Scores.FirstOrDefault(s => s.RubricItemId == i.Id)?.Points ?? 0, i.MaxPoints)).ToList(),
                t.Faults.Select(f => f.Fault!).OrderBy(f => f.Order).Select(f => new FaultName(f.Code, f.Name, f.NameEn)).ToList(),
                t.Notes,
                t.FollowUp?.Id, t.FollowUp?.DueOn, t.FollowUp?.IsAnswered ?? false);
        }).ToList();
    }
}
