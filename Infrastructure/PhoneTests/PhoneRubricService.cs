using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.PhoneTests;

/// <summary>
/// The rubric of each year and round and the fault list, as the commission edits them. A year and
/// round without a rubric gets the default one the first time it is asked for. Saving a rubric
/// that has scored tests makes a new version, so old totals keep the rubric they were scored with.
/// </summary>
public sealed class PhoneRubricService(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The rubric new tests of the year and round are scored with (the latest version), made from the default when there is none.</summary>
    public async Task<PhoneRubric> GetCurrentAsync(int rocYear, PhoneTestRound round, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await LoadCurrentAsync(db, rocYear, round, ct) is { } rubric)
        {
            return rubric;
        }

        db.PhoneRubrics.Add(DefaultRubric.For(rocYear, round, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two circuits asked at the same moment; the other one's row is the rubric.
        }

        await using var fresh = await contextFactory.CreateDbContextAsync(ct);
        return (await LoadCurrentAsync(fresh, rocYear, round, ct))!;
    }

    /// <summary>The rubric a recorded test was scored with (its edits are scored with it too).</summary>
    public async Task<PhoneRubric?> GetOfTestAsync(int testId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.PhoneTests.AsNoTracking().Where(t => t.Id == testId).Select(t => t.Rubric!).Include(r => r.Items).SingleOrDefaultAsync(ct);
    }

    internal static Task<PhoneRubric?> LoadCurrentAsync(AppDbContext db, int rocYear, PhoneTestRound round, CancellationToken ct) =>
        db.PhoneRubrics.AsNoTracking().Include(r => r.Items)
            .Where(r => r.RocYear == rocYear && r.Round == round)
            .OrderByDescending(r => r.Version)
            .FirstOrDefaultAsync(ct);

    /// <summary>How many tests the current rubric of the year and round has scored (editing it then makes a new version).</summary>
    public async Task<int> CountScoredAsync(int rubricId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.PhoneTests.CountAsync(t => t.RubricId == rubricId, ct);
    }

    /// <summary>
    /// Saves the commission's rubric for a year and round: in place while no test was scored with
    /// the current version, as a new version once one was. Items keep their keys; a new item gets one.
    /// </summary>
    public async Task<CommandResult> SaveAsync(RubricInput input, CancellationToken ct = default)
    {
        var check = await new RubricInputValidator().ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return CommandResult.Fail(check.Errors.Select(e => e.ErrorMessage).Distinct().ToArray());
        }

        var current = await GetCurrentAsync(input.RocYear, input.Round, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var used = await db.PhoneTests.AnyAsync(t => t.RubricId == current.Id, ct);
        PhoneRubric target;
        if (used)
        {
            target = current.NextVersion(clock.GetUtcNow());
            target.Items.Clear();
            db.PhoneRubrics.Add(target);
        }
        else
        {
            target = await db.PhoneRubrics.Include(r => r.Items).SingleAsync(r => r.Id == current.Id, ct);
            db.RubricItems.RemoveRange(target.Items);
            target.Items.Clear();
        }

        target.ExcellentFrom = input.ExcellentFrom;
        target.GoodFrom = input.GoodFrom;
        target.FairFrom = input.FairFrom;
        target.FollowUpBelow = input.FollowUpBelow;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var order = new Dictionary<RubricGroup, int>();
        foreach (var item in input.Items)
        {
            var key = string.IsNullOrWhiteSpace(item.Key) || keys.Contains(item.Key) ? NewKey(item.Group, keys) : item.Key;
            keys.Add(key);
            order[item.Group] = order.GetValueOrDefault(item.Group) + 1;
            target.Items.Add(new RubricItem
            {
                Key = key,
                Group = item.Group,
                Name = item.Name.Trim(),
                NameEn = string.IsNullOrWhiteSpace(item.NameEn) ? null : item.NameEn.Trim(),
                MaxPoints = item.MaxPoints,
                Order = order[item.Group],
            });
        }

        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(target.Id);
    }

    private static string NewKey(RubricGroup group, HashSet<string> taken)
    {
        var prefix = group == RubricGroup.Switchboard ? "switchboard-item-" : "unit-item-";
        var n = 1;
        while (taken.Contains(prefix + n))
        {
            n++;
        }

        return prefix + n;
    }

    /// <summary>The commission's fault list in its order; retired faults only when asked for.</summary>
    public async Task<IReadOnlyList<PhoneFault>> GetFaultsAsync(bool includeRetired = false, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.PhoneFaults.AsNoTracking().Where(f => includeRetired || f.RetiredOn == null).OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(ct);
    }

    /// <summary>Adds a fault to the list, at its end.</summary>
    public async Task<CommandResult> AddFaultAsync(string name, string? nameEn, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CommandResult.Fail(PhoneTestMessages.NameRequired);
        }

        if (name.Trim().Length > 100 || nameEn?.Trim().Length > 200)
        {
            return CommandResult.Fail(PhoneTestMessages.TooLong);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var order = (await db.PhoneFaults.MaxAsync(f => (int?)f.Order, ct) ?? 0) + 1;
        var fault = new PhoneFault { Code = $"fault-{order}-{Guid.NewGuid():N}"[..20], Name = name.Trim(), NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim(), Order = order };
        db.PhoneFaults.Add(fault);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(fault.Id);
    }

    /// <summary>Retires a fault (it stays on the tests that recorded it) or brings it back.</summary>
    public async Task<CommandResult> SetRetiredAsync(int faultId, bool retired, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var fault = await db.PhoneFaults.FindAsync([faultId], ct);
        if (fault is null)
        {
            return CommandResult.Fail(PhoneTestMessages.NotFound);
        }

        fault.RetiredOn = retired ? clock.Today() : null;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(fault.Id);
    }
}
