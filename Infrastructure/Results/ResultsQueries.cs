using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>An agency's results for a year as the pages and exports show them; <see cref="Id"/> is null until the first save.</summary>
public sealed record ResultsView(
    int? Id,
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    AgencyLevel Level,
    int? ParentId,
    int RocYear,
    ResultsStatus Status,
    int Version,
    string Summary,
    bool SubmitsAwardApplication,
    ResultsRoute Route,
    bool HasPlan,
    IReadOnlyList<ResultsPillarView> Pillars,
    IReadOnlyList<ResultsAttachment> OverallAttachments,
    IReadOnlyList<ResultsStatusChange> History,
    IReadOnlyList<ResultsListRow> Subordinates)
{
    public string? LastSubmitter => History.Where(h => h.To == ResultsStatus.Submitted).MaxBy(h => h.At)?.By;

    public IEnumerable<ResultsItemView> Items => Pillars.SelectMany(p => p.Items);

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(AgencyNameEn) ? AgencyNameEn : AgencyName;
}

/// <summary>A pillar (執行要項) with the sub-items of it that the plan covers.</summary>
public sealed record ResultsPillarView(string Code, string Title, IReadOnlyList<ResultsItemView> Items);

/// <summary>
/// One sub-item of the plan: its focus points and units, the units whose staff may write its
/// 達成情形 (every unit of the agency when a point says 各科室), what was done, and its files.
/// </summary>
public sealed record ResultsItemView(
    string Code,
    string Text,
    IReadOnlyList<(string Title, IReadOnlyList<string> Units)> FocusPoints,
    IReadOnlySet<int> UnitIds,
    string Achievement,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<ResultsAttachment> Attachments);

/// <summary>An agency's results in a list: none yet (null status), or where they stand and when they were last submitted.</summary>
public sealed record ResultsListRow(int AgencyId, string AgencyName, string? AgencyNameEn, AgencyLevel Level, int? ParentId, ResultsStatus? Status, DateTimeOffset? SubmittedAt, string? SubmittedBy)
{
    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(AgencyNameEn) ? AgencyNameEn : AgencyName;
}

