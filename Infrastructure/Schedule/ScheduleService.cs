using FluentValidation;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>How one milestone stands across agencies on a day.</summary>
public sealed record MilestoneProgress(Milestone Milestone, int Agencies, int Done, int Open, int NotYetOpen, int Late, int Waived, IReadOnlyList<LateAgency> LateAgencies);

public sealed record LateAgency(int AgencyId, string Name, string? NameEn, DateOnly DueOn, int DaysLate);

/// <summary>
/// The year's schedule: its milestones (the defaults until the commission edits the year), edits
/// to it, and the commission's timeline of who is done, open and late per milestone.
/// </summary>
public sealed class ScheduleService(IDbContextFactory<AppDbContext> contextFactory, IValidator<MilestoneInput> validator)
{
    /// <summary>The stored milestones of an edited year, or the defaults, in table order.</summary>
    public async Task<IReadOnlyList<Milestone>> GetMilestonesAsync(int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, rocYear, ct);
    }

    internal static async Task<IReadOnlyList<Milestone>> LoadAsync(AppDbContext db, int rocYear, CancellationToken ct)
    {
        var stored = await db.Milestones.AsNoTracking().Where(m => m.RocYear == rocYear).ToListAsync(ct);
        return stored.Count > 0
            ? stored.OrderBy(m => m.Number).ThenBy(m => m.Id).ToList()
            : DefaultSchedule.For(rocYear);
    }

    /// <summary>Whether the commission has edited the year (false: it runs on the defaults).</summary>
    public async Task<bool> IsEditedAsync(int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Milestones.AnyAsync(m => m.RocYear == rocYear, ct);
    }

    /// <summary>
    /// Changes a milestone (Key set) or adds one (Key empty). The first edit of a year stores its
    /// defaults, so the other milestones stay as they were. Refused, with nothing saved, when invalid.
    /// The caller resyncs the year's obligations (<see cref="ObligationService.SyncYearAsync"/>).
    /// </summary>
    public async Task<CommandResult> SaveMilestoneAsync(MilestoneInput input, CancellationToken ct = default)
    {
        var check = await validator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return CommandResult.Fail(check.Errors.Select(e => e.ErrorMessage).Distinct().ToArray());
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await MaterialiseAsync(db, input.RocYear, ct);
        Milestone? m;
        if (string.IsNullOrEmpty(input.Key))
        {
            var number = await db.Milestones.Where(x => x.RocYear == input.RocYear).MaxAsync(x => (int?)x.Number, ct) ?? 0;
            m = new Milestone { RocYear = input.RocYear, Key = DefaultSchedule.CustomKeyPrefix + Guid.NewGuid().ToString("N")[..8], Number = number + 1, Name = "" };
            db.Milestones.Add(m);
        }
        else
        {
            m = await db.Milestones.FirstOrDefaultAsync(x => x.RocYear == input.RocYear && x.Key == input.Key, ct);
            if (m is null)
            {
                return CommandResult.Fail(ScheduleMessages.NotFound);
            }
        }

        m.Name = input.Name.Trim();
        m.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
        m.StartsOn = DateOnly.FromDateTime(input.StartsOn!.Value);
        m.EndsOn = DateOnly.FromDateTime(input.EndsOn!.Value);
        m.CrossesYear = input.CrossesYear;
        m.Binds = input.Binds;
        m.BoundLevels = input.Levels;
        m.SubordinateLeadDays = input.SubordinateLeadDays;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(m.Id);
    }

    /// <summary>Removes a milestone the commission added; the defaults cannot be removed, only moved.</summary>
    public async Task<CommandResult> DeleteMilestoneAsync(int rocYear, string key, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var m = await db.Milestones.FirstOrDefaultAsync(x => x.RocYear == rocYear && x.Key == key, ct);
        if (m is null || m.IsDefault)
        {
            return CommandResult.Fail(ScheduleMessages.NotFound);
        }

        db.Milestones.Remove(m);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok();
    }

    private static async Task MaterialiseAsync(AppDbContext db, int rocYear, CancellationToken ct)
    {
        if (!await db.Milestones.AnyAsync(m => m.RocYear == rocYear, ct))
        {
            db.Milestones.AddRange(DefaultSchedule.For(rocYear));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Per milestone of the year: how many agencies are done, open, not yet open, late and waived
    /// as of <paramref name="today"/> (an agency counts once per milestone, by its worst obligation),
    /// and the late ones, longest late first.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneProgress>> GetTimelineAsync(int rocYear, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var milestones = await LoadAsync(db, rocYear, ct);
        var obligations = await db.Obligations.AsNoTracking()
            .Where(o => o.RocYear == rocYear && o.MilestoneKey != null)
            .Select(o => new { o.MilestoneKey, o.AgencyId, o.Resolution, o.OpensOn, o.DueOn, o.Agency!.Name, o.Agency.NameEn })
            .ToListAsync(ct);
        var byMilestone = obligations.ToLookup(o => o.MilestoneKey!);
        var result = new List<MilestoneProgress>();
        foreach (var m in milestones)
        {
            var perAgency = byMilestone[m.Key].GroupBy(o => o.AgencyId).Select(g =>
            {
                var states = g.Select(o => new Obligation { Key = "", Title = "", Resolution = o.Resolution, OpensOn = o.OpensOn, DueOn = o.DueOn }.StateOn(today)).ToList();
                var worst = states.Contains(ObligationState.Late) ? ObligationState.Late
                    : states.Contains(ObligationState.Open) ? ObligationState.Open
                    : states.Contains(ObligationState.NotYetOpen) ? ObligationState.NotYetOpen
                    : states.All(s => s == ObligationState.Waived) ? ObligationState.Waived
                    : ObligationState.Done;
                var first = g.First();
                var due = g.Min(o => o.DueOn);
                return (worst, late: new LateAgency(g.Key, first.Name, first.NameEn, due, today.DayNumber - due.DayNumber));
            }).ToList();
            result.Add(new MilestoneProgress(
                m,
                perAgency.Count,
                perAgency.Count(a => a.worst == ObligationState.Done),
                perAgency.Count(a => a.worst == ObligationState.Open),
                perAgency.Count(a => a.worst == ObligationState.NotYetOpen),
                perAgency.Count(a => a.worst == ObligationState.Late),
                perAgency.Count(a => a.worst == ObligationState.Waived),
                perAgency.Where(a => a.worst == ObligationState.Late).Select(a => a.late).OrderByDescending(l => l.DaysLate).ThenBy(l => l.AgencyId).ToList()));
        }

        return result;
    }

    /// <summary>Agencies that can owe something (levels 1 and 2, not retired), for pickers.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, string? NameEn, AgencyLevel Level)>> GetAgenciesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.Agencies.AsNoTracking().Where(a => a.Level != AgencyLevel.City && a.RetiredOn == null)
            .OrderBy(a => a.Level).ThenBy(a => a.Id).Select(a => new { a.Id, a.Name, a.NameEn, a.Level }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name, r.NameEn, r.Level)).ToList();
    }
}
