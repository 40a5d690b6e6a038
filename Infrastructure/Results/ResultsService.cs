using System.Security.Cryptography;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>What a save of the results changes: null leaves a field as it is; items are the sub-items the person may write.</summary>
public sealed class ResultsContentInput
{
    public string? Summary { get; set; }

    public bool? SubmitsAwardApplication { get; set; }

    /// <summary>達成情形 per sub-item code.</summary>
    public Dictionary<string, string> Items { get; set; } = [];
}

/// <summary>
/// Stores an agency's annual results and moves them through the workflow: saves (refused when
/// someone else saved in between), attachments (checked, kept under the data folder), submission to
/// the parent or the commission (彙送 with the accepted subordinates'), return and acceptance. A
/// submission settles the schedule's obligation. Who may do what is the caller's check
/// (<c>PageAccess</c>); this service still refuses a decision on one's own submission.
/// </summary>
public sealed class ResultsService(
    IDbContextFactory<AppDbContext> contextFactory,
    TimeProvider clock,
    ObligationService obligations,
    ResultsFileStore files,
    IOptions<ResultsOptions> options)
{
    /// <summary>Saves the summary, the award choice and the given sub-items' 達成情形; creates the results on the first save (expected version 0).</summary>
    public async Task<CommandResult> SaveAsync(int agencyId, int rocYear, int expectedVersion, ResultsContentInput input, string by, CancellationToken ct = default)
    {
        if (input.Summary is { Length: > ResultsMessages.MaxSummaryLength })
        {
            return CommandResult.Fail(ResultsMessages.SummaryTooLong);
        }

        if (input.Items.Values.Any(v => (v ?? "").Length > ResultsMessages.MaxAchievementLength))
        {
            return CommandResult.Fail(ResultsMessages.AchievementTooLong);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (results, error) = await LoadOrCreateAsync(db, agencyId, rocYear, ct);
        if (results is null)
        {
            return CommandResult.Fail(error!);
        }

        if (results.Version != expectedVersion)
        {
            return CommandResult.Fail(ResultsMessages.Conflict);
        }

        if (!ResultsWorkflow.IsEditable(results.Status))
        {
            return CommandResult.Fail(ResultsMessages.NotEditable);
        }

        var codes = await PlanCodesAsync(db, agencyId, rocYear, ct);
        if (input.Items.Keys.Any(k => !codes.Contains(k)))
        {
            return CommandResult.Fail(ResultsMessages.SubItemUnknown);
        }

        var now = clock.GetUtcNow();
        if (input.Summary is not null)
        {
            results.Summary = input.Summary.Trim();
        }

        if (input.SubmitsAwardApplication is { } award)
        {
            results.SubmitsAwardApplication = award;
        }

        foreach (var (code, text) in input.Items)
        {
            var item = results.Items.FirstOrDefault(i => i.SubItemCode == code);
            if (item is null)
            {
                item = new ResultItem { SubItemCode = code };
                results.Items.Add(item);
            }

            var trimmed = (text ?? "").Trim();
            if (item.Achievement != trimmed || item.Id == 0)
            {
                item.Achievement = trimmed;
                item.UpdatedBy = by;
                item.UpdatedAt = now;
            }
        }

        results.UpdatedAt = now;
        results.Version++;
        return await SaveGuardedAsync(db, results, ct);
    }

    /// <summary>
    /// Submits (to the parent, or to the commission: for a parent agency the forwarding of its own
    /// with its subordinates'), returns (with a comment) or accepts the results, recording who, when
    /// and why. A submission settles the agency's obligation of the schedule.
    /// </summary>
    public async Task<CommandResult> ChangeStatusAsync(int agencyId, int rocYear, int expectedVersion, ResultsAction action, string? comment, string by, CancellationToken ct = default)
    {
        if (ResultsWorkflow.NeedsComment(action) && string.IsNullOrWhiteSpace(comment))
        {
            return CommandResult.Fail(ResultsMessages.CommentRequired);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return CommandResult.Fail(ResultsMessages.NoAgency);
        }

        var results = await LoadAsync(db, agencyId, rocYear, ct);
        if (results is null)
        {
            return CommandResult.Fail(ResultsMessages.NotStarted);
        }

        if (results.Version != expectedVersion)
        {
            return CommandResult.Fail(ResultsMessages.Conflict);
        }

        if (ResultsWorkflow.Next(results.Status, action) is not { } next)
        {
            return CommandResult.Fail(ResultsMessages.NotAllowed);
        }

        if (action != ResultsAction.Submit && results.LastSubmitter == by)
        {
            return CommandResult.Fail(ResultsMessages.OwnSubmission);
        }

        var route = ResultsWorkflow.RouteOf(agency.Level, agency.ParentId);
        var subordinates = 0;
        if (action == ResultsAction.Submit)
        {
            if (await CompletenessAsync(db, results, ct) is { } incomplete)
            {
                return CommandResult.Fail(incomplete);
            }

            if (route == ResultsRoute.ToCommission)
            {
                var pending = await PendingSubordinatesAsync(db, agencyId, rocYear, ct);
                if (pending.Pending > 0)
                {
                    return CommandResult.Fail(ResultsMessages.SubordinatesPending);
                }

                subordinates = pending.Total;
            }
        }

        var now = clock.GetUtcNow();
        results.StatusChanges.Add(new ResultsStatusChange
        {
            From = results.Status,
            To = next,
            Route = action == ResultsAction.Submit ? route : null,
            By = by,
            At = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        results.Status = next;
        results.UpdatedAt = now;
        results.Version++;
        var saved = await SaveGuardedAsync(db, results, ct);
        if (saved.Succeeded && action == ResultsAction.Submit)
        {
            var day = RocCalendar.FormatDate(TaipeiTime.DayOf(now));
            if (route == ResultsRoute.ToParent)
            {
                await obligations.FulfilAsync(ObligationKind.ResultsToParent, agencyId, rocYear, $"執行成果已提送上級機關（{day}）", now, by, ct);
            }
            else
            {
                var evidence = subordinates > 0 ? $"執行成果已彙送研考會，含所屬{subordinates}機關（{day}）" : $"執行成果已提送研考會（{day}）";
                await obligations.FulfilAsync(ObligationKind.ResultsSubmission, agencyId, rocYear, evidence, now, by, ct);
            }
        }

        return saved;
    }

    /// <summary>
    /// Checks and stores a file: evidence of a sub-item of the plan (or of the whole, without a code),
    /// or the award application. Refused files store nothing; the reason is a resource key shown
    /// with the file's name. Attachments do not move the version: two people adding files overwrite nothing.
    /// </summary>
    public async Task<CommandResult> AddAttachmentAsync(int agencyId, int rocYear, string? subItemCode, AttachmentKind kind, string fileName, byte[] content, string by, CancellationToken ct = default)
    {
        if (AttachmentInspector.Check(fileName, content, options.Value.MaxFileBytes, out var contentType) is { } refused)
        {
            return CommandResult.Fail(refused);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);

        // The count and the insert in one write transaction (SQLite's BEGIN IMMEDIATE): parallel
        // uploads to the same results wait for each other, so none counts before another has stored.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (results, error) = await LoadOrCreateAsync(db, agencyId, rocYear, ct);
        if (results is null)
        {
            return CommandResult.Fail(error!);
        }

        if (!ResultsWorkflow.IsEditable(results.Status))
        {
            return CommandResult.Fail(ResultsMessages.NotEditable);
        }

        if (results.Attachments.Count >= options.Value.MaxFilesPerResults)
        {
            return CommandResult.Fail(ResultsMessages.TooManyFiles);
        }

        var code = kind == AttachmentKind.AwardApplication || string.IsNullOrWhiteSpace(subItemCode) ? null : subItemCode;
        if (code is not null && !(await PlanCodesAsync(db, agencyId, rocYear, ct)).Contains(code))
        {
            return CommandResult.Fail(ResultsMessages.SubItemUnknown);
        }

        if (results.Id == 0)
        {
            results.UpdatedAt = clock.GetUtcNow();
            results.Version++;
            await db.SaveChangesAsync(ct);
        }

        var name = AttachmentInspector.CleanName(fileName)!;
        var stored = await files.SaveAsync(results.Id, Path.GetExtension(name), content, ct);
        var attachment = new ResultsAttachment
        {
            ResultsId = results.Id,
            SubItemCode = code,
            Kind = kind,
            FileName = name,
            ContentType = contentType,
            Size = content.LongLength,
            StoredName = stored,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedBy = by,
            UploadedAt = clock.GetUtcNow(),
        };
        db.ResultsAttachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            files.Delete(stored);
            throw;
        }

        return CommandResult.Ok(attachment.Id);
    }

    /// <summary>Removes a file from results that are still being edited.</summary>
    public async Task<CommandResult> RemoveAttachmentAsync(int attachmentId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var attachment = await db.ResultsAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
        if (attachment is null)
        {
            return CommandResult.Fail(ResultsMessages.AttachmentNotFound);
        }

        var status = await db.AnnualResults.Where(r => r.Id == attachment.ResultsId).Select(r => r.Status).SingleAsync(ct);
        if (!ResultsWorkflow.IsEditable(status))
        {
            return CommandResult.Fail(ResultsMessages.NotEditable);
        }

        db.ResultsAttachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
        files.Delete(attachment.StoredName);
        return CommandResult.Ok(attachmentId);
    }

    /// <summary>The sub-items the agency's plan for the year covers (the preamble item is no pillar's and is left out).</summary>
    internal static async Task<HashSet<string>> PlanCodesAsync(AppDbContext db, int agencyId, int rocYear, CancellationToken ct) =>
        (await db.FocusPoints.Where(f => f.Plan!.AgencyId == agencyId && f.Plan.RocYear == rocYear && f.SubItemCode != "0")
            .Select(f => f.SubItemCode).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// How many active subordinates the agency has in the year, and how many of them have neither
    /// accepted results nor a waived obligation to submit them (免辦: nothing to forward).
    /// </summary>
    internal static async Task<(int Total, int Pending)> PendingSubordinatesAsync(AppDbContext db, int agencyId, int rocYear, CancellationToken ct)
    {
        var year = RocCalendar.ToGregorianYear(rocYear);
        var subordinates = (await db.Agencies.AsNoTracking().Where(a => a.ParentId == agencyId).ToListAsync(ct))
            .Where(a => a.IsActiveIn(year)).Select(a => a.Id).ToList();
        var accepted = await db.AnnualResults
            .Where(r => r.RocYear == rocYear && r.Status == ResultsStatus.Accepted && subordinates.Contains(r.AgencyId))
            .Select(r => r.AgencyId).ToListAsync(ct);
        var waived = await db.Obligations
            .Where(o => o.RocYear == rocYear && o.Kind == ObligationKind.ResultsToParent && o.Resolution == ObligationResolution.Waived && subordinates.Contains(o.AgencyId))
            .Select(o => o.AgencyId).ToListAsync(ct);
        var settled = accepted.Concat(waived).ToHashSet();
        return (subordinates.Count - waived.Except(accepted).Count(), subordinates.Count(id => !settled.Contains(id)));
    }

    private async Task<string?> CompletenessAsync(AppDbContext db, AnnualResults results, CancellationToken ct)
    {
        if (results.SubmitsAwardApplication)
        {
            return results.Attachments.Any(a => a.Kind == AttachmentKind.AwardApplication) ? null : ResultsMessages.AwardFileMissing;
        }

        if (string.IsNullOrWhiteSpace(results.Summary))
        {
            return ResultsMessages.SummaryRequired;
        }

        var codes = await PlanCodesAsync(db, results.AgencyId, results.RocYear, ct);
        var written = results.Items.Where(i => !string.IsNullOrWhiteSpace(i.Achievement)).Select(i => i.SubItemCode).ToHashSet();
        return codes.All(written.Contains) ? null : ResultsMessages.AchievementMissing;
    }

    private async Task<(AnnualResults? Results, string? Error)> LoadOrCreateAsync(AppDbContext db, int agencyId, int rocYear, CancellationToken ct)
    {
        if (await LoadAsync(db, agencyId, rocYear, ct) is { } existing)
        {
            return (existing, null);
        }

        if (!await db.ProgrammeYears.AnyAsync(y => y.RocYear == rocYear, ct))
        {
            return (null, ResultsMessages.NoYear);
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            return (null, ResultsMessages.NoAgency);
        }

        var now = clock.GetUtcNow();
        var results = new AnnualResults { AgencyId = agencyId, RocYear = rocYear, CreatedAt = now, UpdatedAt = now };
        db.AnnualResults.Add(results);
        return (results, null);
    }

    private static Task<AnnualResults?> LoadAsync(AppDbContext db, int agencyId, int rocYear, CancellationToken ct) =>
        db.AnnualResults
            .Include(r => r.Items)
            .Include(r => r.Attachments)
            .Include(r => r.StatusChanges)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.RocYear == rocYear, ct);

    private static async Task<CommandResult> SaveGuardedAsync(AppDbContext db, AnnualResults results, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict, or two first saves of the same agency and year (the unique index).
            return CommandResult.Fail(ResultsMessages.Conflict);
        }

        return CommandResult.Ok(results.Id);
    }
}
