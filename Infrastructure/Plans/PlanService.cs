using FluentValidation;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Plans;

/// <summary>The document a plan was read from, as uploaded.</summary>
public sealed record PlanSourceInput(string FileName, string ContentType, byte[] Content, string Text);

/// <summary>
/// Stores plans and moves them through their review. Every change is validated with the rules the
/// forms use, saved in one transaction, and refused when someone else saved the plan in between.
/// </summary>
public sealed class PlanService(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock, ObligationService obligations)
{
    /// <summary>
    /// Stores a plan for an agency and year (a draft), or replaces the existing one's content when
    /// <paramref name="replace"/> is set; without it an existing plan is left alone and refused.
    /// </summary>
    public async Task<CommandResult> StoreDraftAsync(
        int agencyId, int rocYear, PlanContentInput content, PlanSourceInput? source, bool replace, string by, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var year = await db.ProgrammeYears.Include(y => y.Framework).ThenInclude(f => f!.Pillars).ThenInclude(p => p.SubItems)
            .FirstOrDefaultAsync(y => y.RocYear == rocYear, ct);
        if (year is null)
        {
            return CommandResult.Fail(PlanMessages.NoYear);
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            return CommandResult.Fail(PlanMessages.NoAgency);
        }

        if (await ValidateAsync(content, year.Framework!, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var plan = await LoadForEditAsync(db, p => p.AgencyId == agencyId && p.RocYear == rocYear, ct);
        if (plan is not null && !replace)
        {
            return CommandResult.Fail(PlanMessages.AlreadyExists);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (plan is null)
        {
            plan = new Plan { AgencyId = agencyId, RocYear = rocYear, FrameworkId = year.FrameworkId, CreatedAt = now };
            db.Plans.Add(plan);
        }
        else
        {
            // Replacing starts the review again: the new content has not been reviewed.
            if (plan.Status != PlanStatus.Draft)
            {
                plan.StatusChanges.Add(new PlanStatusChange { From = plan.Status, To = PlanStatus.Draft, By = by, At = now, Comment = "replaced by a new import" });
                plan.Status = PlanStatus.Draft;
            }

            plan.FrameworkId = year.FrameworkId;
        }

        await ApplyContentAsync(db, plan, content, ct);
        if (source is not null)
        {
            plan.Source ??= new PlanSource { FileName = source.FileName, ContentType = source.ContentType, Content = source.Content, Text = source.Text };
            plan.Source.FileName = source.FileName;
            plan.Source.ContentType = source.ContentType;
            plan.Source.Content = source.Content;
            plan.Source.Text = source.Text;
            plan.Source.ImportedAt = now;
        }

        plan.UpdatedAt = now;
        plan.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await obligations.SyncPlanAsync(plan.Id, ct);
        return CommandResult.Ok(plan.Id);
    }

    /// <summary>
    /// Saves the editor's content over a draft or returned plan, unless another save came first.
    /// With <paramref name="onlyUnitId"/> (a unit's staff) the save may change only the focus points
    /// that name that unit (<see cref="UnitPlanEdits"/>).
    /// </summary>
    public async Task<CommandResult> SaveContentAsync(int planId, int expectedVersion, PlanContentInput content, int? onlyUnitId = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await LoadForEditAsync(db, p => p.Id == planId, ct);
        if (plan is null)
        {
            return CommandResult.Fail(PlanMessages.NotAllowed);
        }

        if (plan.Version != expectedVersion)
        {
            return CommandResult.Fail(PlanMessages.Conflict);
        }

        if (!PlanWorkflow.IsEditable(plan.Status))
        {
            return CommandResult.Fail(PlanMessages.NotEditable);
        }

        if (onlyUnitId is { } unitId)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.AgencyId == plan.AgencyId, ct);
            if (unit is null)
            {
                return CommandResult.Fail(PlanMessages.Forbidden);
            }

            var own = UnitNames.Normalize(unit.Name);
            var stored = (await new PlanQueries(contextFactory).GetAsync(planId, ct))!.ToContent();
            if (UnitPlanEdits.Check(stored, content, name => UnitNames.Normalize(name) == own) is { } outside)
            {
                return CommandResult.Fail(outside);
            }
        }

        var framework = await db.Frameworks.Include(f => f.Pillars).ThenInclude(p => p.SubItems).SingleAsync(f => f.Id == plan.FrameworkId, ct);
        if (await ValidateAsync(content, framework, ct) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ApplyContentAsync(db, plan, content, ct);
        plan.UpdatedAt = clock.GetUtcNow();
        plan.Version++;
        return await SaveGuardedAsync(db, plan, transaction, ct);
    }

    /// <summary>Submits, returns, approves or reopens a plan, recording who, when and why.</summary>
    public async Task<CommandResult> ChangeStatusAsync(int planId, int expectedVersion, PlanAction action, string? comment, string by, CancellationToken ct = default)
    {
        if (PlanWorkflow.NeedsComment(action) && string.IsNullOrWhiteSpace(comment))
        {
            return CommandResult.Fail(PlanMessages.CommentRequired);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.Include(p => p.StatusChanges).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return CommandResult.Fail(PlanMessages.NotAllowed);
        }

        if (plan.Version != expectedVersion)
        {
            return CommandResult.Fail(PlanMessages.Conflict);
        }

        if (PlanWorkflow.Next(plan.Status, action) is not { } next)
        {
            return CommandResult.Fail(PlanMessages.NotAllowed);
        }

        var now = clock.GetUtcNow();
        plan.StatusChanges.Add(new PlanStatusChange { From = plan.Status, To = next, By = by, At = now, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() });
        plan.Status = next;
        plan.UpdatedAt = now;
        plan.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        return await SaveGuardedAsync(db, plan, transaction, ct);
    }

    private async Task<CommandResult> SaveGuardedAsync(AppDbContext db, Plan plan, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return CommandResult.Fail(PlanMessages.Conflict);
        }

        // The schedule follows the plan: its commitments, its submission, the parent's review.
        await obligations.SyncPlanAsync(plan.Id, ct);
        return CommandResult.Ok(plan.Id);
    }

    private static Task<Plan?> LoadForEditAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<Plan, bool>> where, CancellationToken ct) =>
        db.Plans
            .Include(p => p.FocusPoints).ThenInclude(f => f.Units)
            .Include(p => p.NotApplicable)
            .Include(p => p.Unplaced)
            .Include(p => p.StatusChanges)
            .Include(p => p.Source)
            .AsSplitQuery()
            .FirstOrDefaultAsync(where, ct);

