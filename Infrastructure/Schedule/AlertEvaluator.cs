using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>An alert the evaluation raised, as the command line prints it.</summary>
public sealed record RaisedAlert(int AlertId, int AgencyId, string AgencyName, string Obligation, DateOnly DueOn, AlertKind Kind, IReadOnlyList<string> Addresses);

/// <summary>
/// Evaluates every pending obligation as of a day and raises the alerts <see cref="AlertPolicy"/>
/// says are due, with a delivery row per address, all in one transaction. An alert already raised
/// is never raised again (the unique index on obligation and kind makes that hold even for two
/// runs at once).
/// </summary>
public sealed class AlertEvaluator(IDbContextFactory<AppDbContext> contextFactory, ContactBook contacts, TimeProvider clock, IOptions<ScheduleOptions> options)
{
    public async Task<IReadOnlyList<RaisedAlert>> RaiseAsync(DateOnly today, CancellationToken ct = default)
    {
        var catchUp = options.Value.CatchUpDays;
        // Only obligations some stage can still fire for: due within 14 days, or late by no more than the catch-up window allows.
        var earliestDue = today.AddDays(-(catchUp + AlertPolicy.Offset(AlertKind.LateEscalatedToCommission)));
        var latestDue = today.AddDays(-AlertPolicy.Offset(AlertKind.DueIn14Days));
        var addresses = await contacts.LoadAsync(ct);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var candidates = await db.Obligations
            .Where(o => o.Resolution == ObligationResolution.Pending && o.DueOn >= earliestDue && o.DueOn <= latestDue)
            .Select(o => new { o.Id, o.AgencyId, AgencyName = o.Agency!.Name, o.Title, o.DueOn, o.Resolution })
            .ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var raised = (await db.Alerts.Where(a => ids.Contains(a.ObligationId)).Select(a => new { a.ObligationId, a.Kind }).ToListAsync(ct))
            .ToLookup(a => a.ObligationId, a => a.Kind);

        var now = clock.GetUtcNow();
        var created = new List<(Alert Alert, RaisedAlert Row)>();
        foreach (var o in candidates.OrderBy(c => c.DueOn).ThenBy(c => c.AgencyId).ThenBy(c => c.Id))
        {
            if (AlertPolicy.Next(o.Resolution, o.DueOn, today, raised[o.Id].ToList(), catchUp) is not { } kind)
            {
                continue;
            }

            var recipients = AlertPolicy.RecipientsOf(kind);
            var to = addresses(o.AgencyId, recipients);
            var alert = new Alert
            {
                ObligationId = o.Id,
                Kind = kind,
                Recipients = recipients,
                RaisedOn = today,
                RaisedAt = now,
                Deliveries = to.Select(a => new AlertDelivery { Address = a.Address, Role = a.Role, IsFallback = a.IsFallback }).ToList(),
            };
            db.Alerts.Add(alert);
            created.Add((alert, new RaisedAlert(0, o.AgencyId, o.AgencyName, o.Title, o.DueOn, kind, to.Select(a => a.Address).ToList())));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created.Count > 0)
        {
            // Another run raised some of them first: everything it raised stands, this run raises nothing.
            return [];
        }

        return created.Select(c => c.Row with { AlertId = c.Alert.Id }).ToList();
    }
}