/// <summary>Reads annual results for the pages, the exports and the attachment download.</summary>
public sealed class ResultsQueries(IDbContextFactory<AppDbContext> contextFactory, ResultsFileStore files)
{
    /// <summary>The agency's results of the year with the sub-items of its plan; null when there is no such agency or year.</summary>
    public async Task<ResultsView?> GetAsync(int agencyId, int rocYear, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Units).FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        var year = await db.ProgrammeYears.AsNoTracking().FirstOrDefaultAsync(y => y.RocYear == rocYear, ct);
        if (agency is null || year is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.FocusPoints).ThenInclude(f => f.Units)
            .FirstOrDefaultAsync(p => p.AgencyId == agencyId && p.RocYear == rocYear, ct);
        var frameworkId = plan?.FrameworkId ?? year.FrameworkId;
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).ThenInclude(p => p.SubItems).SingleAsync(f => f.Id == frameworkId, ct);
        var results = await db.AnnualResults.AsNoTracking()
            .Include(r => r.Items).Include(r => r.Attachments).Include(r => r.StatusChanges)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.RocYear == rocYear, ct);

        var points = plan?.FocusPoints.Where(f => f.SubItemCode != "0").OrderBy(f => f.Order).ToList() ?? [];
        var allUnits = agency.Units.Select(u => u.Id).ToHashSet();
        var pillars = framework.Pillars.OrderBy(p => p.Order)
            .Select(p => new ResultsPillarView(p.Code, p.Title, p.SubItems.OrderBy(s => s.Order)
                .Where(s => points.Any(f => f.SubItemCode == s.Code))
                .Select(s =>
                {
                    var own = points.Where(f => f.SubItemCode == s.Code).ToList();
                    var item = results?.Items.FirstOrDefault(i => i.SubItemCode == s.Code);
                    var units = own.Any(f => f.AllUnits) ? allUnits : own.SelectMany(f => f.Units).Select(u => u.UnitId).OfType<int>().ToHashSet();
                    return new ResultsItemView(
                        s.Code,
                        s.Text,
                        own.Select(f => (f.Title, (IReadOnlyList<string>)f.Units.OrderBy(u => u.Id).Select(u => u.Name).ToList())).ToList(),
                        units,
                        item?.Achievement ?? "",
                        item?.UpdatedBy,
                        item?.UpdatedAt,
                        results?.Attachments.Where(a => a.SubItemCode == s.Code).OrderBy(a => a.Id).ToList() ?? []);
                }).ToList()))
            .Where(p => p.Items.Count > 0)
            .ToList();

        var subordinates = await ListAsync(rocYear, parentId: agencyId, ct: ct);
        return new ResultsView(
            results?.Id,
            agency.Id,
            agency.Name,
            agency.NameEn,
            agency.Level,
            agency.ParentId,
            rocYear,
            results?.Status ?? ResultsStatus.Draft,
            results?.Version ?? 0,
            results?.Summary ?? "",
            results?.SubmitsAwardApplication ?? false,
            ResultsWorkflow.RouteOf(agency.Level, agency.ParentId),
            plan is not null,
            pillars,
            results?.Attachments.Where(a => a.SubItemCode is null).OrderBy(a => a.Id).ToList() ?? [],
            results?.StatusChanges.OrderBy(c => c.At).ThenBy(c => c.Id).ToList() ?? [],
            subordinates);
    }

    /// <summary>
    /// Every agency active in the year with its results (or none yet), in the tree's order: within
    /// <paramref name="agencies"/> (a person's scope) and, with <paramref name="parentId"/>, that agency's subordinates only.
    /// </summary>
    public async Task<IReadOnlyList<ResultsListRow>> ListAsync(int rocYear, IReadOnlySet<int>? agencies = null, int? parentId = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var gregorian = RocCalendar.ToGregorianYear(rocYear);
        var query = db.Agencies.AsNoTracking().Where(a => a.ParentId != null);
        if (parentId is { } parent)
        {
            query = query.Where(a => a.ParentId == parent);
        }

        var list = (await query.ToListAsync(ct)).Where(a => a.IsActiveIn(gregorian) && (agencies is null || agencies.Contains(a.Id))).ToList();
        var ids = list.Select(a => a.Id).ToList();
        var results = await db.AnnualResults.AsNoTracking().Include(r => r.StatusChanges)
            .Where(r => r.RocYear == rocYear && ids.Contains(r.AgencyId))
            .ToDictionaryAsync(r => r.AgencyId, ct);
        return list
            .OrderBy(a => a.Level == AgencyLevel.SecondLevel ? a.ParentId : a.Id).ThenBy(a => a.Level).ThenBy(a => a.Id)
            .Select(a =>
            {
                var r = results.GetValueOrDefault(a.Id);
                var submitted = r?.StatusChanges.Where(c => c.To == ResultsStatus.Submitted).MaxBy(c => c.At);
                return new ResultsListRow(a.Id, a.Name, a.NameEn, a.Level, a.ParentId, r?.Status, submitted?.At, submitted?.By);
            })
            .ToList();
    }

    /// <summary>An attachment's row and the agency whose results carry it, for the access check of the download.</summary>
    public async Task<(ResultsAttachment Attachment, int AgencyId)?> AttachmentAsync(int attachmentId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.ResultsAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Join(db.AnnualResults, a => a.ResultsId, r => r.Id, (a, r) => new { Attachment = a, r.AgencyId })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Attachment, row.AgencyId);
    }

    /// <summary>An attachment's content from the data folder, or null when the file is gone.</summary>
    public Stream? OpenContent(ResultsAttachment attachment) => files.Open(attachment.StoredName);
}
