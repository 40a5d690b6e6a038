using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>An alert as the bell and the alerts page list it.</summary>
public sealed record AlertRow(
    int Id,
    AlertKind Kind,
    DateOnly RaisedOn,
    bool IsRead,
    int AgencyId,
    string AgencyName,
    string? AgencyNameEn,
    ObligationKind ObligationKind,
    string Title,
    DateOnly DueOn,
    int RocYear,
    AlertRecipients Recipients,
    int Deliveries,
    int Sent);

/// <summary>What the alerts page filters by.</summary>
public sealed record AlertFilter(bool UnreadOnly = false, AlertKind? Kind = null, int? AgencyId = null, int? RocYear = null, string? Search = null, int Take = 500, AlertScope? Scope = null);

/// <summary>
/// Whose alerts a person sees: the agencies (null: all), the unit when it is a unit's staff (its
/// obligations only), and for the commission's bell the late ones only.
/// </summary>
public sealed record AlertScope(IReadOnlySet<int>? Agencies, string? UnitName = null, bool LateOnly = false)
{
    /// <summary>A unit name no obligation has: staff without a unit see nothing of a unit's.</summary>
    public const string NoUnit = "\0";

    /// <summary>The person whose reading counts (their account id); without one, read is shared.</summary>
    public string? Reader { get; init; }

    public static readonly AlertScope Everything = new(Agencies: null);
}

/// <summary>
/// The alerts people read: the unread count for the bell, the filtered list, marking read, each
/// within the person's <see cref="AlertScope"/>. Each person reads for themselves: the head
/// marking an alert read leaves it unread in the coordinator's bell.
/// </summary>
public sealed class AlertService(IDbContextFactory<AppDbContext> contextFactory, AlertNotifier notifier, TimeProvider clock)
{
    public async Task<int> CountUnreadAsync(AlertScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Unread(Within(db.Alerts, scope), scope?.Reader).CountAsync(ct);
    }

    private static IQueryable<Alert> Unread(IQueryable<Alert> alerts, string? reader) =>
        reader is null ? alerts.Where(a => a.ReadAt == null) : alerts.Where(a => !a.Reads.Any(r => r.UserId == reader));

    private static IQueryable<Alert> Within(IQueryable<Alert> alerts, AlertScope? scope)
    {
        if (scope is null)
        {
            return alerts;
        }

        if (scope.Agencies is not null)
        {
            var ids = scope.Agencies.ToList();
            alerts = alerts.Where(a => ids.Contains(a.Obligation!.AgencyId));
        }

        if (scope.UnitName is { } unit)
        {
            alerts = alerts.Where(a => a.Obligation!.UnitName == unit);
        }

        return scope.LateOnly ? alerts.Where(a => a.Kind >= AlertKind.Late) : alerts;
    }

    public async Task<IReadOnlyList<AlertRow>> ListAsync(AlertFilter filter, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var q = Within(db.Alerts.AsNoTracking(), filter.Scope);
        if (filter.UnreadOnly)
        {
            q = Unread(q, filter.Scope?.Reader);
        }

        if (filter.Kind is { } kind)
        {
            q = q.Where(a => a.Kind == kind);
        }

        if (filter.AgencyId is { } agency)
        {
            q = q.Where(a => a.Obligation!.AgencyId == agency);
        }

        if (filter.RocYear is { } year)
        {
            q = q.Where(a => a.Obligation!.RocYear == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            q = q.Where(a => a.Obligation!.Agency!.Name.Contains(s) || a.Obligation.Title.Contains(s) || (a.Obligation.Agency.NameEn ?? "").Contains(s));
        }

        var reader = filter.Scope?.Reader;
        return await q.OrderByDescending(a => a.RaisedOn).ThenByDescending(a => a.Id).Take(filter.Take)
            .Select(a => new AlertRow(
                a.Id, a.Kind, a.RaisedOn, reader == null ? a.ReadAt != null : a.Reads.Any(r => r.UserId == reader), a.Obligation!.AgencyId, a.Obligation.Agency!.Name, a.Obligation.Agency.NameEn,
                a.Obligation.Kind, a.Obligation.Title, a.Obligation.DueOn, a.Obligation.RocYear, a.Recipients,
                a.Deliveries.Count, a.Deliveries.Count(d => d.Status == DeliveryStatus.Sent)))
            .ToListAsync(ct);
    }

    /// <summary>Marks read the given alerts that lie within <paramref name="scope"/> (others are left alone).</summary>
    public async Task MarkReadAsync(IEnumerable<int> ids, AlertScope? scope = null, CancellationToken ct = default)
    {
        var list = ids.ToList();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var reader = scope?.Reader;
        var alerts = await Unread(Within(db.Alerts, scope), reader).Where(a => list.Contains(a.Id)).ToListAsync(ct);
        foreach (var alert in alerts)
        {
            alert.ReadAt ??= now;
            if (reader is not null)
            {
                db.AlertReads.Add(new AlertRead { AlertId = alert.Id, UserId = reader, ReadAt = now });
            }
        }

        await db.SaveChangesAsync(ct);
        notifier.Notify();
    }
}