    private static async Task<CommandResult?> ValidateAsync(PlanContentInput content, Domain.Frameworks.Framework framework, CancellationToken ct)
    {
        var codes = framework.Pillars.SelectMany(p => p.SubItems).Select(s => s.Code).ToHashSet();
        if (framework.Preamble is { } preamble)
        {
            codes.Add(preamble.Code);
        }

        var result = await new PlanContentInputValidator(codes).ValidateAsync(content, ct);
        return result.IsValid ? null : CommandResult.Fail(result.Errors.Select(e => e.ErrorMessage).Distinct().ToArray());
    }

    /// <summary>Replaces the plan's points, declarations and unplaced text with the input's, matching unit names to the agency's units.</summary>
    private static async Task ApplyContentAsync(AppDbContext db, Plan plan, PlanContentInput content, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.AgencyId == plan.AgencyId).ToListAsync(ct);
        var byName = units.GroupBy(u => UnitNames.Normalize(u.Name)).ToDictionary(g => g.Key, g => g.First().Id);

        plan.Title = string.IsNullOrWhiteSpace(content.Title) ? plan.Title : content.Title.Trim();
        plan.FocusPoints.Clear();
        plan.NotApplicable.Clear();
        plan.Unplaced.Clear();
        var order = 0;
        foreach (var point in content.FocusPoints)
        {
            plan.FocusPoints.Add(new FocusPoint
            {
                SubItemCode = point.SubItemCode,
                Order = ++order,
                Title = point.Title.Trim(),
                Description = point.Description.Trim(),
                AllUnits = point.AllUnits,
                Cadences = point.Cadences.ToList(),
                IsGuess = point.IsGuess,
                GuessReason = point.IsGuess ? point.GuessReason : null,
                GuessReasonEn = point.IsGuess ? point.GuessReasonEn : null,
                SourceLine = point.SourceLine,
                Units = point.UnitNames
                    .Select(n => n.Trim()).Where(n => n.Length > 0 && !UnitNames.IsEveryUnit(n))
                    .Distinct()
                    .Select(n => new FocusPointUnit { Name = n, UnitId = byName.TryGetValue(UnitNames.Normalize(n), out var id) ? id : null })
                    .ToList(),
            });
        }

        foreach (var declaration in content.NotApplicable)
        {
            plan.NotApplicable.Add(new NotApplicableItem { SubItemCode = declaration.SubItemCode, Reason = declaration.Reason.Trim(), SourceLine = declaration.SourceLine });
        }

        order = 0;
        foreach (var (text, line) in content.Unplaced)
        {
            plan.Unplaced.Add(new UnplacedText { Order = ++order, Text = text, SourceLine = line });
        }
    }
}
