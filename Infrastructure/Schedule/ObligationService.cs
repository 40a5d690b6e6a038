using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>
/// Keeps the stored obligations in step with the schedule and the plans, and settles them: done
/// (with evidence) or waived (with a reason). Every method is safe to call again with the same input.
/// </summary>
public sealed class ObligationService(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>
    /// Makes the year's milestone obligations match the schedule and the agency tree: adds what is
    /// missing, moves the dates of pending ones, and drops pending ones nobody owes any more (with
    /// their alerts). Settled obligations are kept as they are. Returns how many rows changed.
    /// </summary>
    public async Task<int> SyncYearAsync(int rocYear, CancellationToken ct = default)
    {
        try
        {
            return await SyncYearOnceAsync(rocYear, ct);
        }
        catch (DbUpdateException)
        {
            // The daily job and a page opened at the same moment both added the year's rows; the second pass finds them.
            return await SyncYearOnceAsync(rocYear, ct);
        }
    }

    private async Task<int> SyncYearOnceAsync(int rocYear, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var milestones = await ScheduleService.LoadAsync(db, rocYear, ct);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var planned = ObligationPlanner.Plan(rocYear, milestones, ObligationPlanner.ActiveAgencies(agencies, rocYear));
        var existing = await db.Obligations.Where(o => o.RocYear == rocYear && o.MilestoneKey != null).ToListAsync(ct);
        return await ApplyAsync(db, rocYear, planned, existing, ct);
    }

    /// <summary>Syncs each year that is not in the database yet or whose schedule may have moved: the current and the previous.</summary>
    public async Task<int> SyncCurrentYearsAsync(DateOnly today, CancellationToken ct = default)
    {
        var year = RocCalendar.RocYearOf(today);
        return await SyncYearAsync(year - 1, ct) + await SyncYearAsync(year, ct);
    }

    /// <summary>
    /// The commitments with a cadence that an agency's plan for the year states (每季…電話禮貌測試,
    /// 每年…環境設備檢查) become its obligations, one per period, owned by the unit the plan names.
    /// Called by the plan import; importing the same plan again changes nothing, and commitments no
    /// longer in the plan are dropped unless settled.
    /// </summary>
    public async Task<int> SyncCommitmentsAsync(int agencyId, int rocYear, IEnumerable<(string Text, string Cadence, string? UnitName)> commitments, CancellationToken ct = default)
    {
        var planned = CommitmentPlanner.Plan(agencyId, rocYear, commitments.Select(c => new Commitment(c.Text, c.Cadence, c.UnitName)));
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var existing = await db.Obligations
            .Where(o => o.AgencyId == agencyId && o.RocYear == rocYear && o.Kind == ObligationKind.Commitment)
            .ToListAsync(ct);
        return await ApplyAsync(db, rocYear, planned, existing, ct);
    }

    /// <summary>
    /// Brings what a plan settles in step with it, after each save or change of status: its
    /// commitments with a cadence become the agency's obligations; once submitted, the agency's
    /// plan obligation is done with the submission as evidence; once every active subordinate of
    /// the parent has an approved plan, the parent's review of its subordinates' plans is done.
    /// </summary>
    public async Task SyncPlanAsync(int planId, CancellationToken ct = default)
    {
        Plan? plan;
        int? parentId;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            plan = await db.Plans.AsNoTracking()
                .Include(p => p.FocusPoints).ThenInclude(f => f.Units)
                .Include(p => p.StatusChanges)
                .AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == planId, ct);
            parentId = plan is null ? null : await db.Agencies.Where(a => a.Id == plan.AgencyId).Select(a => a.ParentId).SingleAsync(ct);
        }

        if (plan is null)
        {
            return;
        }

        await SyncCommitmentsAsync(plan.AgencyId, plan.RocYear, CommitmentPlanner.FromPlan(plan.FocusPoints).Select(c => (c.Text, c.Cadence, c.UnitName)), ct);
        if (plan.StatusChanges.Where(c => c.To == PlanStatus.Submitted).MinBy(c => c.At) is { } submitted)
        {
            await FulfilAsync(ObligationKind.PlanSubmission, plan.AgencyId, plan.RocYear, $"計畫已提送（{RocCalendar.FormatDate(TaipeiTime.DayOf(submitted.At))}）", submitted.At, submitted.By, ct);
        }

        if (parentId is { } parent)
        {
            await SettleSubordinateReviewAsync(parent, plan.RocYear, ct);
        }
    }

    private async Task SettleSubordinateReviewAsync(int parentId, int rocYear, CancellationToken ct)
    {
        var year = RocCalendar.ToGregorianYear(rocYear);
        List<int> subordinates;
        List<PlanStatusChange> approvals;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            subordinates = (await db.Agencies.AsNoTracking().Where(a => a.ParentId == parentId).ToListAsync(ct))
                .Where(a => a.IsActiveIn(year)).Select(a => a.Id).ToList();
            var approved = await db.Plans.AsNoTracking()
                .Where(p => p.RocYear == rocYear && p.Status == PlanStatus.Approved && subordinates.Contains(p.AgencyId))
                .Include(p => p.StatusChanges)
                .ToListAsync(ct);
            approvals = approved.Select(p => p.StatusChanges.Where(c => c.To == PlanStatus.Approved).MaxBy(c => c.At)).OfType<PlanStatusChange>().ToList();
        }

        if (subordinates.Count == 0 || approvals.Count < subordinates.Count)
        {
            return;
        }

        var last = approvals.MaxBy(a => a.At)!;
        await FulfilAsync(ObligationKind.SubordinatePlanReview, parentId, rocYear, $"所屬機關工作計畫均已核定（{RocCalendar.FormatDate(TaipeiTime.DayOf(last.At))}）", last.At, last.By, ct);
    }

    private static async Task<int> ApplyAsync(AppDbContext db, int rocYear, IReadOnlyList<PlannedObligation> planned, List<Obligation> existing, CancellationToken ct)
    {
        var byKey = existing.ToDictionary(o => (o.AgencyId, o.Key));
        var wanted = new HashSet<(int, string)>();
        foreach (var p in planned)
        {
            wanted.Add((p.AgencyId, p.Key));
            if (!byKey.TryGetValue((p.AgencyId, p.Key), out var o))
            {
                db.Obligations.Add(new Obligation
                {
                    AgencyId = p.AgencyId,
                    RocYear = rocYear,
                    Key = p.Key,
                    Kind = p.Kind,
                    MilestoneKey = p.MilestoneKey,
                    Title = p.Title,
                    UnitName = p.UnitName,
                    OpensOn = p.OpensOn,
                    DueOn = p.DueOn,
                });
            }
            else if (!o.IsSettled && (o.OpensOn != p.OpensOn || o.DueOn != p.DueOn || o.Title != p.Title || o.Kind != p.Kind || o.UnitName != p.UnitName))
            {
                o.OpensOn = p.OpensOn;
                o.DueOn = p.DueOn;
                o.Title = p.Title;
                o.Kind = p.Kind;
                o.UnitName = p.UnitName;
            }
        }

        foreach (var gone in existing.Where(o => !o.IsSettled && !wanted.Contains((o.AgencyId, o.Key))))
        {
            db.Obligations.Remove(gone);
        }

        return await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Settles what an agency owes of the given kind for the year with the evidence that shows it
    /// done; the plans and results code calls it when a plan or results are submitted. Returns how
    /// many obligations it settled (0 when there was nothing pending, e.g. the second call).
    /// </summary>
    public async Task<int> FulfilAsync(ObligationKind kind, int agencyId, int rocYear, string evidence, DateTimeOffset at, string? by = null, CancellationToken ct = default)
    {
        await SyncYearAsync(rocYear, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var pending = await db.Obligations
            .Where(o => o.AgencyId == agencyId && o.RocYear == rocYear && o.Kind == kind && o.Resolution == ObligationResolution.Pending)
            .ToListAsync(ct);
        foreach (var o in pending)
        {
            Settle(o, ObligationResolution.Done, at, by ?? "system");
            o.Evidence = evidence;
        }

        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    /// <summary>
    /// Settles named obligations (agency, key) of one year, each with its own evidence, after
    /// syncing the year once: a phone test settles its agency's round (<c>phone-1</c>,
    /// <c>phone-2</c>), an answered follow-up its own. Pending ones only; returns how many it settled.
    /// </summary>
    public async Task<int> FulfilByKeyAsync(int rocYear, IReadOnlyCollection<KeyedFulfilment> items, CancellationToken ct = default)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        await SyncYearAsync(rocYear, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agencies = items.Select(i => i.AgencyId).Distinct().ToList();
        var keys = items.Select(i => i.Key).Distinct().ToList();
        var pending = (await db.Obligations
            .Where(o => o.RocYear == rocYear && agencies.Contains(o.AgencyId) && keys.Contains(o.Key) && o.Resolution == ObligationResolution.Pending)
            .ToListAsync(ct))
            .ToDictionary(o => (o.AgencyId, o.Key));
        var settled = 0;
        // The first evidence given for an obligation is the one kept: the earliest test of a round settles it.
        foreach (var item in items.OrderBy(i => i.At))
        {
            if (pending.Remove((item.AgencyId, item.Key), out var o))
            {
                SettleDone(o, item.Evidence, item.At, item.By);
                settled++;
            }
        }

        await db.SaveChangesAsync(ct);
        return settled;
    }

    /// <summary>
    /// Settles the agency's pending commitments of a plan (<see cref="ObligationKind.Commitment"/>)
    /// whose period holds the day and whose text <paramref name="matches"/>: an agency's own phone
    /// test of a quarter settles its 每季電話禮貌測試 of that quarter. Returns how many it settled.
    /// </summary>
    public async Task<int> FulfilCommitmentsAsync(int agencyId, DateOnly on, Func<string, bool> matches, string evidence, DateTimeOffset at, string? by, CancellationToken ct = default)
    {
        var rocYear = RocCalendar.ToRocYear(on.Year);
        await SyncYearAsync(rocYear, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var due = (await db.Obligations
            .Where(o => o.AgencyId == agencyId && o.RocYear == rocYear && o.Kind == ObligationKind.Commitment
                && o.Resolution == ObligationResolution.Pending && o.OpensOn <= on && o.DueOn >= on)
            .ToListAsync(ct))
            .Where(o => matches(o.Title))
            .ToList();
        foreach (var o in due)
        {
            SettleDone(o, evidence, at, by);
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>A person marks an obligation done (from the agency view).</summary>
    public async Task<CommandResult> MarkDoneAsync(int obligationId, string? evidence, string by, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var o = await db.Obligations.FindAsync([obligationId], ct);
        if (o is null)
        {
            return CommandResult.Fail(ScheduleMessages.NotFound);
        }

        Settle(o, ObligationResolution.Done, clock.GetUtcNow(), by);
        o.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(o.Id);
    }

    /// <summary>A person waives an obligation; a reason is required. A waived obligation raises nothing.</summary>
    public async Task<CommandResult> WaiveAsync(int obligationId, WaiveInput input, string by, CancellationToken ct = default)
    {
        var check = await new WaiveInputValidator().ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return CommandResult.Fail(check.Errors.Select(e => e.ErrorMessage).ToArray());
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var o = await db.Obligations.FindAsync([obligationId], ct);
        if (o is null)
        {
            return CommandResult.Fail(ScheduleMessages.NotFound);
        }

        Settle(o, ObligationResolution.Waived, clock.GetUtcNow(), by);
        o.WaiverReason = input.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(o.Id);
    }

    /// <summary>Undoes a mistaken done or waived: the obligation is pending again.</summary>
    public async Task<CommandResult> ReopenAsync(int obligationId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var o = await db.Obligations.FindAsync([obligationId], ct);
        if (o is null)
        {
            return CommandResult.Fail(ScheduleMessages.NotFound);
        }

        Settle(o, ObligationResolution.Pending, null, null);
        o.Evidence = null;
        o.WaiverReason = null;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(o.Id);
    }

    private static void Settle(Obligation o, ObligationResolution resolution, DateTimeOffset? at, string? by)
    {
        o.Resolution = resolution;
        o.ResolvedAt = at;
        o.ResolvedBy = by;
    }

    /// <summary>Done by a record of the system (a test, a submission), which it names as evidence (cut to the column's 500).</summary>
    private static void SettleDone(Obligation o, string evidence, DateTimeOffset at, string? by)
    {
        Settle(o, ObligationResolution.Done, at, by ?? "system");
        o.Evidence = evidence.Length > 500 ? evidence[..500] : evidence;
    }
}

/// <summary>One obligation to settle by its key, with what shows it done.</summary>
public sealed record KeyedFulfilment(int AgencyId, string Key, string Evidence, DateTimeOffset At, string? By);

