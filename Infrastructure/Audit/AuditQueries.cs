using HighServiceDashboard.Domain.Audit;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Audit;

/// <summary>What the commission filters the audit log by; every part is optional.</summary>
public sealed record AuditFilter(string? Actor = null, string? EntityType = null, int? AgencyId = null, DateOnly? From = null, DateOnly? To = null, int Take = 500);

/// <summary>An audit entry with the agency's name.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string EntityType, string EntityKey, AuditAction Action, int? AgencyId, string? AgencyName, string? Before, string? After);

/// <summary>Reads the audit log, newest first. There is no way to change it here or anywhere else.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<IReadOnlyList<AuditRow>> ListAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            q = q.Where(a => a.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            q = q.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.AgencyId is { } agency)
        {
            q = q.Where(a => a.AgencyId == agency);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            q = q.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            q = q.Where(a => a.At < end);
        }

        var rows = await q.OrderByDescending(a => a.Id).Take(filter.Take).ToListAsync(ct);
        var ids = rows.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(r => new AuditRow(r.Id, r.At, r.Actor, r.EntityType, r.EntityKey, r.Action, r.AgencyId,
            r.AgencyId is { } id ? names.GetValueOrDefault(id) : null, r.Before, r.After)).ToList();
    }

    /// <summary>The kinds of rows the log holds, for the filter's list.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
